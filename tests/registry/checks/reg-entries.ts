/** Static checks of registry records and .reg entries against settings.yaml; no Wine needed. */
import { fullKey } from '../../../src/lib/commands.ts';
import type { RegistrySetting } from '../../../src/model/schemas/setting.ts';
import { describeValue, sameKey, sameValue } from '../parse/index.ts';
import type { RegEntry } from '../parse/index.ts';
import { expectedValue } from './expected.ts';

/**
 * Compares the entries of a .reg file with settings.yaml: every entry must be a registry setting's
 * key and name, with the data settings.yaml gives for `which`. Returns the settings it covers.
 */
export function matchRegEntries(
  entries: RegEntry[],
  settings: RegistrySetting[],
  which: 'apply' | 'undo',
  label: string,
): { settings: RegistrySetting[]; problems: string[] } {
  const matched: RegistrySetting[] = [];
  const problems: string[] = [];
  if (entries.length === 0) problems.push(`${label}: contains no values`);
  for (const entry of entries) {
    const setting = settings.find(
      (s) => sameKey(fullKey(s), entry.key) && s.name.toLowerCase() === entry.name.toLowerCase(),
    );
    if (!setting) {
      problems.push(
        `${label}: writes [${entry.key}] "${entry.name}", which no registry setting in settings.yaml declares`,
      );
      continue;
    }
    const expected = expectedValue(setting, which);
    if (!sameValue(entry.value, expected))
      problems.push(
        `${label}: sets ${entry.name} to ${describeValue(entry.value)}; settings.yaml "${setting.id}" says ${describeValue(expected)} for ${which}`,
      );
    if (!matched.includes(setting)) matched.push(setting);
  }
  return { settings: matched, problems };
}

/** Static problems with a registry record that no run in Wine can see (it would be consistent). */
export function settingProblems(setting: RegistrySetting): string[] {
  if (setting.undo.action === 'set' && setting.undo.data === setting.data)
    return [
      `"${setting.id}": undo sets the same data as apply (${JSON.stringify(setting.data)}), so the undo leaves the value as the fix set it`,
    ];
  return [];
}
