/** The built site as the registry checks see it: command blocks and .reg links, read with an HTML parser. */
export { collectSite } from './collect.ts';
export { readPage } from './html.ts';
export type { Site, SiteCommand, SiteRegLink } from './collect.ts';
