/** PowerShell is checked by form only (it cannot run under Wine), against known-cmdlets.json and settings.yaml. */
import { psApplyCommand, psUndoCommand } from '../../../src/lib/commands.ts';
import type { PowershellSetting, Setting } from '../../../src/model/schemas/setting.ts';
import { parsePsCall } from '../parse/index.ts';
import type { SiteCommand } from '../site/index.ts';

export interface KnownCmdlet {
  source: string;
  parameters: string[];
  /** Switch parameters: given without a value. */
  switches?: string[];
  /** Boolean parameters: given $true or $false. */
  booleans?: string[];
}
export type KnownCmdlets = Record<string, KnownCmdlet>;

/** Problems with one PowerShell command line against the known cmdlets and parameters. */
export function checkPsCommand(line: string, known: KnownCmdlets): string[] {
  const call = parsePsCall(line);
  const problems = call.problems.map((p) => `\`${line}\` ${p}`);
  const cmdlet = known[call.cmdlet];
  if (!cmdlet) {
    const other = Object.keys(known).find((k) => k.toLowerCase() === call.cmdlet.toLowerCase());
    problems.push(
      other
        ? `\`${line}\`: write the cmdlet as ${other}, not ${call.cmdlet}`
        : `\`${line}\`: cmdlet ${call.cmdlet} is not in tests/registry/known-cmdlets.json; add it with its documented parameters once verified`,
    );
    return problems;
  }
  const seen = new Set<string>();
  for (const { name, value } of call.parameters) {
    const canonical = cmdlet.parameters.find((p) => p.toLowerCase() === name.toLowerCase());
    if (!canonical) {
      problems.push(
        `\`${line}\`: ${call.cmdlet} has no parameter -${name} (known: ${cmdlet.parameters.join(', ')}; source: ${cmdlet.source})`,
      );
      continue;
    }
    if (canonical !== name) problems.push(`\`${line}\`: write -${canonical}, not -${name}`);
    if (seen.has(canonical)) problems.push(`\`${line}\`: gives -${canonical} twice`);
    seen.add(canonical);
    if (cmdlet.switches?.includes(canonical)) {
      if (value !== undefined && value !== true)
        problems.push(`\`${line}\`: -${canonical} is a switch and takes no value`);
    } else if (cmdlet.booleans?.includes(canonical)) {
      if (typeof value !== 'boolean') problems.push(`\`${line}\`: -${canonical} needs $true or $false`);
    } else if (value === undefined) {
      problems.push(`\`${line}\`: -${canonical} needs a value`);
    }
  }
  return problems;
}

/** A setting's generated apply and undo calls, by form, and that the undo resets what the apply set. */
export function checkPsSetting(setting: PowershellSetting, known: KnownCmdlets): string[] {
  const problems = [
    ...checkPsCommand(psApplyCommand(setting), known),
    ...checkPsCommand(psUndoCommand(setting), known),
  ];
  const switches = known[setting.cmdlet]?.switches ?? [];
  const values = (params: PowershellSetting['parameters']) =>
    Object.entries(params).filter(([name, value]) => !(value === null && switches.includes(name)));
  const applied = values(setting.parameters);
  const undone = new Map(values(setting.undoParameters));
  if (applied.length === 0) problems.push(`"${setting.id}": the apply call sets no value`);
  for (const [name, value] of applied) {
    if (!undone.has(name)) problems.push(`"${setting.id}": the undo call does not reset -${name}`);
    else if (undone.get(name) === value)
      problems.push(`"${setting.id}": the undo call sets -${name} to the same value as the apply call`);
  }
  for (const name of undone.keys())
    if (!applied.some(([n]) => n === name))
      problems.push(`"${setting.id}": the undo call changes -${name}, which the apply call does not`);
  return problems;
}

/** Does a PowerShell line shown on the site make the same call as settings.yaml? */
export function psLineMatchesSetting(line: string, setting: PowershellSetting, which: 'apply' | 'undo'): string[] {
  const call = parsePsCall(line);
  const wanted = which === 'apply' ? setting.parameters : setting.undoParameters;
  const problems: string[] = [];
  if (call.cmdlet.toLowerCase() !== setting.cmdlet.toLowerCase())
    problems.push(`\`${line}\`: runs ${call.cmdlet}; settings.yaml "${setting.id}" says ${setting.cmdlet}`);
  const given = new Map(call.parameters.map((p) => [p.name.toLowerCase(), p.value]));
  for (const [name, value] of Object.entries(wanted)) {
    const key = name.toLowerCase();
    if (!given.has(key)) problems.push(`\`${line}\`: lacks -${name} (settings.yaml "${setting.id}", ${which})`);
    else if (value === null ? given.get(key) !== undefined && given.get(key) !== true : given.get(key) !== value)
      problems.push(
        `\`${line}\`: -${name} is ${String(given.get(key))}; settings.yaml "${setting.id}" says ${String(value)} for ${which}`,
      );
    given.delete(key);
  }
  for (const name of given.keys())
    problems.push(`\`${line}\`: -${name} is not in settings.yaml "${setting.id}" (${which})`);
  return problems;
}

/** PowerShell blocks on the site: form, and the same call settings.yaml describes. */
export function sitePsProblems(site: { commands: SiteCommand[] }, settings: Setting[], known: KnownCmdlets): string[] {
  const problems: string[] = [];
  for (const c of site.commands.filter((c) => c.shell === 'powershell')) {
    problems.push(...checkPsCommand(c.text, known).map((p) => `${c.page}: ${p}`));
    const setting = settings.find((s) => s.id === c.setting);
    if (setting?.kind === 'powershell')
      problems.push(
        ...psLineMatchesSetting(c.text, setting, c.role === 'undo' ? 'undo' : 'apply').map((p) => `${c.page}: ${p}`),
      );
  }
  return problems;
}
