import type { RegistrySetting } from '../../../src/model/schemas/setting.ts';
import type { RegValue } from '../parse/index.ts';

/** What settings.yaml says the value is after apply, or after undo (null = absent). */
export function expectedValue(setting: RegistrySetting, which: 'apply' | 'undo'): RegValue | null {
  if (which === 'apply') return { type: setting.type, data: setting.data };
  return setting.undo.action === 'delete' ? null : { type: setting.type, data: setting.undo.data };
}
