/**
 * The site's advice run in Wine: apply and undo blocks (and .reg links) paired per page, each
 * pair once however many pages show it, every apply x undo combination through roundTrip.
 */
import { createHash } from 'node:crypto';
import type { Setting } from '../../../src/model/schemas/setting.ts';
import type { SiteCommand } from '../site/index.ts';
import type { WinePrefix } from '../wine/index.ts';
import { cmdAction, regAction, roundTrip } from './round-trip.ts';
import type { SiteRegFile } from './site.ts';

export interface CmdPair {
  pages: string[];
  setting: string;
  apply: string[];
  undo: string[];
}

/** cmd blocks paired into apply and undo per page and setting; identical pairs (de/en) once. */
export function cmdPairs(site: { commands: SiteCommand[] }): CmdPair[] {
  const perPage = new Map<string, { page: string; setting: string; apply: string[]; undo: string[] }>();
  for (const c of site.commands.filter((c) => c.shell === 'cmd')) {
    const key = `${c.page}\0${c.setting}`;
    if (!perPage.has(key)) perPage.set(key, { page: c.page, setting: c.setting, apply: [], undo: [] });
    perPage.get(key)![c.role === 'undo' ? 'undo' : 'apply'].push(c.text);
  }
  const pairs = new Map<string, CmdPair>();
  for (const { page, setting, apply, undo } of perPage.values()) {
    const id = JSON.stringify([setting, apply, undo]);
    if (!pairs.has(id)) pairs.set(id, { setting, apply, undo, pages: [] });
    pairs.get(id)!.pages.push(page);
  }
  return [...pairs.values()];
}

/** Runs every apply x undo of a cmd pair in Wine against the setting named by data-setting. */
export async function runCmdPair(
  wine: WinePrefix,
  pair: CmdPair,
  settings: Setting[],
  log: (line: string) => void = () => {},
): Promise<string[]> {
  const setting = settings.find((s) => s.id === pair.setting);
  if (setting?.kind !== 'registry')
    return [`data-setting "${pair.setting}" on ${pair.pages.join(', ')} is not a registry setting in settings.yaml`];
  const problems: string[] = [];
  if (pair.apply.length === 0) problems.push(`${pair.pages.join(', ')}: no apply command for ${pair.setting}`);
  if (pair.undo.length === 0) problems.push(`${pair.pages.join(', ')}: no undo command for ${pair.setting}`);
  for (const apply of pair.apply)
    for (const undo of pair.undo) {
      log(`ran: ${apply}  |  ${undo}`);
      problems.push(...(await roundTrip(wine, [setting], cmdAction(apply), cmdAction(undo))));
    }
  return problems;
}

export interface RegPair {
  pages: string[];
  apply: SiteRegFile[];
  undo: SiteRegFile[];
}

/** .reg links paired into apply and undo per page; identical pairs (same bytes) once. */
export function regPairs(regFiles: SiteRegFile[]): RegPair[] {
  const perPage = new Map<string, { apply: SiteRegFile[]; undo: SiteRegFile[] }>();
  for (const f of regFiles) {
    if (!perPage.has(f.page)) perPage.set(f.page, { apply: [], undo: [] });
    perPage.get(f.page)![f.role === 'undo' ? 'undo' : 'apply'].push(f);
  }
  const hash = (files: SiteRegFile[]) => files.map((f) => createHash('sha256').update(f.bytes).digest('hex')).join(',');
  const pairs = new Map<string, RegPair>();
  for (const [page, group] of perPage) {
    const id = `${hash(group.apply)}|${hash(group.undo)}`;
    if (!pairs.has(id)) pairs.set(id, { ...group, pages: [] });
    pairs.get(id)!.pages.push(page);
  }
  return [...pairs.values()];
}

/** Runs every apply x undo .reg of a page in regedit and compares with the settings they name. */
export async function runRegPair(
  wine: WinePrefix,
  pair: RegPair,
  log: (line: string) => void = () => {},
): Promise<string[]> {
  const problems: string[] = [];
  if (pair.apply.length === 0) problems.push(`${pair.pages.join(', ')}: undo .reg without an apply .reg`);
  if (pair.undo.length === 0) problems.push(`${pair.pages.join(', ')}: apply .reg without an undo .reg`);
  for (const apply of pair.apply)
    for (const undo of pair.undo) {
      const a = apply.settings.map((s) => s.id).sort();
      const u = undo.settings.map((s) => s.id).sort();
      if (JSON.stringify(a) !== JSON.stringify(u))
        problems.push(
          `${apply.href} sets ${a.join(', ') || 'nothing'} but ${undo.href} undoes ${u.join(', ') || 'nothing'}`,
        );
      log(`ran: regedit /S ${apply.href}, then ${undo.href} (pages: ${pair.pages.join(', ')})`);
      problems.push(
        ...(await roundTrip(
          wine,
          apply.settings,
          regAction(apply.href, apply.bytes),
          regAction(undo.href, undo.bytes),
        )),
      );
    }
  return problems;
}
