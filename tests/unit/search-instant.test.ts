/**
 * Instant answers (src/lib/instant-answers.ts, map built by src/lib/instant-map.ts): the spellings
 * of error codes, the message fingerprints with near misses that must not match, and the real
 * content's map (every message finds its articles; the map stays under 4 KB gzip).
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { gzipSync } from 'node:zlib';
import {
  codeKeys,
  decodeFingerprint,
  findCodes,
  fingerprint,
  hresultFromWin32,
  instantAnswer,
  matchesFingerprint,
  queryShingles,
  type InstantMap,
} from '../../src/lib/instant-answers.ts';
import { buildInstantMap } from '../../src/lib/instant-map.ts';
import { buildGraph } from '../../src/model/graph.ts';
import { readContent } from '../../src/model/read.ts';
import { LANGS } from '../../src/model/schemas/common.ts';

const keysOf = (text: string) => findCodes(text).map((code) => code.keys[0]);

describe('error codes', () => {
  it('maps system errors to their HRESULT and back (HRESULT_FROM_WIN32, facility 7)', () => {
    assert.equal(hresultFromWin32(53), 0x80070035);
    assert.equal(hresultFromWin32(1272), 0x800704f8);
    assert.deepEqual(codeKeys('0x80070035'), ['0x80070035', '53']);
    assert.deepEqual(codeKeys('53'), ['53', '0x80070035']);
    assert.deepEqual(codeKeys('1272'), ['1272', '0x800704F8']);
    // 0x0000052E is system error 1326 written in hex.
    assert.deepEqual(codeKeys('0x0000052E'), ['1326', '0x8007052E']);
    // E_FAIL is no system error: facility 0.
    assert.deepEqual(codeKeys('0x80004005'), ['0x80004005']);
  });

  it('finds every spelling readers paste', () => {
    for (const [text, key] of [
      ['0x80070035', '0x80070035'],
      ['0X80070035', '0x80070035'],
      ['80070035', '0x80070035'],
      ['Fehlercode: 0x80070035', '0x80070035'],
      ['Error code: 0x80070035 The network path was not found.', '0x80070035'],
      ['HResult=-2147024843', '0x80070035'],
      ['2147942453', '0x80070035'],
      ['0x800704F8', '0x800704F8'],
      ['System error 1272 has occurred.', '1272'],
      ['Systemfehler 1272 aufgetreten.', '1272'],
      ['Systen error 1272', '1272'],
      ['system-error 1272', '1272'],
      ['NET HELPMSG 1326', '1326'],
      ['error 1327', '1327'],
      ['Fehler 1327 leeres Kennwort', '1327'],
      ['Fehlercode 86', '86'],
      ['Event ID 31017', '31017'],
      ['Ereignis-ID 31017 SMBClient', '31017'],
      ['1272', '1272'],
      ['  53 ', '53'],
    ] as const)
      assert.deepEqual(keysOf(text), [key], text);
  });

  it('takes 0x80070035 and system error 53 in one text as one code', () => {
    assert.equal(keysOf('System error 53 has occurred. 0x80070035').length, 1);
  });

  it('finds no code in versions, addresses, paths and other numbers', () => {
    for (const text of [
      'Windows 10 1709',
      '192.168.1.53',
      '10.0.19045.1272',
      'build 10130',
      '0x8007003',
      '0x800700351',
      '0x80070035.txt',
      '\\\\NAS-1\\80070035',
      '12345678',
      '1234567890',
      'error 10.0.19045',
      'Fehler 1272a',
      'KB4046019',
      '1272 NAS',
    ])
      assert.deepEqual(keysOf(text), [], text);
  });

  it('says whether the reader named the number as an error', () => {
    assert.deepEqual(
      findCodes('2024').map((c) => c.named),
      [false],
    );
    assert.deepEqual(
      findCodes('System error 5').map((c) => c.named),
      [true],
    );
  });
});

describe('message fingerprints', () => {
  const matches = (message: string, query: string) =>
    matchesFingerprint(decodeFingerprint(fingerprint(message)), queryShingles(query));
  const guest =
    "You can't access this shared folder because your organization's security policies block unauthenticated guest access. These policies help protect your PC from unsafe or malicious devices on the network.";
  const path =
    'Windows cannot access \\\\SERVER\\share. Check the spelling of the name. Otherwise, there might be a problem with your network. Error code: 0x80070035 The network path was not found.';

  it('matches the whole message, in any case, with other quotes and line breaks', () => {
    assert.ok(matches(guest, guest));
    assert.ok(matches(guest, guest.toUpperCase().replaceAll("'", '’').replaceAll('. ', '.\r\n')));
    assert.ok(matches('The network path was not found.', 'The network path was not found.'));
    assert.ok(matches('Unidentified network', 'unidentified network'));
  });

  it('matches a message pasted with real server names and text around it', () => {
    assert.ok(
      matches(
        path,
        'Network Error\r\nWindows cannot access \\\\NAS-1\\Fotos\r\n\r\nCheck the spelling of the name. Otherwise, there might be a problem with your network.\r\n\r\nError code: 0x80070035\r\nThe network path was not found.\r\nDiagnose Close',
      ),
    );
    assert.ok(
      matches(
        'Enter network credentials. Enter your credentials to connect to: SERVER',
        'Windows Security\nEnter network credentials\nEnter your credentials to connect to: DESKTOP-4\nUser name',
      ),
    );
    assert.ok(
      matches(guest, `C:\\Users\\anna>net use Z: \\\\NAS\\x\r\nSystem error 1272 has occurred.\r\n\r\n${guest}`),
    );
  });

  it('matches the first sentence of a long message', () => {
    assert.ok(matches(guest, guest.split('. ')[0]));
  });

  it('does not match a message that differs in its telling word', () => {
    assert.ok(!matches('The network path was not found.', 'The network name cannot be found.'));
    assert.ok(!matches('Der Netzwerkpfad wurde nicht gefunden.', 'Der Netzwerkname wurde nicht gefunden.'));
    assert.ok(!matches('Systemfehler 1272 aufgetreten.', 'Systemfehler 1273 aufgetreten.'));
    assert.ok(!matches('The user name or password is incorrect.', 'The user name is incorrect.'));
    assert.ok(
      !matches('The specified network password is not correct.', 'The specified network name is no longer available.'),
    );
    assert.ok(!matches('Unidentified network', 'network unidentified'));
  });

  it('does not match a few shared words or a single word of it', () => {
    assert.ok(!matches(path, 'Windows cannot access'));
    assert.ok(!matches(guest, 'guest access'));
    assert.ok(!matches(guest, 'security policies'));
    assert.ok(!matches('Netzwerkanmeldeinformationen eingeben', 'Netzwerkanmeldeinformationen'));
  });

  it('keeps long messages small: about half of the word triples, never fewer than eight', () => {
    const hashes = decodeFingerprint(fingerprint(guest));
    assert.ok(hashes.length >= 8 && hashes.length < 20, String(hashes.length));
    assert.equal(decodeFingerprint(fingerprint('Unidentified network')).length, 1);
  });
});

describe('the instant-answer map of the real content', () => {
  const graph = buildGraph(readContent());
  const maps = Object.fromEntries(LANGS.map((lang) => [lang, buildInstantMap(graph, lang)])) as Record<
    'de' | 'en',
    InstantMap
  >;
  const first = (lang: 'de' | 'en', query: string) => {
    const answer = instantAnswer(maps[lang], query);
    return answer.articles.map((a) => maps[lang].a[a.index][0]);
  };

  it('stays under 4 KB gzip per language', () => {
    for (const lang of LANGS) {
      const size = gzipSync(JSON.stringify(maps[lang])).length;
      assert.ok(size < 4096, `${lang}: ${size} B`);
    }
  });

  it('answers every code and every wording of every message, in both languages, with its articles', () => {
    for (const lang of LANGS)
      for (const message of graph.messages.values()) {
        const want = graph.symptomsWithMessage(message.id, lang).map((s) => s.slug);
        if (!want.length) continue;
        for (const text of [message.de.text, message.en.text, ...message.codes]) {
          const got = first(lang, text);
          for (const slug of want) assert.ok(got.includes(slug), `${lang} "${text}": ${slug} missing in ${got}`);
        }
      }
  });

  it('knows a code in its other spellings', () => {
    assert.equal(first('en', 'System error 53')[0], 'shared-folder-network-error');
    assert.deepEqual(first('en', '0x800704F8'), first('en', 'System error 1272'));
    assert.ok(first('en', '-2147024843').includes('guest-access-blocked'));
  });

  it('puts the article for the named machine first among articles for the same code', () => {
    assert.equal(first('de', '0x80070035 Der Netzwerkpfad wurde nicht gefunden NAS')[0], 'gastzugriff-blockiert');
    assert.equal(
      first('en', 'Windows cannot access \\\\NAS-1\\Fotos Error code: 0x80070035')[0],
      'guest-access-blocked',
    );
  });

  it('answers nothing for unknown codes and ordinary words, and says the code is unknown', () => {
    const answer = instantAnswer(
      maps.en,
      'System error 1332 has occurred. No mapping between account names and security IDs was done.',
    );
    assert.deepEqual(answer.articles, []);
    assert.deepEqual(
      answer.codes.map((c) => [c.keys[0], c.known]),
      [['1332', false]],
    );
    for (const query of ['guest', 'bluetooth', 'network', 'Windows cannot access', '0x80070534', 'asdfqwer'])
      assert.deepEqual(first('en', query), [], query);
  });
});
