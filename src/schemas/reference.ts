import { z } from 'astro/zod';
import { idSchema } from './common.ts';

/** An outside source of facts, cited by title; addresses only where one is known for certain. */
export const referenceSchema = z.object({
  /** Stable id, referenced by articles, messages and settings. */
  id: idSchema,
  /** Title as published. */
  title: z.string().min(3),
  /** Who published it. */
  publisher: z.string().min(2),
  /** Knowledge-base number, where there is one (e.g. "KB4046019"). */
  kb: z
    .string()
    .regex(/^KB\d{6,7}$/)
    .optional(),
});
export type Reference = z.infer<typeof referenceSchema>;
