/** Unit tests of parse/ps-line.ts: a PowerShell cmdlet call read as the generators write it. */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { parsePsCall } from './parse/index.ts';

describe('parsePsCall: the call', () => {
  test('cmdlet, parameters in order, and their values', () => {
    const call = parsePsCall("Set-Thing -On $true -Off $FALSE -None $null -Count 3 -Neg -1 -Name 'it''s' -Force");
    assert.deepEqual(call.problems, []);
    assert.equal(call.cmdlet, 'Set-Thing');
    assert.deepEqual(call.parameters, [
      { name: 'On', value: true },
      { name: 'Off', value: false },
      { name: 'None', value: null },
      { name: 'Count', value: 3 },
      { name: 'Neg', value: -1 },
      { name: 'Name', value: "it's" },
      { name: 'Force', value: undefined },
    ]);
  });
  test('-Name:value and a switch followed by another parameter', () => {
    const call = parsePsCall('Set-Thing -Force -On:$false');
    assert.deepEqual(call.parameters, [
      { name: 'Force', value: undefined },
      { name: 'On', value: false },
    ]);
  });
  test('a quoted text that looks like a parameter is a value', () => {
    assert.deepEqual(parsePsCall("Set-Thing -Name '-x'").parameters, [{ name: 'Name', value: '-x' }]);
  });
});

describe('parsePsCall: problems', () => {
  const cases: [string, string, RegExp][] = [
    ['not a cmdlet first', "'Set-Thing' -On $true", /does not start with a cmdlet name/],
    ['a lower-case verb', 'set-thing -On $true', /does not start with a cmdlet name/],
    ['a positional value', 'Set-Thing 1', /positional value "1"/],
    ['a double-quoted string', 'Set-Thing -Name "x"', /double-quoted string/],
    ['an operator', 'Set-Thing -On $true;', /operator or special character/],
    ['a variable', 'Set-Thing -On $on', /uses the variable \$on/],
    ['an unclosed single quote', "Set-Thing -Name 'x", /unclosed single quote/],
    ['two lines', 'Set-Thing -On $true\nSet-Other', /several lines/],
    ['a typographic dash', 'Set-Thing \u2013On $true', /en dash/],
  ];
  for (const [name, line, pattern] of cases)
    test(name, () => {
      const { problems } = parsePsCall(line);
      assert.ok(
        problems.some((p) => pattern.test(p)),
        `no problem matches ${pattern}: ${problems.join(' | ')}`,
      );
    });
});
