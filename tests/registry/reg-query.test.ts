/** Unit tests of wine/reg-query.ts: reading `reg query` output (pure, no Wine needed). */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { parseRegQuery } from './wine/index.ts';

describe('parseRegQuery (reg query output)', () => {
  test('reads \\r\\n, \\r\\r\\n and \\n output, REG_DWORD as hex, REG_SZ with spaces and empty', () => {
    const out = (eol: string) =>
      `${eol}HKEY_LOCAL_MACHINE\\SOFTWARE\\X${eol}    A    REG_DWORD    0x1f${eol}    B    REG_SZ    two  words ${eol}    C    REG_SZ    ${eol}${eol}`;
    for (const eol of ['\r\n', '\r\r\n', '\n']) {
      assert.deepEqual(parseRegQuery(out(eol), 'A'), { type: 'REG_DWORD', data: 31 });
      assert.deepEqual(parseRegQuery(out(eol), 'b'), { type: 'REG_SZ', data: 'two  words ' });
      assert.deepEqual(parseRegQuery(out(eol), 'C'), { type: 'REG_SZ', data: '' });
      assert.equal(parseRegQuery(out(eol), 'D'), undefined);
    }
  });
  test('a name is matched whole, not as the start of a longer name', () => {
    const out = '\r\nHKEY_LOCAL_MACHINE\\SOFTWARE\\X\r\n    AB    REG_DWORD    0x2\r\n    A    REG_DWORD    0x1\r\n';
    assert.deepEqual(parseRegQuery(out, 'A'), { type: 'REG_DWORD', data: 1 });
    assert.deepEqual(parseRegQuery(out, 'AB'), { type: 'REG_DWORD', data: 2 });
  });
  test('a REG_DWORD that is not 0x-hex, or a line without a type, is not read', () => {
    assert.equal(parseRegQuery('    A    REG_DWORD    12\r\n', 'A'), undefined);
    assert.equal(parseRegQuery('    A    something else\r\n', 'A'), undefined);
  });
  test('the type is kept as reg.exe names it, data as text', () => {
    assert.deepEqual(parseRegQuery('    P    REG_EXPAND_SZ    %SystemRoot%\\x\r\n', 'P'), {
      type: 'REG_EXPAND_SZ',
      data: '%SystemRoot%\\x',
    });
  });
});
