import { z } from 'astro/zod';
import { idSchema, isoDateSchema, langSchema } from './common.ts';

/**
 * What every article (symptom, cause, fix) says about itself, in either language.
 * Graph edges name other articles by their `id`, always in the same language.
 */
export const articleSchema = z.object({
  /** Stable id; never changes once published, because `/kb/<id>` links in forums depend on it. */
  id: idSchema,
  /** Language of this article; must match the folder it lives in (`de/` or `en/`). */
  lang: langSchema,
  /** Page title, written as the reader would describe the problem or the fix. */
  title: z.string().min(5).max(120),
  /** One sentence for result lists, link previews and the search excerpt. */
  summary: z.string().min(20).max(240),
  /** Id of the same article in the other language. */
  translation: idSchema,
  /** When the article was last checked against its sources. */
  reviewed: isoDateSchema,
  /** Records of the source thread this article was written from (ids from content/sources). */
  origin: z.array(idSchema).default([]),
  /** Outside sources of facts on this page (ids from content/references). */
  references: z.array(idSchema).default([]),
});
export type ArticleData = z.infer<typeof articleSchema>;
