/**
 * Copy-ready commands and .reg files, generated from the structured settings in
 * content/settings.yaml. Nothing on the site types a registry path twice.
 */
import type { PowershellSetting, RegistrySetting, Setting } from '../model/schemas/setting.ts';

const HIVE_NAMES: Record<RegistrySetting['hive'], string> = { HKLM: 'HKEY_LOCAL_MACHINE' };

/** Full key as regedit's address bar shows it. */
export function fullKey(setting: RegistrySetting): string {
  return `${HIVE_NAMES[setting.hive]}\\${setting.key}`;
}

/** Key as `reg.exe` takes it. */
export function shortKey(setting: RegistrySetting): string {
  return `${setting.hive}\\${setting.key}`;
}

/**
 * Quotes one argument the way reg.exe's C runtime splits its command line: a quote inside is
 * written \", and backslashes right before any quote are doubled (else `C:\Shares\` would eat
 * the closing quote).
 */
export function quoteArgument(text: string): string {
  const escaped = text.replace(/(\\*)"/g, (_, slashes: string) => `${slashes}${slashes}\\"`);
  return `"${escaped.replace(/(\\+)$/, '$1$1')}"`;
}

function regAdd(setting: RegistrySetting, data: number | string): string {
  const value = typeof data === 'number' ? String(data) : quoteArgument(data);
  return `reg add "${shortKey(setting)}" /v ${setting.name} /t ${setting.type} /d ${value} /f`;
}

export function regApplyCommand(setting: RegistrySetting): string {
  return regAdd(setting, setting.data);
}

export function regUndoCommand(setting: RegistrySetting): string {
  return setting.undo.action === 'delete'
    ? `reg delete "${shortKey(setting)}" /v ${setting.name} /f`
    : regAdd(setting, setting.undo.data);
}

function regFileValue(setting: RegistrySetting, data: number | string | null): string {
  const name = `"${setting.name}"`;
  if (data === null) return `${name}=-`;
  if (typeof data === 'number') return `${name}=dword:${data.toString(16).padStart(8, '0')}`;
  return `${name}="${data.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`;
}

/** The text of a .reg file that applies (or undoes) the given registry settings, with CRLF line ends. */
export function regFileText(settings: RegistrySetting[], which: 'apply' | 'undo'): string {
  const lines = ['Windows Registry Editor Version 5.00', ''];
  for (const setting of settings) {
    const data = which === 'apply' ? setting.data : setting.undo.action === 'delete' ? null : setting.undo.data;
    lines.push(`[${fullKey(setting)}]`, regFileValue(setting, data), '');
  }
  return lines.join('\r\n');
}

/**
 * Bytes of a .reg file as regedit writes them: plain ASCII when the text is ASCII,
 * otherwise UTF-16LE with a byte-order mark, which is what "Version 5.00" files are.
 */
export function encodeRegFile(text: string): Uint8Array {
  // eslint-disable-next-line no-control-regex
  if (/^[\x00-\x7f]*$/.test(text)) return new TextEncoder().encode(text);
  const bytes = new Uint8Array(2 + text.length * 2);
  bytes[0] = 0xff;
  bytes[1] = 0xfe;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    bytes[2 + i * 2] = code & 0xff;
    bytes[3 + i * 2] = code >> 8;
  }
  return bytes;
}

function psValue(value: boolean | string | number | null): string {
  if (value === null) return '';
  if (typeof value === 'boolean') return value ? ' $true' : ' $false';
  if (typeof value === 'number') return ` ${value}`;
  return ` '${value.replace(/'/g, "''")}'`;
}

function psCall(cmdlet: string, parameters: PowershellSetting['parameters']): string {
  return [cmdlet, ...Object.entries(parameters).map(([name, value]) => `-${name}${psValue(value)}`)].join(' ');
}

export function psApplyCommand(setting: PowershellSetting): string {
  return psCall(setting.cmdlet, setting.parameters);
}

export function psUndoCommand(setting: PowershellSetting): string {
  return psCall(setting.cmdlet, setting.undoParameters);
}

/** One runnable command per shell for applying and undoing a setting. */
export interface CommandPair {
  shell: 'cmd' | 'powershell';
  apply: string;
  undo: string;
}

export function commandsFor(setting: Setting): CommandPair {
  return setting.kind === 'registry'
    ? { shell: 'cmd', apply: regApplyCommand(setting), undo: regUndoCommand(setting) }
    : { shell: 'powershell', apply: psApplyCommand(setting), undo: psUndoCommand(setting) };
}

export function registrySettings(settings: Setting[]): RegistrySetting[] {
  return settings.filter((s): s is RegistrySetting => s.kind === 'registry');
}
