/**
 * One throw-away WINEPREFIX with its own wineserver, and reg.exe / regedit.exe run inside it.
 * Creating a prefix is slow (10-20 s), so a test file makes one and reuses it.
 */
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { longKey, parseRegFile, sameKey } from '../parse/index.ts';
import type { RegValue } from '../parse/index.ts';
import { which } from './find.ts';
import { runProcess } from './process.ts';
import type { RunResult } from './process.ts';
import { parseRegQuery } from './reg-query.ts';

/** Generous: the first start of a prefix takes 10-20 s, a slow CI machine more. */
export const PREFIX_TIMEOUT_MS = 300_000;
export const STEP_TIMEOUT_MS = 120_000;

/** Wine maps the Unix root to drive Z:. */
export function toWindowsPath(unixPath: string): string {
  return `Z:${path.resolve(unixPath).replace(/\//g, '\\')}`;
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
    if (typeof value.data === 'string' && /[^\x20-\x7e]/.test(value.data)) return this.exportValue(key, name);
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
