/**
 * A throw-away copy of the project for one benchmark build, so the bench never writes into the
 * shared dist/ or .astro/ (Astro keeps its prerender chunks in .astro/, and two builds in one
 * folder break each other). node_modules is a symlink to the real one.
 */
import { chmodSync, cpSync, existsSync, mkdtempSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ROOT } from '../lib/paths.ts';

export { ROOT };

/** What a build needs besides content/ (brief: src/, config, package.json, tsconfig, public/). */
const PROJECT_FILES = ['src', 'deploy', 'astro.config.mjs', 'package.json', 'tsconfig.json', 'public'];

export interface TempProject {
  dir: string;
  contentDir: string;
  distDir: string;
  remove(): void;
}

/**
 * Copies the project into a new temporary folder. `content` says how content/ is filled: 'real'
 * copies the real one, a function writes a generated one into the given folder.
 */
export function makeTempProject(label: string, content: 'real' | ((contentDir: string) => void)): TempProject {
  const dir = mkdtempSync(join(tmpdir(), `kb-bench-${label}-`));
  // mkdtemp makes it private; nginx's worker (another user) must read the build for the search bench.
  chmodSync(dir, 0o755);
  for (const name of PROJECT_FILES) {
    const from = join(ROOT, name);
    if (existsSync(from)) cpSync(from, join(dir, name), { recursive: true });
  }
  symlinkSync(join(ROOT, 'node_modules'), join(dir, 'node_modules'), 'dir');
  const contentDir = join(dir, 'content');
  if (content === 'real') cpSync(join(ROOT, 'content'), contentDir, { recursive: true });
  else content(contentDir);
  return {
    dir,
    contentDir,
    distDir: join(dir, 'dist'),
    remove: () => rmSync(dir, { recursive: true, force: true }),
  };
}
