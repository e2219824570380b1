/**
 * Runs the site's registry advice in Wine's real reg.exe and regedit.exe and checks that it does
 * what content/settings.yaml says. Shared by registry.test.ts (the real checks) and
 * planted.test.ts (proof that the checks catch planted defects).
 *
 * Everything that decides pass or fail is a plain function here that returns a list of problems
 * (empty = fine), so the planted test can feed it defective data.
 */
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { accessSync, constants, existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { mkdir, mkdtemp, open, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { load } from 'js-yaml';
import { fullKey, psApplyCommand, psUndoCommand, shortKey } from '../../src/lib/commands.ts';
import { settingSchema } from '../../src/model/schemas/setting.ts';
import type { PowershellSetting, RegistrySetting, Setting } from '../../src/model/schemas/setting.ts';
import { CONTENT_DIR, DIST_DIR, ROOT } from '../../scripts/lib/paths.ts';

export { CONTENT_DIR, DIST_DIR, ROOT };
export const WINE_MISSING_MESSAGE =
  'wine not found: registry commands not executed; install wine64 (apt-get install -y wine64)';
/** Generous: the first start of a prefix takes 10-20 s, a slow CI machine more. */
export const PREFIX_TIMEOUT_MS = 300_000;
export const STEP_TIMEOUT_MS = 120_000;

// ---------------------------------------------------------------------------------------------
// Finding and running Wine
// ---------------------------------------------------------------------------------------------

function isExecutable(file: string): boolean {
  try {
    accessSync(file, constants.X_OK);
    return statSync(file).isFile();
  } catch {
    return false;
  }
}

function which(command: string, searchPath = process.env.PATH ?? ''): string | null {
  if (command.includes('/')) return isExecutable(command) ? path.resolve(command) : null;
  for (const dir of searchPath.split(path.delimiter)) {
    if (dir && isExecutable(path.join(dir, command))) return path.join(dir, command);
  }
  return null;
}

/** Wine from env WINE (a path or a command name), else `wine` (or `wine64`) on PATH; null when missing. */
export function findWine(env: NodeJS.ProcessEnv = process.env): string | null {
  if (env.WINE) return which(env.WINE, env.PATH);
  return which('wine', env.PATH) ?? which('wine64', env.PATH);
}

/** The one line printed when Wine is missing. */
export function wineMissingMessage(env: NodeJS.ProcessEnv = process.env): string {
  return env.WINE ? `${WINE_MISSING_MESSAGE} (WINE=${env.WINE} is not an executable)` : WINE_MISSING_MESSAGE;
}

export interface RunResult {
  code: number;
  signal: NodeJS.Signals | null;
  /** Decoded as latin1 so that every byte survives; Wine writes the console code page. */
  stdout: string;
  stderr: string;
}

/** A registry value as reg.exe reports it. DWORDs are numbers, everything else text. */
export interface RegValue {
  type: string;
  data: number | string;
}

/** One temporary WINEPREFIX; create one per test file and reuse it (the first start is slow). */
export class WinePrefix {
  readonly wine: string;
  readonly root: string;
  readonly prefix: string;
  readonly files: string;
  readonly env: NodeJS.ProcessEnv;
  private fileCount = 0;

  private constructor(wine: string, root: string) {
    this.wine = wine;
    this.root = root;
    this.prefix = path.join(root, 'prefix');
    this.files = path.join(root, 'files');
    const env: NodeJS.ProcessEnv = {
      ...process.env,
      WINEPREFIX: this.prefix,
      WINEDEBUG: '-all',
      // No Mono or Gecko install prompts while the prefix is created.
      WINEDLLOVERRIDES: 'mscoree,mshtml=',
    };
    // Never open windows on a developer's desktop.
    delete env.DISPLAY;
    delete env.WAYLAND_DISPLAY;
    this.env = env;
  }

  /** Creates the prefix and proves that reg.exe answers. Throws with Wine's output when it cannot. */
  static async create(wine: string): Promise<WinePrefix> {
    const root = await mkdtemp(path.join(tmpdir(), 'kb-wine-'));
    const w = new WinePrefix(wine, root);
    await mkdir(w.files);
    try {
      // One persistent wineserver for the prefix's whole life (stopped in dispose): the server
      // Wine starts itself exits when idle, and every restart costs seconds. It needs the prefix
      // folder to exist; wineboot then fills the empty folder.
      await mkdir(w.prefix);
      const server = w.wineserver();
      if (server) {
        const started = await runProcess(server, ['-p'], w.env, w.root, 30_000);
        if (started.code !== 0)
          throw new Error(`wineserver -p exited ${started.code}: ${started.stdout}${started.stderr}`);
      }
      const boot = await w.exec(['wineboot', '--init'], PREFIX_TIMEOUT_MS);
      if (boot.code !== 0) throw new Error(`wineboot --init exited ${boot.code}: ${boot.stdout}${boot.stderr}`);
      const probe = await w.reg([
        'query',
        'HKLM\\SOFTWARE\\Microsoft\\Windows NT\\CurrentVersion',
        '/v',
        'CurrentVersion',
      ]);
      if (probe.code !== 0)
        throw new Error(`reg query in the new prefix failed (exit ${probe.code}): ${probe.stdout}${probe.stderr}`);
    } catch (error) {
      await w.dispose();
      throw new Error(`could not start a Wine prefix with ${wine}: ${(error as Error).message}`, { cause: error });
    }
    return w;
  }

  /** Runs `wine <args>` in this prefix. */
  exec(args: string[], timeoutMs = STEP_TIMEOUT_MS): Promise<RunResult> {
    return runProcess(this.wine, args, this.env, this.files, timeoutMs);
  }

  /** `wine reg <args>`; args are passed as separate arguments, exactly as reg.exe will see them. */
  reg(args: string[]): Promise<RunResult> {
    return this.exec(['reg', ...args]);
  }

  /** Writes a file into the prefix's scratch folder and returns its Unix path. */
  async writeFile(name: string, bytes: Uint8Array | string): Promise<string> {
    const file = path.join(this.files, `${++this.fileCount}-${name.replace(/[^A-Za-z0-9._-]/g, '_')}`);
    await writeFile(file, bytes);
    return file;
  }

  /** `wine regedit /S file.reg`. Note: regedit exits 0 even for a missing or broken file, so check by query. */
  regedit(unixPath: string): Promise<RunResult> {
    return this.exec(['regedit', '/S', toWindowsPath(unixPath)]);
  }

  /** `reg query KEY /v NAME`, parsed; null when the key or value does not exist. */
  async query(key: string, name: string): Promise<RegValue | null> {
    const result = await this.reg(['query', key, '/v', name]);
    const output = result.stdout + result.stderr;
    if (result.code !== 0) {
      if (/unable to find|cannot find|not find/i.test(output)) return null;
      throw new Error(`reg query "${key}" /v ${name} failed (exit ${result.code}): ${output.trim()}`);
    }
    const value = parseRegQuery(result.stdout, name);
    if (value === undefined)
      throw new Error(`cannot read reg query output for "${key}" /v ${name}: ${JSON.stringify(result.stdout)}`);
    // reg query prints through the console code page; non-ASCII text is read back exactly by export.
    if (value && typeof value.data === 'string' && /[^\x20-\x7e]/.test(value.data)) return this.exportValue(key, name);
    return value;
  }

  /** The value as `reg export` writes it (UTF-16LE, exact for any text). */
  async exportValue(key: string, name: string): Promise<RegValue | null> {
    const file = path.join(this.files, `${++this.fileCount}-export.reg`);
    const result = await this.reg(['export', key, toWindowsPath(file), '/y']);
    if (result.code !== 0) return null;
    const parsed = parseRegFile(await readFile(file));
    const entry = parsed.entries.find(
      (e) => sameKey(e.key, longKey(key)) && e.name.toLowerCase() === name.toLowerCase(),
    );
    return entry?.value ?? null;
  }

  /** Sets a value directly (not through the advice under test). */
  async setValue(key: string, name: string, value: RegValue): Promise<void> {
    const result = await this.reg(['add', key, '/v', name, '/t', value.type, '/d', String(value.data), '/f']);
    if (result.code !== 0) throw new Error(`cannot set ${key}\\${name}: ${result.stdout}${result.stderr}`);
  }

  /** Deletes a value directly; a missing value is fine (callers query afterwards). */
  async deleteValue(key: string, name: string): Promise<void> {
    await this.reg(['delete', key, '/v', name, '/f']);
  }

  /** wineserver next to wine, else on PATH. */
  wineserver(): string | null {
    return which(path.join(path.dirname(this.wine), 'wineserver')) ?? which('wineserver');
  }

  /** Stops this prefix's wineserver and removes the prefix. */
  async dispose(): Promise<void> {
    const server = this.wineserver();
    if (server) await runProcess(server, ['-k'], this.env, this.root, 30_000).catch(() => undefined);
    await rm(this.root, { recursive: true, force: true });
  }
}

let outputCount = 0;

/**
 * Runs a program with stdout and stderr going to files, not pipes: Wine starts wineserver and
 * system processes (services.exe, explorer.exe) that inherit the output handles and outlive the
 * command, so waiting for pipes to close would wait for them (12 s per call instead of < 1 s).
 */
async function runProcess(
  file: string,
  args: string[],
  env: NodeJS.ProcessEnv,
  cwd: string,
  timeoutMs: number,
): Promise<RunResult> {
  const base = path.join(cwd, `.out-${process.pid}-${++outputCount}`);
  const outFile = await open(`${base}.stdout`, 'w+');
  const errFile = await open(`${base}.stderr`, 'w+');
  try {
    const { code, signal } = await new Promise<{ code: number | null; signal: NodeJS.Signals | null }>(
      (resolve, reject) => {
        // stdin is closed: a command that asks "Overwrite (Yes/No)?" must not hang the test.
        const child = spawn(file, args, {
          env,
          cwd,
          stdio: ['ignore', outFile.fd, errFile.fd],
          timeout: timeoutMs,
          killSignal: 'SIGKILL',
        });
        child.on('error', reject);
        child.on('exit', (exitCode, exitSignal) => resolve({ code: exitCode, signal: exitSignal }));
      },
    );
    const stdout = (await readFile(`${base}.stdout`)).toString('latin1');
    const stderr = (await readFile(`${base}.stderr`)).toString('latin1');
    return {
      code: code ?? -1,
      signal,
      stdout,
      stderr: stderr + (signal ? `\n[killed by ${signal} after ${timeoutMs} ms]` : ''),
    };
  } finally {
    await outFile.close();
    await errFile.close();
    await rm(`${base}.stdout`, { force: true });
    await rm(`${base}.stderr`, { force: true });
  }
}

/** Wine maps the Unix root to drive Z:. */
export function toWindowsPath(unixPath: string): string {
  return `Z:${path.resolve(unixPath).replace(/\//g, '\\')}`;
}

// ---------------------------------------------------------------------------------------------
// Parsing reg.exe output and .reg files
// ---------------------------------------------------------------------------------------------

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

/**
 * Parses `reg query KEY /v NAME` output:
 *   \r\nHKEY_LOCAL_MACHINE\...\r\n    Name    REG_DWORD    0x1\r\n\r\n
 * Returns undefined when no line for the value is found. Lines may end in \r\n, \r\r\n or \n.
 */
export function parseRegQuery(output: string, name: string): RegValue | null | undefined {
  for (const rawLine of output.split('\n')) {
    const line = rawLine.replace(/\r+$/, '');
    const head = `    ${name}    `;
    if (line.slice(0, head.length).toLowerCase() !== head.toLowerCase()) continue;
    const match = /^(REG_[A-Z0-9_]+)(?: {4}(.*))?$/.exec(line.slice(head.length));
    if (!match) continue;
    const [, type, raw = ''] = match;
    if (type === 'REG_DWORD') {
      if (!/^0x[0-9a-f]+$/i.test(raw)) return undefined;
      return { type, data: parseInt(raw, 16) };
    }
    return { type, data: raw };
  }
  return undefined;
}

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

/**
 * Decodes and parses a .reg file as regedit reads "Version 5.00" files, and checks its form:
 * first line "Windows Registry Editor Version 5.00", CRLF line ends, ASCII or UTF-16LE with BOM,
 * DWORDs as 8 hex digits, only the value types the site writes.
 */
export function parseRegFile(bytes: Uint8Array): ParsedRegFile {
  const problems: string[] = [];
  let encoding: ParsedRegFile['encoding'];
  let text: string;
  if (bytes[0] === 0xff && bytes[1] === 0xfe) {
    encoding = 'utf-16le';
    if (bytes.length % 2 !== 0) problems.push('UTF-16LE file has an odd number of bytes');
    text = new TextDecoder('utf-16le').decode(bytes.subarray(2));
  } else if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    encoding = 'utf-8';
    problems.push('UTF-8 byte-order mark: regedit expects ASCII or UTF-16LE with a byte-order mark');
    text = new TextDecoder('utf-8').decode(bytes.subarray(3));
  } else if (bytes.every((b) => b < 0x80)) {
    encoding = 'ascii';
    text = new TextDecoder('ascii').decode(bytes);
  } else {
    encoding = 'latin1';
    problems.push('non-ASCII bytes without a UTF-16LE byte-order mark: regedit would read them in the ANSI code page');
    text = Buffer.from(bytes).toString('latin1');
  }

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
    if (line.startsWith('[')) {
      if (!line.endsWith(']')) {
        problems.push(`${where}: key line without closing bracket: ${line}`);
        key = null;
      } else if (line.startsWith('[-')) {
        problems.push(`${where}: deletes a whole key (${line}); the site only sets or deletes single values`);
        key = null;
      } else {
        key = line.slice(1, -1);
        if (!/^HKEY_[A-Z_]+\\/.test(key))
          problems.push(`${where}: key must start with a full hive name like HKEY_LOCAL_MACHINE\\: ${line}`);
      }
      continue;
    }
    if (!key) {
      problems.push(`${where}: value outside a key: ${line}`);
      continue;
    }
    let name: string;
    let rest: string;
    if (line.startsWith('@=')) {
      name = '';
      rest = line.slice(2);
    } else if (line.startsWith('"')) {
      const quoted = readQuoted(line, 0, problems);
      if (!quoted || line[quoted.end] !== '=') {
        problems.push(`${where}: cannot read value line: ${line}`);
        continue;
      }
      name = quoted.value;
      rest = line.slice(quoted.end + 1);
    } else {
      problems.push(`${where}: cannot read value line: ${line}`);
      continue;
    }
    if (rest === '-') {
      entries.push({ key, name, value: null });
    } else if (rest.startsWith('dword:')) {
      const hex = rest.slice('dword:'.length);
      if (!/^[0-9a-fA-F]{8}$/.test(hex))
        problems.push(`${where}: dword data must be exactly 8 hex digits, found "${hex}"`);
      if (!/^[0-9a-fA-F]{1,8}$/.test(hex)) continue;
      entries.push({ key, name, value: { type: 'REG_DWORD', data: parseInt(hex, 16) } });
    } else if (rest.startsWith('"')) {
      const quoted = readQuoted(rest, 0, problems);
      if (!quoted || quoted.end !== rest.length) {
        problems.push(`${where}: cannot read string value: ${line}`);
        continue;
      }
      entries.push({ key, name, value: { type: 'REG_SZ', data: quoted.value } });
    } else {
      problems.push(`${where}: value type the site does not write (only dword, string and delete): ${line}`);
    }
  }
  return { encoding, text, entries, problems };
}

