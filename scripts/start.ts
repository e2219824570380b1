/**
 * `npm start`: builds the site with its search index when dist/ is missing or older than the
 * sources, then serves it on http://localhost:4321 (PORT overrides).
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { startServer } from './lib/server.ts';
import { DIST_DIR } from './lib/paths.ts';

const SOURCES = ['content', 'src', 'public', 'astro.config.mjs', 'package.json'];

function newest(path: string): number {
  if (!existsSync(path)) return 0;
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return Math.max(stat.mtimeMs, ...readdirSync(path).map((name) => newest(join(path, name))));
}

const built = join(DIST_DIR, 'pagefind', 'pagefind.js');
if (!existsSync(built) || Math.max(...SOURCES.map(newest)) > statSync(built).mtimeMs) {
  console.log('Building the site and its search index…');
  const result = spawnSync('npm', ['run', 'build'], { stdio: 'inherit' });
  if (result.status !== 0) process.exit(result.status ?? 1);
}
const port = Number(process.env.PORT ?? 4321);
await startServer(DIST_DIR, port);
console.log(`\nThe knowledge base is served at http://localhost:${port}/  (Ctrl+C stops it)`);
