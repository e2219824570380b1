/** Every command block and .reg link of a built site (dist/), with what is wrong with their form. */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { readPage } from './html.ts';

export interface SiteCommand {
  /** The page, relative to dist: en/fixes/<slug>/index.html. */
  page: string;
  shell: string;
  role: string;
  setting: string;
  text: string;
}
export interface SiteRegLink {
  page: string;
  role: string;
  href: string;
  /** The .reg file in dist, or null when the link does not resolve to one. */
  file: string | null;
  /** Its bytes, when it resolves. */
  bytes: Uint8Array | null;
}
export interface Site {
  dist: string;
  pages: string[];
  commands: SiteCommand[];
  regLinks: SiteRegLink[];
  problems: string[];
}

function htmlFiles(dir: string): string[] {
  const out: string[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (entry.name.startsWith('.')) continue;
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) out.push(...htmlFiles(full));
    else if (entry.name.endsWith('.html')) out.push(full);
  }
  return out.sort();
}

function command(page: string, attrs: Record<string, string>, text: string, problems: string[]): SiteCommand {
  const shell = attrs['data-shell'] ?? '';
  const role = attrs['data-role'] ?? '';
  const setting = attrs['data-setting'] ?? '';
  if (!['cmd', 'powershell'].includes(shell))
    problems.push(`${page}: pre.cmd with data-shell=${JSON.stringify(shell)} (expected cmd or powershell): ${text}`);
  if (!['apply', 'undo'].includes(role))
    problems.push(`${page}: pre.cmd with data-role=${JSON.stringify(role)} (expected apply or undo): ${text}`);
  if (!setting) problems.push(`${page}: pre.cmd without data-setting: ${text}`);
  return { page, shell, role, setting, text };
}

function regLink(dist: string, page: string, attrs: Record<string, string>, problems: string[]): SiteRegLink {
  const role = attrs['data-reg'];
  const href = attrs.href ?? '';
  if (!['apply', 'undo'].includes(role))
    problems.push(`${page}: a[data-reg=${JSON.stringify(role)}] (expected apply or undo): ${href}`);
  if (!('download' in attrs)) problems.push(`${page}: .reg link ${href} lacks the download attribute`);
  const url = new URL(href, `https://site.invalid/${page.split(path.sep).join('/')}`);
  const target = url.host === 'site.invalid' ? path.join(dist, decodeURIComponent(url.pathname)) : null;
  if (!target || !target.endsWith('.reg') || !existsSync(target) || !statSync(target).isFile()) {
    problems.push(`${page}: .reg link ${href} does not point to a .reg file in ${dist}`);
    return { page, role, href, file: null, bytes: null };
  }
  return { page, role, href, file: target, bytes: new Uint8Array(readFileSync(target)) };
}

/** Every pre.cmd block and a[data-reg] link in dist/**\/*.html. */
export function collectSite(dist: string): Site {
  const site: Site = { dist, pages: htmlFiles(dist), commands: [], regLinks: [], problems: [] };
  for (const file of site.pages) {
    const page = path.relative(dist, file);
    const { blocks, regLinks } = readPage(readFileSync(file, 'utf8'));
    for (const block of blocks) site.commands.push(command(page, block.attrs, block.text, site.problems));
    for (const attrs of regLinks) site.regLinks.push(regLink(dist, page, attrs, site.problems));
  }
  return site;
}
