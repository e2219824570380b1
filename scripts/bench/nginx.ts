/**
 * The built site under the committed deploy/nginx.conf (gzip on, the production headers), for the
 * search benchmark, with an access log of every byte nginx sent: compressed bodies plus headers,
 * whoever asked (the page, a worker, a preload). scripts/nginx-serve.ts writes the config; this
 * adds the log and runs nginx in the foreground until stop().
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { hasNginx, writeTestConfig } from '../nginx-serve.ts';

export interface Sent {
  /** When nginx finished the response (ms since the epoch). */
  end: number;
  status: number;
  /** Bytes on the wire: headers and the (compressed) body. */
  bytes: number;
  /** Path and query, as requested. */
  uri: string;
}

export interface NginxSite {
  origin: string;
  /** Responses logged since the last call. */
  take(): Sent[];
  stop(): Promise<void>;
}

export { hasNginx };

const FORMAT = `log_format bench '$msec $status $bytes_sent $request_uri';`;

export async function serveWithNginx(dir: string, port: number): Promise<NginxSite> {
  const work = mkdtempSync(join(tmpdir(), `kb-bench-nginx-${port}-`));
  mkdirSync(work, { recursive: true });
  const main = writeTestConfig({ dir, port, work });
  const log = join(work, 'access.log');
  const config = readFileSync(main, 'utf8');
  if (!config.includes('access_log off;'))
    throw new Error('bench nginx: expected "access_log off;" in the test config');
  writeFileSync(main, config.replace('access_log off;', `${FORMAT}\n    access_log ${log} bench;`));
  const nginx: ChildProcess = spawn('nginx', ['-e', 'stderr', '-p', work, '-c', main], { stdio: 'ignore' });
  const stop = () =>
    new Promise<void>((resolve) => {
      if (nginx.exitCode !== null) return resolve();
      nginx.once('exit', () => resolve());
      nginx.kill('SIGTERM');
    }).then(() => rmSync(work, { recursive: true, force: true }));
  const origin = `http://127.0.0.1:${port}`;
  for (let waited = 0; ; waited += 50) {
    let status = 0;
    try {
      status = (await fetch(`${origin}/robots.txt`)).status;
    } catch {
      // Not listening yet.
    }
    if (status === 200) break;
    if (status || nginx.exitCode !== null || waited > 10_000) {
      await stop();
      throw new Error(
        `bench nginx: ${dir} is not served on port ${port} (status ${status || 'none'}; can nginx's user read it?)`,
      );
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  let offset = existsSync(log) ? readFileSync(log).length : 0;
  return {
    origin,
    take() {
      if (!existsSync(log)) return [];
      const buffer = readFileSync(log);
      const fresh = buffer.subarray(offset).toString('utf8');
      offset = buffer.length;
      return fresh
        .split('\n')
        .filter(Boolean)
        .map((line) => {
          const [msec, status, bytes, ...uri] = line.split(' ');
          return { end: Number(msec) * 1000, status: Number(status), bytes: Number(bytes), uri: uri.join(' ') };
        });
    },
    stop,
  };
}
