import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  encodeRegFile,
  psApplyCommand,
  quoteArgument,
  psUndoCommand,
  regApplyCommand,
  regFileText,
  regUndoCommand,
} from '../../src/lib/commands.ts';
import type { PowershellSetting } from '../../src/model/schemas/setting.ts';
import { guestSetting } from './fixtures.ts';

const guest = guestSetting;

describe('generated registry commands', () => {
  it('reg add and reg delete', () => {
    assert.equal(
      regApplyCommand(guest),
      'reg add "HKLM\\SYSTEM\\CurrentControlSet\\Services\\LanmanWorkstation\\Parameters" /v AllowInsecureGuestAuth /t REG_DWORD /d 1 /f',
    );
    assert.equal(
      regUndoCommand(guest),
      'reg delete "HKLM\\SYSTEM\\CurrentControlSet\\Services\\LanmanWorkstation\\Parameters" /v AllowInsecureGuestAuth /f',
    );
    assert.match(regUndoCommand({ ...guest, undo: { action: 'set', data: 0 } }), /\/d 0 \/f$/);
  });

  it('.reg files in regedit format with CRLF and a removal line for undo', () => {
    const apply = regFileText([guest], 'apply');
    assert.ok(apply.startsWith('Windows Registry Editor Version 5.00\r\n\r\n[HKEY_LOCAL_MACHINE\\SYSTEM\\'));
    assert.ok(apply.includes('"AllowInsecureGuestAuth"=dword:00000001\r\n'));
    assert.ok(!/[^\r]\n/.test(apply), 'every line ends with CRLF');
    assert.ok(regFileText([guest], 'undo').includes('"AllowInsecureGuestAuth"=-\r\n'));
  });

  it('ASCII .reg files stay ASCII; others become UTF-16LE with BOM', () => {
    assert.equal(encodeRegFile('abc')[0], 0x61);
    const wide = encodeRegFile('Ä');
    assert.deepEqual([...wide], [0xff, 0xfe, 0xc4, 0x00]);
  });

  it('PowerShell calls with $true/$false and switches', () => {
    const ps: PowershellSetting = {
      id: 'p',
      kind: 'powershell',
      cmdlet: 'Set-SmbClientConfiguration',
      parameters: { EnableInsecureGuestLogons: true, Force: null },
      undoParameters: { EnableInsecureGuestLogons: false, Force: null },
      reference: 'r',
    };
    assert.equal(psApplyCommand(ps), 'Set-SmbClientConfiguration -EnableInsecureGuestLogons $true -Force');
    assert.equal(psUndoCommand(ps), 'Set-SmbClientConfiguration -EnableInsecureGuestLogons $false -Force');
  });
});

describe('quoteArgument (reg.exe command-line quoting)', () => {
  it('leaves plain text in plain quotes', () => {
    assert.equal(quoteArgument('C:\\Program Files\\Share Tool'), '"C:\\Program Files\\Share Tool"');
    assert.equal(quoteArgument(''), '""');
  });
  it('escapes inner quotes and doubles backslashes before them or at the end', () => {
    assert.equal(quoteArgument('say "hi"'), '"say \\"hi\\""');
    assert.equal(quoteArgument('C:\\Shares\\'), '"C:\\Shares\\\\"');
    assert.equal(quoteArgument('a\\"b'), '"a\\\\\\"b"');
  });
});
