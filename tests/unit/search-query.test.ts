import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { cleanQuery } from '../../src/lib/search-query.ts';

describe('cleanQuery', () => {
  it('drops server names, addresses, quotes and shared boilerplate', () => {
    const pasted =
      'Windows cannot access \\\\NAS-1\\Fotos\r\nCheck the spelling of the name. Otherwise, there might be a problem with your network.\r\nError code: 0x80070035 "The network path was not found."';
    assert.equal(cleanQuery(pasted), 'Windows cannot access 0x80070035 The network path was not found');
    assert.equal(cleanQuery('\\\\192.168.1.20\\share 192.168.1.20'), '');
  });

  it('normalises error codes in any spelling', () => {
    assert.equal(cleanQuery('80070035'), '0x80070035');
    assert.equal(cleanQuery('System error 1272 has occurred.'), '1272');
    assert.equal(cleanQuery('Systemfehler 1272 aufgetreten.'), '1272');
  });

  it('splits registry paths and keeps C$ and ADMIN$', () => {
    assert.equal(cleanQuery('HKLM\\SYSTEN\\CurrentControlSet'), 'HKLM SYSTEN CurrentControlSet');
    assert.equal(cleanQuery('Zugriff auf C$ und ADMIN$ verweigert'), 'Zugriff auf C$ und ADMIN$ verweigert');
  });

  it('survives hostile input', () => {
    // Repeated words count once: they add nothing to the ranking.
    assert.equal(cleanQuery('<script>alert(1)</script>'), 'script alert 1');
    assert.ok(cleanQuery('x'.repeat(5000)).length <= 2000);
    assert.equal(cleanQuery('\u0000\u0007 🙂'), '🙂');
  });
});
