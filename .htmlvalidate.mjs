/**
 * html-validate configuration for the built site (tests/built/html.test.ts validates every page of
 * dist/ with it). Every rule turned off or changed here says why.
 */
export default {
  root: true,
  extends: ['html-validate:recommended'],
  rules: {
    // Off: an SEO heuristic (search engines cut long titles in result lists), not a markup error.
    // Titles are the article's title plus the site name; authors word titles for clarity in both
    // languages, and src/schemas/article.ts limits them to 120 characters.
    'long-title': 'off',
  },
};
