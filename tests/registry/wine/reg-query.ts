/** Reading `reg query` output. Pure. */
import type { RegValue } from '../parse/index.ts';

/**
 * Parses `reg query KEY /v NAME` output:
 *   \r\nHKEY_LOCAL_MACHINE\...\r\n    Name    REG_DWORD    0x1\r\n\r\n
 * Returns undefined when no line for the value is found. Lines may end in \r\n, \r\r\n or \n.
 */
export function parseRegQuery(output: string, name: string): RegValue | undefined {
  for (const rawLine of output.split('\n')) {
    const line = rawLine.replace(/\r+$/, '');
    const head = `    ${name}    `;
    if (line.slice(0, head.length).toLowerCase() !== head.toLowerCase()) continue;
    const match = /^(REG_[A-Z0-9_]+)(?: {4}(.*))?$/.exec(line.slice(head.length));
    if (!match) continue;
    const [, type, raw = ''] = match;
    if (type === 'REG_DWORD') {
      if (!/^0x[0-9a-f]+$/i.test(raw)) return undefined;
      return { type, data: parseInt(raw, 16) };
    }
    return { type, data: raw };
  }
  return undefined;
}
