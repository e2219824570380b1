/**
 * Runs one command and measures it: wall time, and peak memory through GNU time (`/usr/bin/time
 * -v`, "Maximum resident set size": the largest single process of the tree) or, where GNU time is
 * missing, by sampling the summed RSS of the process tree from /proc every 200 ms.
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export const GNU_TIME = '/usr/bin/time';

export interface Measured {
  wallMs: number;
  /** Peak resident memory in MiB, or undefined where it could not be measured. */
  peakMiB?: number;
  /** How the peak was measured, for the report. */
  memoryMethod: string;
  exitCode: number;
  /** Last lines of output, for error messages. */
  tail: string[];
  /** Summed RSS of the process tree (MiB) sampled every 500 ms, with ms since the start. */
  samples: { ms: number; mib: number }[];
}

function hasGnuTime(): boolean {
  if (process.env.BENCH_NO_GNU_TIME) return false;
  return existsSync(GNU_TIME);
}

/** RSS in KiB of a process and all its descendants, read from /proc. */
function treeRssKiB(rootPid: number): number {
  const parentOf = new Map<number, number>();
  const rssOf = new Map<number, number>();
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    try {
      const stat = readFileSync(`/proc/${name}/stat`, 'utf8');
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      parentOf.set(Number(name), Number(fields[1]));
      const status = readFileSync(`/proc/${name}/status`, 'utf8');
      const rss = /VmRSS:\s+(\d+)/.exec(status);
      rssOf.set(Number(name), rss ? Number(rss[1]) : 0);
    } catch {
      // The process ended while we looked.
    }
  }
  let total = 0;
  for (const [pid, rss] of rssOf) {
    for (let p: number | undefined = pid; p && p > 1; p = parentOf.get(p)) {
      if (p === rootPid) {
        total += rss;
        break;
      }
    }
  }
  return total;
}

/** Runs `command args` in `cwd`; `onLine` sees every output line (for progress). */
export function measure(
  command: string,
  args: string[],
  cwd: string,
  onLine: (line: string) => void = () => {},
): Promise<Measured> {
  const gnu = hasGnuTime();
  const scratch = gnu ? mkdtempSync(join(tmpdir(), 'kb-bench-time-')) : '';
  const timeFile = join(scratch, 'time.txt');
  const [bin, argv] = gnu ? [GNU_TIME, ['-v', '-o', timeFile, command, ...args]] : [command, args];
  const started = performance.now();
  const child = spawn(bin, argv, { cwd, env: { ...process.env, FORCE_COLOR: '0', NO_COLOR: '1' } });
  const tail: string[] = [];
  let sampledPeak = 0;
  const samples: { ms: number; mib: number }[] = [];
  // The tree is always sampled (for the phase figures); without GNU time it also gives the peak.
  const sampler = setInterval(
    () => {
      if (!child.pid) return;
      const kib = treeRssKiB(child.pid);
      sampledPeak = Math.max(sampledPeak, kib);
      samples.push({ ms: performance.now() - started, mib: kib / 1024 });
    },
    gnu ? 500 : 200,
  );
  let pending = '';
  const take = (chunk: Buffer) => {
    const lines = (pending + chunk.toString('utf8')).split('\n');
    pending = lines.pop() ?? '';
    for (const line of lines) {
      tail.push(line);
      if (tail.length > 40) tail.shift();
      onLine(line);
    }
  };
  child.stdout.on('data', take);
  child.stderr.on('data', take);
  return new Promise((resolvePromise, reject) => {
    child.on('error', reject);
    child.on('close', (code) => {
      const wallMs = performance.now() - started;
      clearInterval(sampler);
      if (pending) tail.push(pending);
      let peakMiB: number | undefined;
      let memoryMethod: string;
      if (gnu) {
        const report = existsSync(timeFile) ? readFileSync(timeFile, 'utf8') : '';
        const max = /Maximum resident set size \(kbytes\): (\d+)/.exec(report);
        peakMiB = max ? Number(max[1]) / 1024 : undefined;
        memoryMethod = 'GNU time -v, max RSS of the largest process';
        rmSync(scratch, { recursive: true, force: true });
      } else {
        peakMiB = sampledPeak ? sampledPeak / 1024 : undefined;
        memoryMethod = 'RSS of the process tree sampled every 200 ms';
      }
      resolvePromise({ wallMs, peakMiB, memoryMethod, exitCode: code ?? 1, tail, samples });
    });
  });
}
