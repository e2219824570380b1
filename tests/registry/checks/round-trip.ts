/**
 * The check that needs Wine: put a value into its starting state, run the advice (a cmd line or a
 * .reg file), read the value back, run the undo, read it again, and compare with settings.yaml.
 */
import { shortKey } from '../../../src/lib/commands.ts';
import type { RegistrySetting } from '../../../src/model/schemas/setting.ts';
import { describeValue, parseCmdLine, parseRegFile, sameValue } from '../parse/index.ts';
import type { RegValue } from '../parse/index.ts';
import type { WinePrefix } from '../wine/index.ts';
import { expectedValue } from './expected.ts';

/** A way to change the registry: a command line pasted into cmd.exe, or a .reg file opened in regedit. */
export type Action = { kind: 'cmd'; line: string } | { kind: 'reg'; label: string; bytes: Uint8Array };

export function cmdAction(line: string): Action {
  return { kind: 'cmd', line };
}

export function regAction(label: string, bytes: Uint8Array | string): Action {
  return { kind: 'reg', label, bytes: typeof bytes === 'string' ? new TextEncoder().encode(bytes) : bytes };
}

function describeAction(action: Action): string {
  return action.kind === 'cmd' ? `\`${action.line}\`` : `${action.label}`;
}

/** Runs one action; returns problems with its form or its run (not with its effect). */
async function perform(wine: WinePrefix, action: Action): Promise<string[]> {
  if (action.kind === 'reg') {
    const problems = parseRegFile(action.bytes).problems.map((p) => `${action.label}: ${p}`);
    const file = await wine.writeFile(action.label.replace(/^.*[\\/]/, '') || 'advice.reg', action.bytes);
    const result = await wine.regedit(file);
    if (result.code !== 0)
      problems.push(`${action.label}: regedit /S exited ${result.code}: ${(result.stdout + result.stderr).trim()}`);
    return problems;
  }
  const parsed = parseCmdLine(action.line);
  const problems = parsed.problems.map((p) => `${describeAction(action)} ${p}`);
  const [program, ...args] = parsed.args;
  if (!program || !/^reg(\.exe)?$/i.test(program)) {
    problems.push(`${describeAction(action)} is not a reg.exe command`);
    return problems;
  }
  const result = await wine.reg(args);
  if (result.code !== 0)
    problems.push(
      `${describeAction(action)} failed with exit code ${result.code}: ${(result.stdout + result.stderr).trim()}`,
    );
  return problems;
}

/** Reads each setting's value and reports every one that is not what `want` says. */
async function compare(
  wine: WinePrefix,
  settings: RegistrySetting[],
  want: (setting: RegistrySetting) => RegValue | null,
  report: (setting: RegistrySetting, found: string, wanted: string) => string,
): Promise<string[]> {
  const problems: string[] = [];
  for (const setting of settings) {
    const wanted = want(setting);
    const found = await wine.query(shortKey(setting), setting.name);
    if (!sameValue(found, wanted)) problems.push(report(setting, describeValue(found), describeValue(wanted)));
  }
  return problems;
}

/**
 * The core check. Puts each setting into its Windows-default state (absent for undo "delete",
 * the undo data for undo "set"), runs `apply`, compares every value with settings.yaml, runs
 * `undo` and checks that every value is back where it started. Returns the problems found.
 */
export async function roundTrip(
  wine: WinePrefix,
  settings: RegistrySetting[],
  apply: Action,
  undo: Action,
): Promise<string[]> {
  const start = (setting: RegistrySetting) => expectedValue(setting, 'undo');
  for (const setting of settings) {
    const value = start(setting);
    if (value === null) await wine.deleteValue(shortKey(setting), setting.name);
    else await wine.setValue(shortKey(setting), setting.name, value);
  }
  const unprepared = await compare(
    wine,
    settings,
    start,
    (s, found, wanted) => `cannot prepare ${shortKey(s)}\\${s.name}: wanted ${wanted}, found ${found}`,
  );
  if (unprepared.length) throw new Error(unprepared.join('; '));

  const problems = await perform(wine, apply);
  problems.push(
    ...(await compare(
      wine,
      settings,
      (setting) => expectedValue(setting, 'apply'),
      (s, found, wanted) =>
        `after apply ${describeAction(apply)}: ${shortKey(s)}\\${s.name} is ${found}; settings.yaml "${s.id}" says ${wanted}`,
    )),
  );
  problems.push(...(await perform(wine, undo)));
  problems.push(
    ...(await compare(
      wine,
      settings,
      start,
      (s, found, wanted) =>
        `after undo ${describeAction(undo)}: ${shortKey(s)}\\${s.name} is ${found}, but before apply it was ${wanted}; the undo does not restore the starting state`,
    )),
  );
  return problems;
}
