import { z } from 'astro/zod';
import { articleSchema } from './article.ts';
import { idSchema } from './common.ts';

/** A cause: what is going on behind one or more symptoms, and what fixes it. */
export const causeSchema = articleSchema.extend({
  /** Since which Windows version or build the cause exists, when known (e.g. "Windows 10 1709"). */
  since: z.string().min(2).optional(),
  /** Whether the cause is established by a source or only suspected by readers. */
  certainty: z.enum(['documented', 'reported', 'suspected']),
  /** Fixes that address this cause (fix ids in the same language), in the order to try them. */
  fixes: z
    .array(idSchema)
    .min(1, 'a cause needs at least one fix; say "unsolved" on the symptom instead of leaving it empty'),
});
export type CauseData = z.infer<typeof causeSchema>;
