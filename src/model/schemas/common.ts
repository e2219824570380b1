import { z } from 'astro/zod';

import { LANGS, type Lang } from '../langs.ts';

export { LANGS, type Lang };

export const langSchema = z.enum(LANGS, {
  error: (issue) => `expected "de" or "en", found ${JSON.stringify(issue.input)}`,
});

/** A stable, URL-safe id: lower-case letters, digits and single hyphens. */
export const idSchema = z
  .string()
  .regex(
    /^[a-z0-9]+(?:-[a-z0-9]+)*$/,
    'expected lower-case letters, digits and single hyphens (for example "guest-access-blocked")',
  );

/** Text in both languages, for language-neutral records (messages, sources, settings). */
export const bilingualSchema = z.object({
  /** German text. */
  de: z.string().min(1),
  /** English text. */
  en: z.string().min(1),
});
export type Bilingual = z.infer<typeof bilingualSchema>;

/** A date written as YYYY-MM-DD. */
export const isoDateSchema = z.coerce.date({
  error: 'expected a date written as YYYY-MM-DD',
});
