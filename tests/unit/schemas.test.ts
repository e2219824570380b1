import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { fixSchema } from '../../src/model/schemas/fix.ts';
import { messageSchema } from '../../src/model/schemas/message.ts';
import { settingSchema } from '../../src/model/schemas/setting.ts';
import { fixData, guestSetting } from './fixtures.ts';

function issues(result: { success: boolean; error?: { issues: { path: PropertyKey[]; message: string }[] } }) {
  assert.equal(result.success, false, 'expected the schema to refuse the data');
  return result.error!.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
}
const includes = (list: string[], text: string) =>
  assert.ok(
    list.some((l) => l.includes(text)),
    `expected an issue containing "${text}", got ${JSON.stringify(list)}`,
  );

const registry = guestSetting;

describe('schemas refuse bad content with a message that says what was expected', () => {
  it('a high-risk fix without undo or safer alternative', () => {
    const { id, lang, translation } = fixData('en', 'f', 'g');
    const list = issues(
      fixSchema.safeParse({
        ...fixData('en', id, translation),
        lang,
        risk: { level: 'high', exposes: 'Guest access for all.' },
        undo: undefined,
      }),
    );
    includes(list, 'undo: risk level "high" needs undo');
    includes(list, 'risk.safer: a high-risk fix needs risk.safer');
  });

  it('a registry value outside the allowed hives', () => {
    includes(
      issues(settingSchema.safeParse({ ...registry, hive: 'HKCU' })),
      'hive: registry hive "HKCU" is not allowed: expected one of HKLM',
    );
  });

  it('a registry value of an unknown type', () => {
    includes(
      issues(settingSchema.safeParse({ ...registry, type: 'REG_QWORD' })),
      'type: registry type "REG_QWORD" is unknown',
    );
  });

  it('registry data that does not fit its type', () => {
    includes(issues(settingSchema.safeParse({ ...registry, data: '1' })), 'data: REG_DWORD needs a number, found "1"');
  });

  it('a key written with the hive or a trailing backslash', () => {
    includes(
      issues(settingSchema.safeParse({ ...registry, key: 'HKLM\\SYSTEM\\' })),
      'key: expected a key path below the hive',
    );
  });

  it('a verified message wording without a source', () => {
    const message = {
      id: 'm',
      where: 'dialog',
      en: { text: 'Some text', verification: 'microsoft' },
      de: { text: 'Ein Text', verification: 'approximate' },
    };
    includes(issues(messageSchema.safeParse(message)), 'en.source: a "microsoft" wording needs a source');
  });
});
