/** Pure parsers of what the site hands a reader: .reg files, cmd.exe lines, PowerShell lines. */
export { parseCmdLine } from './cmd-line.ts';
export type { ParsedCommandLine } from './cmd-line.ts';
export { parsePsCall } from './ps-line.ts';
export type { PsCall, PsValue } from './ps-line.ts';
export { parseRegFile, REG_HEADER } from './reg-file.ts';
export type { ParsedRegFile, RegEntry } from './reg-file.ts';
export { describeValue, longKey, sameKey, sameValue } from './registry.ts';
export type { RegValue } from './registry.ts';
