import { z } from 'astro/zod';
import { bilingualSchema, idSchema } from './common.ts';

/**
 * Hosts a reference may link to: Microsoft's documentation sites and the public GitHub
 * repositories that hold their sources. Anything else is a forum or a blog, which may support a
 * wording (`verification: seen`) but is not a source of facts on the pages.
 */
export const REFERENCE_HOSTS = [
  'learn.microsoft.com',
  'support.microsoft.com',
  'techcommunity.microsoft.com',
  'github.com',
] as const;

const urlSchema = z.url().refine(
  (value) => {
    const url = new URL(value);
    return url.protocol === 'https:' && (REFERENCE_HOSTS as readonly string[]).includes(url.hostname);
  },
  {
    message: `expected an https address on one of ${REFERENCE_HOSTS.join(', ')}; a source elsewhere keeps its title and gives noLink instead`,
  },
);

/**
 * An outside source of facts, cited on the pages by title and linked by an address seen as that
 * page's own (a search result or a fetched documentation repository), never a derived one.
 */
export const referenceSchema = z
  .object({
    /** Stable id, referenced by articles, messages, settings and `<Cite id="…" />` in article bodies. */
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
    /** Label where an article body cites it with `<Cite id="…" />`; defaults to the KB number, then the title. */
    short: z.string().min(2).max(40).optional(),
    /** The page's own address; https, on one of REFERENCE_HOSTS. */
    url: urlSchema.optional(),
    /**
     * Where that address was seen as the page's own, so a reviewer can repeat the check
     * (e.g. "search docs corpus, result address" or "MicrosoftDocs/SupportArticles-docs: path/file.md").
     */
    foundAt: z.string().min(5).optional(),
    /** Why there is no link, in both languages; required when `url` is missing. */
    noLink: bilingualSchema.optional(),
    /** Windows versions the facts taken from this source were checked for (e.g. "Windows 11 24H2"). */
    checkedFor: z.array(z.string().min(5)).min(1, 'name the Windows versions the facts were checked for'),
  })
  .superRefine((ref, ctx) => {
    if (ref.url && !ref.foundAt)
      ctx.addIssue({
        code: 'custom',
        path: ['foundAt'],
        message: `the address of "${ref.id}" needs foundAt: say where you saw it as that page's own address`,
      });
    if (!ref.url && !ref.noLink)
      ctx.addIssue({
        code: 'custom',
        path: ['noLink'],
        message: `"${ref.id}" has no url: link the page's own address, or give noLink with the reason (de and en)`,
      });
    if (ref.url && ref.noLink)
      ctx.addIssue({
        code: 'custom',
        path: ['noLink'],
        message: `"${ref.id}" has both url and noLink: keep one`,
      });
  });
export type Reference = z.infer<typeof referenceSchema>;
