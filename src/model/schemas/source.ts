import { z } from 'astro/zod';
import { bilingualSchema } from './common.ts';

/**
 * One record of the source thread: the blog post itself or one of its comments.
 * The thread is "Windows 10: Falle bei Netzwerk-Zugriffen" on Günter Born's blog, 2015.
 */
export const sourceRecordSchema = z.object({
  /** Stable id: "post", "c7" for numbered comment 7, "c7-1" for the first reply to it. */
  id: z.string().regex(/^(post|c\d{1,2}(-\d{1,2})?)$/, 'expected "post", "c<number>" or "c<number>-<reply>"'),
  /** The post, a numbered comment, or a reply to one. */
  kind: z.enum(['post', 'comment', 'reply']),
  /** Author name as the thread shows it; null where the thread shows none. */
  author: z.string().min(1).nullable(),
  /** Position as shown in the thread: "2" for comment 2, "2.3" for its third reply; "0" for the post. */
  position: z.string().regex(/^\d{1,2}(\.\d{1,2})?$/),
  /** Windows builds or versions the record mentions. */
  builds: z.array(z.string()).default([]),
  /** What the record reports, in our own words. */
  reports: bilingualSchema,
  /** Why the record carries nothing to use, when it does not (thanks only, off topic). */
  unused: bilingualSchema.optional(),
});
export type SourceRecord = z.infer<typeof sourceRecordSchema>;