// ---------------------------------------------------------------------------------------------
// Splitting a cmd.exe command line as reg.exe receives it
// ---------------------------------------------------------------------------------------------

export interface ParsedCommandLine {
  /** Arguments as the program receives them (argv[0] included). */
  args: string[];
  /** What would go wrong when the line is pasted into cmd.exe. */
  problems: string[];
}

const TYPOGRAPHIC: Record<string, string> = {
  '\u201c': 'typographic quote “',
  '\u201d': 'typographic quote ”',
  '\u201e': 'typographic quote „',
  '\u2018': "typographic quote '",
  '\u2019': "typographic quote '",
  '\u2013': 'en dash',
  '\u2014': 'em dash',
  '\u00a0': 'non-breaking space',
  '\u200b': 'zero-width space',
  '\u00ad': 'soft hyphen',
};

function typographicProblems(line: string): string[] {
  const found = [...new Set([...line].filter((c) => c in TYPOGRAPHIC))];
  return found.map(
    (c) =>
      `contains a ${TYPOGRAPHIC[c]} (U+${c.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}); copied into a shell it breaks the command`,
  );
}

/**
 * Splits a command line typed into cmd.exe into the argv that reg.exe sees: cmd passes the line on
 * unchanged (after expanding %VARS% and acting on & | < > ^ outside quotes, which we report as
 * problems), and the program splits it with the Microsoft C runtime rules: whitespace separates
 * arguments outside quotes, "..." groups, 2n backslashes + " give n backslashes and a quote
 * delimiter, 2n+1 backslashes + " give n backslashes and a literal quote, "" inside quotes is a quote.
 */
