/** Registry values and key names as reg.exe, regedit and the .reg format spell them. */

/** A registry value as reg.exe reports it. DWORDs are numbers, everything else text. */
export interface RegValue {
  type: string;
  data: number | string;
}

const SHORT_HIVES: Record<string, string> = {
  HKLM: 'HKEY_LOCAL_MACHINE',
  HKCU: 'HKEY_CURRENT_USER',
  HKCR: 'HKEY_CLASSES_ROOT',
  HKU: 'HKEY_USERS',
  HKCC: 'HKEY_CURRENT_CONFIG',
};

/** HKLM\X -> HKEY_LOCAL_MACHINE\X (a long key stays as it is). */
export function longKey(key: string): string {
  const [hive, ...rest] = key.split('\\');
  return [SHORT_HIVES[hive.toUpperCase()] ?? hive, ...rest].join('\\');
}

/** Registry keys compare without regard to case. */
export function sameKey(a: string, b: string): boolean {
  return longKey(a).toLowerCase() === longKey(b).toLowerCase();
}

export function sameValue(a: RegValue | null, b: RegValue | null): boolean {
  if (a === null || b === null) return a === b;
  return a.type === b.type && a.data === b.data;
}

export function describeValue(value: RegValue | null): string {
  if (value === null) return '(absent)';
  if (typeof value.data === 'number') return `${value.type} ${value.data} (0x${value.data.toString(16)})`;
  return `${value.type} ${JSON.stringify(value.data)}`;
}
