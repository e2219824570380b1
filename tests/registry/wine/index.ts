/** Wine: finding it, one prefix per test file, reg.exe and regedit.exe run in it. */
export { findWine, WINE_MISSING_MESSAGE, wineMissingMessage } from './find.ts';
export { usePrefix } from './hooks.ts';
export { PREFIX_TIMEOUT_MS, STEP_TIMEOUT_MS, toWindowsPath, WinePrefix } from './prefix.ts';
export type { RunResult } from './process.ts';
export { parseRegQuery } from './reg-query.ts';