export function parseCmdLine(line: string): ParsedCommandLine {
  const problems = typographicProblems(line);
  if (/[\r\n]/.test(line)) problems.push('spans several lines; cmd would run each line separately');
  if (line.includes('%')) problems.push('contains %, which cmd expands as a variable');
  let quoted = false;
  for (const c of line) {
    if (c === '"') quoted = !quoted;
    else if (!quoted && '&|<>^'.includes(c))
      problems.push(`contains ${c} outside quotes, which cmd treats as an operator`);
  }

  const args: string[] = [];
  let i = 0;
  const n = line.length;
  for (;;) {
    while (i < n && (line[i] === ' ' || line[i] === '\t')) i++;
    if (i >= n) break;
    let arg = '';
    let inQuotes = false;
    while (i < n) {
      const c = line[i];
      if (!inQuotes && (c === ' ' || c === '\t')) break;
      if (c === '\\') {
        let count = 0;
        while (i < n && line[i] === '\\') {
          count++;
          i++;
        }
        if (line[i] === '"') {
          arg += '\\'.repeat(Math.floor(count / 2));
          if (count % 2 === 1) {
            arg += '"';
            i++;
          }
        } else {
          arg += '\\'.repeat(count);
        }
        continue;
      }
      if (c === '"') {
        if (inQuotes && line[i + 1] === '"') {
          arg += '"';
          i += 2;
        } else {
          inQuotes = !inQuotes;
          i++;
        }
        continue;
      }
      arg += c;
      i++;
    }
    if (inQuotes) problems.push('has an unclosed double quote');
    args.push(arg);
  }
  return { args, problems };
}

