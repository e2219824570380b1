/**
 * Paths that scripts and tests share. The build folder has one name everywhere: DIST_DIR, which
 * the environment variable of the same name overrides (to check or serve another build).
 */
import { resolve } from 'node:path';

export const ROOT = resolve(import.meta.dirname, '..', '..');
export const CONTENT_DIR = resolve(process.env.CONTENT_DIR ?? resolve(ROOT, 'content'));
export const DIST_DIR = resolve(process.env.DIST_DIR ?? resolve(ROOT, 'dist'));
export const SEARCH_QUERIES_DIR = resolve(ROOT, 'tests', 'search-queries');
