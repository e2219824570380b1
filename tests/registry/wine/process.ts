/** Running one program with its output captured in files. */
import { spawn } from 'node:child_process';
import { open, readFile, rm } from 'node:fs/promises';
import path from 'node:path';

export interface RunResult {
  code: number;
  signal: NodeJS.Signals | null;
  /** Decoded as latin1 so that every byte survives; Wine writes the console code page. */
  stdout: string;
  stderr: string;
}

let outputCount = 0;

/**
 * Runs a program with stdout and stderr going to files, not pipes: Wine starts wineserver and
 * system processes (services.exe, explorer.exe) that inherit the output handles and outlive the
 * command, so waiting for pipes to close would wait for them (12 s per call instead of < 1 s).
 */
export async function runProcess(
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
