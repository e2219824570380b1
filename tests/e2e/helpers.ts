/**
 * What several browser specs share: axe-core's WCAG check of a page in both colour schemes, the
 * knowledge graph (read with the one Node reader; tests/built/readers-agree.test.ts proves it is
 * the graph the build used), and the English example articles with their German translations.
 */
import AxeBuilder from '@axe-core/playwright';
import { expect, type Page } from '@playwright/test';
import { buildGraph, type ArticleNode } from '../../src/model/graph.ts';
import type { Lang } from '../../src/model/langs.ts';
import { readContent } from '../../src/model/read.ts';
import { CONTENT_DIR } from '../../scripts/lib/paths.ts';

export const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

/** axe-core's WCAG A/AA findings on the page as it is now, in the light and the dark theme. */
export async function axeViolations(page: Page): Promise<string[]> {
  const found: string[] = [];
  for (const colorScheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme });
    // The site's dark theme is a prefers-color-scheme media query: make sure it is in force.
    expect(await page.evaluate(() => matchMedia('(prefers-color-scheme: dark)').matches)).toBe(colorScheme === 'dark');
    // Legacy mode runs axe in the page itself; the site has no frames, and the default mode's extra
    // page per run triples the time.
    const result = await new AxeBuilder({ page }).withTags(WCAG_TAGS).setLegacyMode(true).analyze();
    for (const v of result.violations) {
      const nodes = v.nodes.map((n) => `      ${n.target.join(' ')}: ${n.failureSummary?.replace(/\s+/g, ' ')}`);
      found.push(`${colorScheme}: ${v.id} (${v.impact}) ${v.help} – ${v.helpUrl}\n${nodes.join('\n')}`);
    }
  }
  return found;
}

export const graph = buildGraph(readContent(CONTENT_DIR));

/** The English article with this id, or its German translation. */
export function article<T extends ArticleNode = ArticleNode>(lang: Lang, enId: string): T {
  const en = graph.get(enId);
  if (!en) throw new Error(`no article ${enId}`);
  return (lang === 'en' ? en : graph.translation(en)) as T;
}