// ---------------------------------------------------------------------------------------------
// Settings and fixes
// ---------------------------------------------------------------------------------------------

/** content/settings.yaml, each record checked against the site's schema. */
export function loadSettings(file = path.join(CONTENT_DIR, 'settings.yaml')): Setting[] {
  const raw = load(readFileSync(file, 'utf8'));
  if (!Array.isArray(raw)) throw new Error(`${file}: expected a list of settings`);
  return raw.map((record: unknown, index) => {
    const result = settingSchema.safeParse(record);
    if (!result.success) {
      const id = (record as { id?: unknown })?.id ?? `#${index + 1}`;
      throw new Error(
        `${file}: setting ${String(id)}: ${result.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`,
      );
    }
    return result.data;
  });
}

export interface FixRecord {
  file: string;
  lang: string;
  slug: string;
  id: string;
  settings: string[];
}

/** The `settings:` of every fix article (content/fixes/<lang>/<slug>.mdx frontmatter). */
export function loadFixes(contentDir = CONTENT_DIR): FixRecord[] {
  const fixesDir = path.join(contentDir, 'fixes');
  const fixes: FixRecord[] = [];
  if (!existsSync(fixesDir)) return fixes;
  for (const lang of readdirSync(fixesDir).sort()) {
    const dir = path.join(fixesDir, lang);
    if (!statSync(dir).isDirectory()) continue;
    for (const name of readdirSync(dir).sort()) {
      if (!/\.mdx?$/.test(name)) continue;
      const file = path.join(dir, name);
      const match = /^---\r?\n([\s\S]*?)\r?\n---/.exec(readFileSync(file, 'utf8'));
      if (!match) throw new Error(`${file}: no frontmatter`);
      const data = load(match[1]) as { id?: string; settings?: unknown };
      const settings = data.settings ?? [];
      if (!Array.isArray(settings)) throw new Error(`${file}: settings must be a list`);
      fixes.push({
        file,
        lang,
        slug: name.replace(/\.mdx?$/, ''),
        id: String(data.id ?? ''),
        settings: settings.map(String),
      });
    }
  }
  return fixes;
}

