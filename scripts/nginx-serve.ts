/**
 * Serves a built site with the committed deploy/nginx.conf, as an unprivileged foreground process,
 * for the browser tests (playwright.config.ts starts it when nginx is installed).
 * Usage: node scripts/nginx-serve.ts [--port N] [--dir D] [--conf deploy/nginx.conf] [--exit-with-stdin]
 *
 * Writes a concrete config into a temporary folder: the production lines of deploy/nginx.conf
 * (listen, server_name, root, short-link map) replaced by test values, the map generated from
 * <dir>/kb/links.json, and a main config with pid, logs and temp paths in that folder.
 */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { NGINX_CONF, PRODUCTION, renderLinksMap } from './nginx-conf.ts';
import { DIST_DIR } from './lib/paths.ts';

/** True when an nginx binary is on PATH. */
export function hasNginx(): boolean {
  return spawnSync('nginx', ['-v'], { stdio: 'ignore' }).status === 0;
}

function replaceOnce(text: string, from: string, to: string): string {
  const count = text.split(from).length - 1;
  if (count !== 1) throw new Error(`nginx-serve: expected "${from}" once in ${NGINX_CONF}, found ${count}`);
  return text.replace(from, () => to);
}

/** Writes the concrete config for `dir` on `port` into `work`; returns the main config file. */
export function writeTestConfig(options: { dir: string; port: number; work: string; site?: string }): string {
  const { dir, port, work } = options;
  const root = resolve(dir);
  const linksJson = join(root, 'kb', 'links.json');
  if (!existsSync(linksJson)) throw new Error(`nginx-serve: ${linksJson} not found; build the site first`);
  const mapFile = join(work, 'kb-links.map');
  writeFileSync(mapFile, renderLinksMap(JSON.parse(readFileSync(linksJson, 'utf8')) as Record<string, string>));
  let site = options.site ?? readFileSync(NGINX_CONF, 'utf8');
  site = replaceOnce(site, PRODUCTION.listen, `listen 127.0.0.1:${port};`);
  site = replaceOnce(site, PRODUCTION.serverName, 'server_name localhost 127.0.0.1;');
  site = replaceOnce(site, PRODUCTION.root, `root ${root};`);
  site = replaceOnce(site, PRODUCTION.linksMap, `include ${mapFile};`);
  writeFileSync(join(work, 'site.conf'), site);
  const main = join(work, 'nginx.conf');
  writeFileSync(
    main,
    [
      'daemon off;',
      'worker_processes 1;',
      `pid ${join(work, 'nginx.pid')};`,
      'error_log stderr warn;',
      'events { worker_connections 256; }',
      'http {',
      '    access_log off;',
      ...['client_body', 'proxy', 'fastcgi', 'uwsgi', 'scgi'].map((t) => `    ${t}_temp_path ${join(work, t)};`),
      `    include ${join(work, 'site.conf')};`,
      '}',
      '',
    ].join('\n'),
  );
  return main;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const { values } = parseArgs({
    options: {
      port: { type: 'string', default: '4321' },
      dir: { type: 'string', default: DIST_DIR },
      // Another site config than deploy/nginx.conf, e.g. a copy with a planted defect.
      conf: { type: 'string', default: NGINX_CONF },
      // Playwright's webServer pipes stdin: when the test runner dies, nginx stops too.
      'exit-with-stdin': { type: 'boolean', default: false },
    },
  });
  // One folder per port, emptied at start: a killed run leaves nothing behind for long.
  const work = join(tmpdir(), `nginx-serve-${process.getuid?.() ?? 0}-${values.port}`);
  rmSync(work, { recursive: true, force: true });
  mkdirSync(work, { recursive: true });
  const site = readFileSync(values.conf, 'utf8');
  const main = writeTestConfig({ dir: values.dir, port: Number(values.port), work, site });
  const args = ['-e', 'stderr', '-p', work, '-c', main];
  const check = spawnSync('nginx', ['-t', '-q', ...args], { stdio: 'inherit' });
  if (check.status !== 0) {
    console.error(`nginx-serve: nginx -t rejected ${main} (kept for reading)`);
    process.exit(1);
  }
  const nginx = spawn('nginx', args, { stdio: 'inherit' });
  console.log(`nginx serving ${values.dir} at http://127.0.0.1:${values.port}/ (config ${main})`);
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
    process.on(signal, () => nginx.kill(signal === 'SIGINT' ? 'SIGQUIT' : 'SIGTERM'));
  }
  if (values['exit-with-stdin']) {
    process.stdin.on('end', () => nginx.kill('SIGTERM'));
    process.stdin.resume();
  }
  nginx.on('exit', (code, signal) => {
    rmSync(work, { recursive: true, force: true });
    process.exit(code ?? (signal ? 0 : 1));
  });
}
