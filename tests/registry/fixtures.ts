/**
 * A small fake built site in a temp folder for planted.test.ts: fix pages with command blocks and
 * .reg links as the real build writes them, which a test can then break one way at a time.
 */
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after } from 'node:test';
import { commandsFor, encodeRegFile, regFileText, registrySettings } from '../../src/lib/commands.ts';
import { articlePath, regFilePath } from '../../src/model/routes.ts';
import type { Lang } from '../../src/model/schemas/common.ts';
import type { Setting } from '../../src/model/schemas/setting.ts';
import type { FixSettings } from './data.ts';

export interface Block {
  shell: string;
  role: string;
  setting: string;
  text: string;
}
export interface PlantedPage {
  lang: Lang;
  slug: string;
  blocks: Block[];
  reg?: { apply: Uint8Array; undo: Uint8Array };
}

const escapeHtml = (s: string) =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');

/** The page a correct build would render for a fix with these settings. */
export function goodPage(lang: Lang, slug: string, list: Setting[]): PlantedPage {
  const blocks = list.flatMap((s) => {
    const c = commandsFor(s);
    return [
      { shell: c.shell, role: 'apply', setting: s.id, text: c.apply },
      { shell: c.shell, role: 'undo', setting: s.id, text: c.undo },
    ];
  });
  const reg = registrySettings(list);
  return {
    lang,
    slug,
    blocks,
    reg: reg.length
      ? { apply: encodeRegFile(regFileText(reg, 'apply')), undo: encodeRegFile(regFileText(reg, 'undo')) }
      : undefined,
  };
}

/** The fix a planted page belongs to, as loadContent() would hand it over. */
export function plantedFix(lang: Lang, slug: string, settings: string[]): FixSettings {
  return { id: slug, lang, url: articlePath(lang, 'fix', slug), file: `content/fixes/${lang}/${slug}.mdx`, settings };
}

async function writePage(dist: string, page: PlantedPage): Promise<void> {
  const file = (url: string) => path.join(dist, ...url.split('/'));
  const dir = file(articlePath(page.lang, 'fix', page.slug));
  await mkdir(dir, { recursive: true });
  const blocks = page.blocks
    .map(
      (b) =>
        `<pre class="cmd" data-shell="${b.shell}" data-role="${b.role}" data-setting="${b.setting}"><code>${escapeHtml(b.text)}</code></pre>`,
    )
    .join('\n');
  let links = '';
  if (page.reg) {
    const apply = regFilePath(page.lang, page.slug, 'apply');
    const undo = regFilePath(page.lang, page.slug, 'undo');
    await writeFile(file(apply), page.reg.apply);
    await writeFile(file(undo), page.reg.undo);
    links = `<a href="${apply}" download data-reg="apply">apply</a> <a href="${undo}" download data-reg="undo">undo</a>`;
  }
  await writeFile(
    path.join(dir, 'index.html'),
    `<!doctype html><html lang="${page.lang}"><body><main>${blocks}\n${links}</main></body></html>`,
  );
}

/** Registers cleanup for the enclosing suite and returns a function that writes a site and gives its folder. */
export function usePlantedSites(): (pages: PlantedPage[]) => Promise<string> {
  const dirs: string[] = [];
  after(async () => {
    for (const dir of dirs) await rm(dir, { recursive: true, force: true });
  });
  return async (pages) => {
    const dist = await mkdtemp(path.join(tmpdir(), 'kb-planted-dist-'));
    dirs.push(dist);
    for (const page of pages) await writePage(dist, page);
    return dist;
  };
}