// ---------------------------------------------------------------------------------------------
// Checking registry advice in Wine
// ---------------------------------------------------------------------------------------------

/** What settings.yaml says the value is after apply, or after undo (null = absent). */
export function expectedValue(setting: RegistrySetting, which: 'apply' | 'undo'): RegValue | null {
  if (which === 'apply') return { type: setting.type, data: setting.data };
  return setting.undo.action === 'delete' ? null : { type: setting.type, data: setting.undo.data };
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
export async function perform(wine: WinePrefix, action: Action): Promise<string[]> {
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
  const before = new Map<RegistrySetting, RegValue | null>();
  for (const setting of settings) {
    const start = expectedValue(setting, 'undo');
    if (start === null) await wine.deleteValue(shortKey(setting), setting.name);
    else await wine.setValue(shortKey(setting), setting.name, start);
    const found = await wine.query(shortKey(setting), setting.name);
    if (!sameValue(found, start))
      throw new Error(
        `cannot prepare ${shortKey(setting)}\\${setting.name}: wanted ${describeValue(start)}, found ${describeValue(found)}`,
      );
    before.set(setting, found);
  }

  const problems = await perform(wine, apply);
  for (const setting of settings) {
    const expected = expectedValue(setting, 'apply');
    const found = await wine.query(shortKey(setting), setting.name);
    if (!sameValue(found, expected))
      problems.push(
        `after apply ${describeAction(apply)}: ${shortKey(setting)}\\${setting.name} is ${describeValue(found)}; settings.yaml "${setting.id}" says ${describeValue(expected)}`,
      );
  }

  problems.push(...(await perform(wine, undo)));
  for (const setting of settings) {
    const start = before.get(setting)!;
    const found = await wine.query(shortKey(setting), setting.name);
    if (!sameValue(found, start))
      problems.push(
        `after undo ${describeAction(undo)}: ${shortKey(setting)}\\${setting.name} is ${describeValue(found)}, but before apply it was ${describeValue(start)}; the undo does not restore the starting state`,
      );
  }
  return problems;
}

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

// ---------------------------------------------------------------------------------------------
// PowerShell: checked by form only (it cannot run under Wine)
// ---------------------------------------------------------------------------------------------

export interface KnownCmdlet {
  source: string;
  parameters: string[];
  /** Switch parameters: given without a value. */
  switches?: string[];
  /** Boolean parameters: given $true or $false. */
  booleans?: string[];
}
export type KnownCmdlets = Record<string, KnownCmdlet>;

export function loadKnownCmdlets(): KnownCmdlets {
  return JSON.parse(readFileSync(new URL('./known-cmdlets.json', import.meta.url), 'utf8')) as KnownCmdlets;
}

export type PsValue = boolean | number | string | null;
export interface PsCall {
  cmdlet: string;
  parameters: { name: string; value: PsValue | undefined }[];
  problems: string[];
}

/** Parses `Verb-Noun -Name value -Switch ...` as the generators write it. */
export function parsePsCall(line: string): PsCall {
  const problems = typographicProblems(line);
  if (/[\r\n]/.test(line)) problems.push('spans several lines');
  const tokens: { text: string; quoted: boolean }[] = [];
  let i = 0;
  while (i < line.length) {
    const c = line[i];
    if (c === ' ' || c === '\t') {
      i++;
      continue;
    }
    if (c === "'") {
      let text = '';
      let closed = false;
      for (i++; i < line.length; i++) {
        if (line[i] === "'" && line[i + 1] === "'") {
          text += "'";
          i++;
        } else if (line[i] === "'") {
          closed = true;
          i++;
          break;
        } else text += line[i];
      }
      if (!closed) problems.push('has an unclosed single quote');
      tokens.push({ text, quoted: true });
      continue;
    }
    if (c === '"') {
      problems.push(
        'uses a double-quoted string, in which PowerShell expands $ and `; the generator writes single quotes',
      );
    }
    let text = '';
    while (i < line.length && line[i] !== ' ' && line[i] !== '\t') text += line[i++];
    if (/[;|&<>#`{}()]/.test(text)) problems.push(`token ${text} contains a PowerShell operator or special character`);
    tokens.push({ text, quoted: false });
  }
  const [first, ...rest] = tokens;
  const cmdlet = first?.text ?? '';
  if (!first || first.quoted || !/^[A-Z][a-z]+-[A-Za-z]+$/.test(cmdlet))
    problems.push(`does not start with a cmdlet name: ${JSON.stringify(cmdlet)}`);
  const parameters: PsCall['parameters'] = [];
  const valueOf = (token: { text: string; quoted: boolean }): PsValue => {
    if (token.quoted) return token.text;
    if (/^\$true$/i.test(token.text)) return true;
    if (/^\$false$/i.test(token.text)) return false;
    if (/^\$null$/i.test(token.text)) return null;
    if (/^-?\d+$/.test(token.text)) return Number(token.text);
    if (token.text.startsWith('$')) problems.push(`uses the variable ${token.text}`);
    return token.text;
  };
  for (let t = 0; t < rest.length; t++) {
    const token = rest[t];
    const param = !token.quoted && /^-([A-Za-z][A-Za-z0-9]*)(?::(.*))?$/.exec(token.text);
    if (!param) {
      problems.push(`has a positional value ${JSON.stringify(token.text)}; give every value a -Name`);
      continue;
    }
    let value: PsValue | undefined;
    if (param[2] !== undefined) value = valueOf({ text: param[2], quoted: false });
    else if (t + 1 < rest.length && (rest[t + 1].quoted || !/^-[A-Za-z]/.test(rest[t + 1].text)))
      value = valueOf(rest[++t]);
    parameters.push({ name: param[1], value });
  }
  return { cmdlet, parameters, problems };
}

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

// ---------------------------------------------------------------------------------------------
// The built site
// ---------------------------------------------------------------------------------------------

const NAMED_ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0' };

/** Decodes HTML character references; throws on a named one it does not know. */
export function decodeEntities(html: string): string {
  return html.replace(/&(#[xX][0-9a-fA-F]+|#[0-9]+|[A-Za-z][A-Za-z0-9]*);/g, (whole, ref: string) => {
    if (ref[0] === '#')
      return String.fromCodePoint(
        ref[1] === 'x' || ref[1] === 'X' ? parseInt(ref.slice(2), 16) : parseInt(ref.slice(1), 10),
      );
    const named = NAMED_ENTITIES[ref];
    if (named === undefined) throw new Error(`unknown HTML entity ${whole}`);
    return named;
  });
}

function attributes(tagInner: string): Map<string, string> {
  const attrs = new Map<string, string>();
  for (const m of tagInner.matchAll(/([^\s=/>"']+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>"']+)))?/g)) {
    attrs.set(m[1].toLowerCase(), decodeEntities(m[2] ?? m[3] ?? m[4] ?? ''));
  }
  return attrs;
}

export interface SiteCommand {
  page: string;
  shell: string;
  role: string;
  setting: string;
  text: string;
}
export interface SiteRegLink {
  page: string;
  role: string;
  href: string;
  /** The .reg file in dist, or null when the link does not resolve to one. */
  file: string | null;
}
export interface Site {
  dist: string;
  pages: string[];
  commands: SiteCommand[];
  regLinks: SiteRegLink[];
  problems: string[];
}

function htmlFiles(dir: string): string[] {
  const out: string[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (entry.name.startsWith('.')) continue;
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) out.push(...htmlFiles(full));
    else if (entry.name.endsWith('.html')) out.push(full);
  }
  return out.sort();
}

/** Every pre.cmd block and a[data-reg] link in dist/**\/*.html. */
export function collectSite(dist: string): Site {
  const site: Site = { dist, pages: htmlFiles(dist), commands: [], regLinks: [], problems: [] };
  for (const file of site.pages) {
    const page = path.relative(dist, file);
    const html = readFileSync(file, 'utf8');
    for (const m of html.matchAll(/<pre\b([^>]*)>([\s\S]*?)<\/pre>/gi)) {
      const attrs = attributes(m[1]);
      if (!(attrs.get('class') ?? '').split(/\s+/).includes('cmd')) continue;
      const shell = attrs.get('data-shell') ?? '';
      const role = attrs.get('data-role') ?? '';
      const setting = attrs.get('data-setting') ?? '';
      let text: string;
      try {
        text = decodeEntities(m[2].replace(/<[^>]*>/g, '')).trim();
      } catch (error) {
        site.problems.push(`${page}: ${(error as Error).message} in ${m[0].slice(0, 200)}`);
        continue;
      }
      if (!['cmd', 'powershell'].includes(shell))
        site.problems.push(
          `${page}: pre.cmd with data-shell=${JSON.stringify(shell)} (expected cmd or powershell): ${text}`,
        );
      if (!['apply', 'undo'].includes(role))
        site.problems.push(`${page}: pre.cmd with data-role=${JSON.stringify(role)} (expected apply or undo): ${text}`);
      if (!setting) site.problems.push(`${page}: pre.cmd without data-setting: ${text}`);
      site.commands.push({ page, shell, role, setting, text });
    }
    for (const m of html.matchAll(/<a\b([^>]*)>/gi)) {
      const attrs = attributes(m[1]);
      if (!attrs.has('data-reg')) continue;
      const role = attrs.get('data-reg')!;
      const href = attrs.get('href') ?? '';
      if (!['apply', 'undo'].includes(role))
        site.problems.push(`${page}: a[data-reg=${JSON.stringify(role)}] (expected apply or undo): ${href}`);
      if (!attrs.has('download')) site.problems.push(`${page}: .reg link ${href} lacks the download attribute`);
      const url = new URL(href, `https://site.invalid/${page.split(path.sep).join('/')}`);
      let target: string | null =
        url.host === 'site.invalid' ? path.join(dist, decodeURIComponent(url.pathname)) : null;
      if (!target || !target.endsWith('.reg') || !existsSync(target) || !statSync(target).isFile()) {
        site.problems.push(`${page}: .reg link ${href} does not point to a .reg file in ${dist}`);
        target = null;
      }
      site.regLinks.push({ page, role, href, file: target });
    }
  }
  return site;
}

/** The fix whose page this is: dist/<lang>/<segment>/<slug>/index.html. */
export function fixOfPage(page: string, fixes: FixRecord[]): FixRecord | undefined {
  const parts = page.split(path.sep);
  if (parts.length < 3 || parts.at(-1) !== 'index.html') return undefined;
  const lang = parts[0];
  const slug = parts.at(-2);
  return fixes.find((f) => f.slug === slug && f.lang === lang);
}

/** What the site shows for one setting. */
export interface Coverage {
  cmdApply: boolean;
  cmdUndo: boolean;
  regApply: boolean;
  regUndo: boolean;
  psApply: boolean;
  psUndo: boolean;
}

/**
 * The settings the site covers must equal the settings fixes reference: every registry setting a
 * fix uses appears as an apply and an undo command and in an apply and an undo .reg file, every
 * PowerShell setting as an apply and an undo command, and the site shows nothing no fix uses.
 * `regFiles` are the parsed .reg links (role, matched settings, page).
 */
export function checkCoverage(
  site: Pick<Site, 'commands'>,
  regFiles: { page: string; role: string; settings: RegistrySetting[] }[],
  settings: Setting[],
  fixes: FixRecord[],
): { problems: string[]; covered: Set<string>; referenced: Set<string> } {
  const problems: string[] = [];
  const byId = new Map(settings.map((s) => [s.id, s]));
  const referenced = new Set<string>();
  for (const fix of fixes)
    for (const id of fix.settings) {
      if (!byId.has(id)) problems.push(`${path.relative(ROOT, fix.file)}: setting "${id}" is not in settings.yaml`);
      else referenced.add(id);
    }
  const coverage = new Map<string, Coverage>();
  const cover = (id: string) => {
    if (!coverage.has(id))
      coverage.set(id, {
        cmdApply: false,
        cmdUndo: false,
        regApply: false,
        regUndo: false,
        psApply: false,
        psUndo: false,
      });
    return coverage.get(id)!;
  };
  for (const c of site.commands) {
    const entry = cover(c.setting);
    if (c.shell === 'cmd') entry[c.role === 'undo' ? 'cmdUndo' : 'cmdApply'] = true;
    if (c.shell === 'powershell') entry[c.role === 'undo' ? 'psUndo' : 'psApply'] = true;
  }
  for (const f of regFiles) for (const s of f.settings) cover(s.id)[f.role === 'undo' ? 'regUndo' : 'regApply'] = true;

  for (const id of [...referenced].sort()) {
    const setting = byId.get(id)!;
    const c = coverage.get(id) ?? cover(id);
    const missing =
      setting.kind === 'registry'
        ? [
            !c.cmdApply && 'a cmd apply command',
            !c.cmdUndo && 'a cmd undo command',
            !c.regApply && 'an apply .reg file',
            !c.regUndo && 'an undo .reg file',
          ]
        : [!c.psApply && 'a PowerShell apply command', !c.psUndo && 'a PowerShell undo command'];
    const names = missing.filter(Boolean);
    if (names.length) problems.push(`setting "${id}" is used by a fix, but the site lacks ${names.join(', ')} for it`);
  }
  const covered = new Set([...coverage.entries()].filter(([, c]) => Object.values(c).some(Boolean)).map(([id]) => id));
  for (const id of [...covered].sort())
    if (!referenced.has(id)) problems.push(`the site shows setting "${id}", but no fix references it`);
  return { problems, covered, referenced };
}

/** Static problems with a registry record that no run in Wine can see (it would be consistent). */
export function settingProblems(setting: RegistrySetting): string[] {
  if (setting.undo.action === 'set' && setting.undo.data === setting.data)
    return [
      `"${setting.id}": undo sets the same data as apply (${JSON.stringify(setting.data)}), so the undo leaves the value as the fix set it`,
    ];
  return [];
}

/** A .reg link with its bytes read, its form checked and its entries matched to settings.yaml. */
export interface SiteRegFile extends SiteRegLink {
  bytes: Uint8Array;
  parsed: ParsedRegFile;
  settings: RegistrySetting[];
  problems: string[];
}

export function readSiteRegFiles(site: Site, registry: RegistrySetting[]): SiteRegFile[] {
  return site.regLinks
    .filter((link) => link.file !== null)
    .map((link) => {
      const bytes = new Uint8Array(readFileSync(link.file!));
      const parsed = parseRegFile(bytes);
      const matched = matchRegEntries(parsed.entries, registry, link.role === 'undo' ? 'undo' : 'apply', link.href);
      return {
        ...link,
        bytes,
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
  fixes: FixRecord[],
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

export interface CmdPair {
  pages: string[];
  setting: string;
  apply: string[];
  undo: string[];
}

/** cmd blocks paired into apply and undo per page and setting; identical pairs (de/en) once. */
export function cmdPairs(site: Pick<Site, 'commands'>): CmdPair[] {
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

/** PowerShell blocks on the site: form, and the same call settings.yaml describes. */
export function sitePsProblems(site: Pick<Site, 'commands'>, settings: Setting[], known: KnownCmdlets): string[] {
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
