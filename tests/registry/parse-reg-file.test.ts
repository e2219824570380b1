/** Unit tests of parse/reg-file.ts and parse/registry.ts: .reg files as regedit reads them. */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { describeValue, longKey, parseRegFile, REG_HEADER, sameKey, sameValue } from './parse/index.ts';

const ascii = (text: string) => new TextEncoder().encode(text);
const utf16 = (text: string) => new Uint8Array([0xff, 0xfe, ...Buffer.from(text, 'utf16le')]);
const file = (...lines: string[]) => [REG_HEADER, '', ...lines, ''].join('\r\n');
const problemsOf = (bytes: Uint8Array) => parseRegFile(bytes).problems;

describe('parseRegFile: entries', () => {
  test('DWORD, string, deletion and default value, with their keys', () => {
    const parsed = parseRegFile(
      ascii(
        file(
          '[HKEY_LOCAL_MACHINE\\SOFTWARE\\A]',
          '"Count"=dword:0000001f',
          '"Path"="C:\\\\Shares\\\\say \\"hi\\""',
          '',
          '; a comment',
          '[HKEY_LOCAL_MACHINE\\SOFTWARE\\B]',
          '"Gone"=-',
          '@=""',
        ),
      ),
    );
    assert.deepEqual(parsed.problems, []);
    assert.equal(parsed.encoding, 'ascii');
    assert.deepEqual(parsed.entries, [
      { key: 'HKEY_LOCAL_MACHINE\\SOFTWARE\\A', name: 'Count', value: { type: 'REG_DWORD', data: 31 } },
      { key: 'HKEY_LOCAL_MACHINE\\SOFTWARE\\A', name: 'Path', value: { type: 'REG_SZ', data: 'C:\\Shares\\say "hi"' } },
      { key: 'HKEY_LOCAL_MACHINE\\SOFTWARE\\B', name: 'Gone', value: null },
      { key: 'HKEY_LOCAL_MACHINE\\SOFTWARE\\B', name: '', value: { type: 'REG_SZ', data: '' } },
    ]);
  });
  test('UTF-16LE with a byte-order mark keeps non-ASCII text', () => {
    const parsed = parseRegFile(utf16(file('[HKEY_LOCAL_MACHINE\\SOFTWARE\\A]', '"T"="für Gäste"')));
    assert.deepEqual(parsed.problems, []);
    assert.equal(parsed.encoding, 'utf-16le');
    assert.deepEqual(parsed.entries[0].value, { type: 'REG_SZ', data: 'für Gäste' });
  });
});

describe('parseRegFile: form problems', () => {
  const key = '[HKEY_LOCAL_MACHINE\\SOFTWARE\\A]';
  const cases: [string, Uint8Array, RegExp][] = [
    ['non-ASCII without a byte-order mark', Buffer.from(file(key, '"T"="für"'), 'latin1'), /ANSI code page/],
    ['UTF-16LE with an odd number of bytes', new Uint8Array([...utf16(file(key)), 0x41]), /odd number/],
    ['a CR without LF', ascii(file(key).replace('\r\n[', '\r[')), /CR without LF/],
    ['a value before any key', ascii(file('"T"="x"')), /value outside a key/],
    ['a key line without its bracket', ascii(file('[HKEY_LOCAL_MACHINE\\SOFTWARE\\A')), /closing bracket/],
    ['a key with a short hive name', ascii(file('[HKLM\\SOFTWARE\\A]')), /full hive name/],
    ['a value line without a quoted name', ascii(file(key, 'T="x"')), /cannot read value line/],
    ['a string value with text after its closing quote', ascii(file(key, '"T"="x"y')), /cannot read string value/],
    ['a value type the site does not write', ascii(file(key, '"T"=hex(2):41,00')), /does not write/],
    ['a DWORD with more than 8 digits', ascii(file(key, '"T"=dword:000000001')), /8 hex digits/],
  ];
  for (const [name, bytes, pattern] of cases)
    test(name, () => {
      const problems = problemsOf(bytes);
      assert.ok(
        problems.some((p) => pattern.test(p)),
        `no problem matches ${pattern}: ${problems.join(' | ')}`,
      );
    });
  test('a problem names its line', () => {
    assert.match(problemsOf(ascii(file(key, '"T"=hex:00'))).join(), /^line 4: /);
  });
});

describe('registry keys and values', () => {
  test('short hive names expand, keys compare without case', () => {
    assert.equal(longKey('HKLM\\SOFTWARE\\A'), 'HKEY_LOCAL_MACHINE\\SOFTWARE\\A');
    assert.equal(longKey('hkcu\\X'), 'HKEY_CURRENT_USER\\X');
    assert.equal(longKey('HKEY_USERS\\X'), 'HKEY_USERS\\X');
    assert.ok(sameKey('HKLM\\Software\\a', 'HKEY_LOCAL_MACHINE\\SOFTWARE\\A'));
    assert.ok(!sameKey('HKLM\\SOFTWARE\\A', 'HKLM\\SOFTWARE\\AB'));
  });
  test('values compare by type and data; absent is its own value', () => {
    assert.ok(sameValue({ type: 'REG_DWORD', data: 1 }, { type: 'REG_DWORD', data: 1 }));
    assert.ok(!sameValue({ type: 'REG_DWORD', data: 1 }, { type: 'REG_SZ', data: 1 }));
    assert.ok(!sameValue({ type: 'REG_SZ', data: '1' }, null));
    assert.ok(sameValue(null, null));
    assert.equal(describeValue({ type: 'REG_DWORD', data: 22 }), 'REG_DWORD 22 (0x16)');
    assert.equal(describeValue({ type: 'REG_SZ', data: 'a "b"' }), 'REG_SZ "a \\"b\\""');
    assert.equal(describeValue(null), '(absent)');
  });
});
