/** Unit tests of parse/cmd-line.ts: a cmd.exe line split as reg.exe's C runtime splits it. */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { parseCmdLine } from './parse/index.ts';

describe('parseCmdLine: arguments', () => {
  const cases: [string, string, string[]][] = [
    ['spaces and tabs separate', 'reg  query\tX', ['reg', 'query', 'X']],
    ['quotes group and vanish', 'reg add "HKLM\\A B" /f', ['reg', 'add', 'HKLM\\A B', '/f']],
    ['\\" inside quotes is a quote', 'reg /d "x \\"y\\" z"', ['reg', '/d', 'x "y" z']],
    ['2n backslashes before a quote give n', 'x "a\\\\" "b\\"c" d""e', ['x', 'a\\', 'b"c', 'de']],
    ['backslashes not before a quote stay', 'x C:\\Shares\\\\Tool', ['x', 'C:\\Shares\\\\Tool']],
    ['"" inside quotes is one quote', 'x "a""b"', ['x', 'a"b']],
    ['an empty quoted argument counts', 'x "" y', ['x', '', 'y']],
    ['quotes may start mid-argument', 'x /d"a b"c', ['x', '/da bc']],
  ];
  for (const [name, line, args] of cases)
    test(name, () => {
      const parsed = parseCmdLine(line);
      assert.deepEqual(parsed.args, args);
      assert.deepEqual(parsed.problems, []);
    });
});

describe('parseCmdLine: what cmd.exe would do to the line', () => {
  test('operators inside quotes are text, outside they are problems', () => {
    assert.deepEqual(parseCmdLine('reg add "HKLM\\A&B|C<D>E^F" /f').problems, []);
    for (const op of ['&', '|', '<', '>', '^'])
      assert.match(parseCmdLine(`reg query X ${op} y`).problems.join(), new RegExp(`contains \\${op} outside quotes`));
  });
  test('% is a problem anywhere, as cmd expands it inside quotes too', () => {
    assert.match(parseCmdLine('reg add "HKLM\\%X%"').problems.join(), /contains %/);
  });
  test('line breaks, an unclosed quote and typographic characters are problems', () => {
    assert.match(parseCmdLine('reg query X\r\nreg query Y').problems.join(), /several lines/);
    assert.match(parseCmdLine('reg add "HKLM\\A').problems.join(), /unclosed double quote/);
    assert.match(parseCmdLine('reg add \u201eHKLM\\A\u201c').problems.join(), /typographic quote „.*U\+201E/);
    assert.match(parseCmdLine('reg\u00a0query X').problems.join(), /non-breaking space/);
    assert.match(parseCmdLine('reg query X /v A\u2013B').problems.join(), /en dash/);
  });
});
