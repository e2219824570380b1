/**
 * Checks of the built site that need no Wine: every block and .reg link names a known setting in
 * the right shell, sits on the page of a fix that lists it, and the settings the site shows are
 * exactly the ones fixes reference.
 */
import path from 'node:path';
import type { RegistrySetting, Setting } from '../../../src/model/schemas/setting.ts';
import type { FixSettings } from '../data.ts';
import { parseRegFile } from '../parse/index.ts';
import type { ParsedRegFile } from '../parse/index.ts';
import type { Site, SiteCommand, SiteRegLink } from '../site/index.ts';
import { matchRegEntries } from './reg-entries.ts';

/** The fix whose page this is (a page path relative to dist, like en/fixes/<slug>/index.html). */
export function fixOfPage(page: string, fixes: FixSettings[]): FixSettings | undefined {
  const parts = page.split(path.sep);
  if (parts.at(-1) !== 'index.html') return undefined;
  const url = `/${parts.slice(0, -1).join('/')}/`;
  return fixes.find((f) => f.url === url);
}

/** A .reg link with its bytes parsed, its form checked and its entries matched to settings.yaml. */
export interface SiteRegFile extends SiteRegLink {
  bytes: Uint8Array;
  parsed: ParsedRegFile;
  settings: RegistrySetting[];
  problems: string[];
}

export function matchSiteRegFiles(site: Pick<Site, 'regLinks'>, registry: RegistrySetting[]): SiteRegFile[] {
  return site.regLinks
    .filter((link): link is SiteRegLink & { bytes: Uint8Array } => link.bytes !== null)
    .map((link) => {
      const parsed = parseRegFile(link.bytes);
      const matched = matchRegEntries(parsed.entries, registry, link.role === 'undo' ? 'undo' : 'apply', link.href);
      return {
        ...link,
        parsed,
        settings: matched.settings,
        problems: [...parsed.problems.map((p) => `${link.href}: ${p}`), ...matched.problems],
      };
    });
}

/** Everything about the site's blocks and links that can be checked without running them. */
export function siteFormProblems(
  site: Site,
  regFiles: SiteRegFile[],
  settings: Setting[],
  fixes: FixSettings[],
): string[] {
  const byId = new Map(settings.map((s) => [s.id, s]));
  const problems = [...site.problems];
  for (const c of site.commands) {
    const setting = byId.get(c.setting);
    if (!setting) problems.push(`${c.page}: data-setting="${c.setting}" is not in settings.yaml`);
    else if ((setting.kind === 'registry') !== (c.shell === 'cmd'))
      problems.push(`${c.page}: ${setting.kind} setting "${c.setting}" shown with data-shell="${c.shell}"`);
    const fix = fixOfPage(c.page, fixes);
    if (fix && !fix.settings.includes(c.setting))
      problems.push(`${c.page}: shows setting "${c.setting}", which fix ${fix.id} does not list in settings:`);
  }
  for (const f of regFiles) {
    problems.push(...f.problems);
    const fix = fixOfPage(f.page, fixes);
    if (!fix) continue;
    const want = fix.settings.filter((id) => byId.get(id)?.kind === 'registry').sort();
    const have = f.settings.map((s) => s.id).sort();
    if (JSON.stringify(want) !== JSON.stringify(have))
      problems.push(
        `${f.href}: covers ${have.join(', ') || 'nothing'}; fix ${fix.id} uses registry settings ${want.join(', ') || 'none'}`,
      );
  }
  return problems;
}

/** Which forms the site shows one setting in. */
type Form = 'cmd apply' | 'cmd undo' | 'reg apply' | 'reg undo' | 'powershell apply' | 'powershell undo';

const NEEDED: Record<Setting['kind'], [Form, string][]> = {
  registry: [
    ['cmd apply', 'a cmd apply command'],
    ['cmd undo', 'a cmd undo command'],
    ['reg apply', 'an apply .reg file'],
    ['reg undo', 'an undo .reg file'],
  ],
  powershell: [
    ['powershell apply', 'a PowerShell apply command'],
    ['powershell undo', 'a PowerShell undo command'],
  ],
};

function formsShown(commands: SiteCommand[], regFiles: { role: string; settings: RegistrySetting[] }[]) {
  const shown = new Map<string, Set<Form>>();
  const add = (id: string, form: Form) => shown.set(id, (shown.get(id) ?? new Set<Form>()).add(form));
  const role = (r: string) => (r === 'undo' ? 'undo' : 'apply');
  for (const c of commands)
    if (c.shell === 'cmd' || c.shell === 'powershell') add(c.setting, `${c.shell} ${role(c.role)}`);
  for (const f of regFiles) for (const s of f.settings) add(s.id, `reg ${role(f.role)}`);
  return shown;
}

/**
 * The settings the site covers must equal the settings fixes reference: every registry setting a
 * fix uses appears as an apply and an undo command and in an apply and an undo .reg file, every
 * PowerShell setting as an apply and an undo command, and the site shows nothing no fix uses.
 * `regFiles` are the matched .reg links (role, matched settings, page).
 */
export function checkCoverage(
  site: { commands: SiteCommand[] },
  regFiles: { page: string; role: string; settings: RegistrySetting[] }[],
  settings: Setting[],
  fixes: FixSettings[],
): { problems: string[]; covered: Set<string>; referenced: Set<string> } {
  const problems: string[] = [];
  const byId = new Map(settings.map((s) => [s.id, s]));
  const referenced = new Set<string>();
  for (const fix of fixes)
    for (const id of fix.settings) {
      if (!byId.has(id)) problems.push(`${fix.file}: setting "${id}" is not in settings.yaml`);
      else referenced.add(id);
    }
  const shown = formsShown(site.commands, regFiles);
  for (const id of [...referenced].sort()) {
    const forms = shown.get(id) ?? new Set<Form>();
    const missing = NEEDED[byId.get(id)!.kind].filter(([form]) => !forms.has(form)).map(([, name]) => name);
    if (missing.length)
      problems.push(`setting "${id}" is used by a fix, but the site lacks ${missing.join(', ')} for it`);
  }
  const covered = new Set(shown.keys());
  for (const id of [...covered].sort())
    if (!referenced.has(id)) problems.push(`the site shows setting "${id}", but no fix references it`);
  return { problems, covered, referenced };
}
