/**
 * The two languages of the site; German is the source's language. Kept free of any library so
 * that client scripts (the 404 page, the search) can import it without pulling in the schemas.
 */
export const LANGS = ['de', 'en'] as const;
export type Lang = (typeof LANGS)[number];
