/**
 * Reads a .reg file as regedit reads "Version 5.00" files, and checks its form. Pure: bytes in,
 * entries and problems out.
 */
import type { RegValue } from './registry.ts';

/** One value line of a .reg file; value null means "delete this value" ("Name"=-). */
export interface RegEntry {
  key: string;
  name: string;
  value: RegValue | null;
}

export interface ParsedRegFile {
  encoding: 'ascii' | 'utf-16le' | 'utf-8' | 'latin1';
  text: string;
  entries: RegEntry[];
  /** Format problems: anything regedit could misread, or that the site must not ship. */
  problems: string[];
}

export const REG_HEADER = 'Windows Registry Editor Version 5.00';

/** Reads a quoted .reg string starting at s[start] === '"'; only \\ and \" are escapes. */
function readQuoted(s: string, start: number, problems: string[]): { value: string; end: number } | null {
  let value = '';
  for (let i = start + 1; i < s.length; i++) {
    const c = s[i];
    if (c === '"') return { value, end: i + 1 };
    if (c === '\\') {
      const next = s[i + 1];
      if (next === '\\' || next === '"') {
        value += next;
        i++;
      } else {
        problems.push(
          `backslash before ${JSON.stringify(next ?? '')} in ${s}: write backslashes in .reg strings as \\\\`,
        );
        value += c;
      }
      continue;
    }
    value += c;
  }
  return null;
}

/** regedit takes ASCII or UTF-16LE with a byte-order mark; anything else it may misread. */
function decode(bytes: Uint8Array, problems: string[]): Pick<ParsedRegFile, 'encoding' | 'text'> {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) {
    if (bytes.length % 2 !== 0) problems.push('UTF-16LE file has an odd number of bytes');
    return { encoding: 'utf-16le', text: new TextDecoder('utf-16le').decode(bytes.subarray(2)) };
  }
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    problems.push('UTF-8 byte-order mark: regedit expects ASCII or UTF-16LE with a byte-order mark');
    return { encoding: 'utf-8', text: new TextDecoder('utf-8').decode(bytes.subarray(3)) };
  }
  if (bytes.every((b) => b < 0x80)) return { encoding: 'ascii', text: new TextDecoder('ascii').decode(bytes) };
  problems.push('non-ASCII bytes without a UTF-16LE byte-order mark: regedit would read them in the ANSI code page');
  return { encoding: 'latin1', text: Buffer.from(bytes).toString('latin1') };
}

/** A `[key]` line: the key its values go to, or null when none may (a broken or whole-key line). */
function keyLine(line: string, where: string, problems: string[]): string | null {
  if (!line.endsWith(']')) {
    problems.push(`${where}: key line without closing bracket: ${line}`);
    return null;
  }
  if (line.startsWith('[-')) {
    problems.push(`${where}: deletes a whole key (${line}); the site only sets or deletes single values`);
    return null;
  }
  const key = line.slice(1, -1);
  if (!/^HKEY_[A-Z_]+\\/.test(key))
    problems.push(`${where}: key must start with a full hive name like HKEY_LOCAL_MACHINE\\: ${line}`);
  return key;
}

/** A `"Name"=data` line below `key`; null when it cannot be read (the problem is recorded). */
function valueLine(key: string, line: string, where: string, problems: string[]): RegEntry | null {
  let name = '';
  let rest: string;
  if (line.startsWith('@=')) {
    rest = line.slice(2);
  } else {
    const quoted = line.startsWith('"') ? readQuoted(line, 0, problems) : null;
    if (!quoted || line[quoted.end] !== '=') {
      problems.push(`${where}: cannot read value line: ${line}`);
      return null;
    }
    name = quoted.value;
    rest = line.slice(quoted.end + 1);
  }
  if (rest === '-') return { key, name, value: null };
  if (rest.startsWith('dword:')) {
    const hex = rest.slice('dword:'.length);
    if (!/^[0-9a-fA-F]{8}$/.test(hex))
      problems.push(`${where}: dword data must be exactly 8 hex digits, found "${hex}"`);
    if (!/^[0-9a-fA-F]{1,8}$/.test(hex)) return null;
    return { key, name, value: { type: 'REG_DWORD', data: parseInt(hex, 16) } };
  }
  if (rest.startsWith('"')) {
    const quoted = readQuoted(rest, 0, problems);
    if (!quoted || quoted.end !== rest.length) {
      problems.push(`${where}: cannot read string value: ${line}`);
      return null;
    }
    return { key, name, value: { type: 'REG_SZ', data: quoted.value } };
  }
  problems.push(`${where}: value type the site does not write (only dword, string and delete): ${line}`);
  return null;
}

/**
 * Decodes and parses a .reg file as regedit reads "Version 5.00" files, and checks its form:
 * first line "Windows Registry Editor Version 5.00", CRLF line ends, ASCII or UTF-16LE with BOM,
 * DWORDs as 8 hex digits, only the value types the site writes.
 */
export function parseRegFile(bytes: Uint8Array): ParsedRegFile {
  const problems: string[] = [];
  const { encoding, text } = decode(bytes, problems);
  if (/(^|[^\r])\n/.test(text)) problems.push('line ends must be CRLF: found a LF without CR');
  if (/\r(?!\n)/.test(text)) problems.push('line ends must be CRLF: found a CR without LF');
  if (!text.endsWith('\r\n')) problems.push('the last line has no CRLF: regedit may skip it');
  const lines = text.split(/\r?\n/);
  if (lines[0] !== REG_HEADER) problems.push(`first line must be "${REG_HEADER}", found ${JSON.stringify(lines[0])}`);

  const entries: RegEntry[] = [];
  let key: string | null = null;
  for (const [index, line] of lines.slice(1).entries()) {
    const where = `line ${index + 2}`;
    if (line.trim() === '' || line.startsWith(';')) continue;
    if (line.startsWith('[')) key = keyLine(line, where, problems);
    else if (!key) problems.push(`${where}: value outside a key: ${line}`);
    else {
      const entry = valueLine(key, line, where, problems);
      if (entry) entries.push(entry);
    }
  }
  return { encoding, text, entries, problems };
}
