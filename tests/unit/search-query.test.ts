import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  asksForFix,
  fixFirst,
  ALTERNATIVES,
  alternativeFor,
  cleanQuery,
  isFragment,
  judge,
  rankPages,
  type Hit,
} from '../../src/lib/search-query.ts';

describe('cleanQuery', () => {
  it('drops server names, addresses, quotes, line breaks and shared boilerplate', () => {
    const pasted =
      'Windows cannot access \\\\DESKTOP-7\\Fotos\r\nCheck the spelling of the name. Otherwise, there might be a problem with your network.\r\nError code: 0x80070035 "The network path was not found."';
    assert.equal(cleanQuery(pasted), 'Windows cannot access 0x80070035 network path not found');
    assert.equal(cleanQuery('\\\\192.168.1.20\\share 192.168.1.20'), '');
    assert.equal(
      cleanQuery('„Netzwerkfehler“\nAuf \\\\meinname\\c konnte nicht zugegriffen werden'),
      'Netzwerkfehler konnte nicht zugegriffen',
    );
    assert.equal(
      cleanQuery(
        'Auf \\\\SERVER kann nicht zugegriffen werden. Wenden Sie sich an den Administrator dieses Servers, um herauszufinden, ob Sie über Zugriffsberechtigungen verfügen.',
      ),
      'kann nicht zugegriffen',
    );
  });

  it('keeps "NAS" when the server name says the target is one, and nothing else of the name', () => {
    assert.equal(cleanQuery('\\\\NAS-1\\Fotos 0x80070035'), '0x80070035 NAS');
    assert.equal(cleanQuery('smb://mynas/video'), 'NAS');
    assert.equal(cleanQuery('\\\\DISKSTATION\\video 0x80070035'), '0x80070035');
  });

  it('drops dialog buttons, the credentials dialog chrome and net use prompts', () => {
    assert.equal(
      cleanQuery(
        'Windows Security\nEnter network credentials\nUser name\nPassword\nRemember my credentials\nThe user name or password is incorrect.\nOK Cancel',
      ),
      'Enter network credentials User name Password incorrect',
    );
    assert.equal(
      cleanQuery(
        'C:\\Users\\anna>net use Z: \\\\NAS-1\\Fotos /user:NAS-1\\anna\r\nSystem error 1272 has occurred.\r\n\r\nMore help is available by typing NET HELPMSG 1272.',
      ),
      'net use 1272 NAS',
    );
    assert.equal(cleanQuery('Weitere Hilfe erhalten Sie durch Eingabe von NET HELPMSG 1326.'), '');
  });

  it('normalises error codes in any form', () => {
    assert.equal(cleanQuery('80070035'), '0x80070035');
    assert.equal(cleanQuery('0X80070035'), '0x80070035');
    assert.equal(cleanQuery('Fehlercode: 0x80004005. Unbekannter Fehler'), '0x80004005 Unbekannter Fehler');
    assert.equal(cleanQuery('System error 1272 has occurred.'), '1272');
    assert.equal(cleanQuery('Systemfehler 1272 aufgetreten.'), '1272');
    assert.equal(cleanQuery('Systen error 1272'), '1272');
    assert.equal(cleanQuery('Systenfehler 1272'), '1272');
    assert.equal(cleanQuery('error 1327'), '1327');
    assert.equal(cleanQuery('NET HELPMSG 1326'), '1326');
    assert.equal(cleanQuery('Event ID 31017'), '31017');
    assert.equal(cleanQuery('Ereignis-ID 31017 SMBClient'), '31017 SMBClient');
  });

  it('keeps C$, ADMIN$, registry value names and the telling part of registry paths', () => {
    assert.equal(cleanQuery('Zugriff auf C$ und ADMIN$ verweigert'), 'Zugriff C$ ADMIN$ verweigert');
    assert.equal(cleanQuery('AllowInsecureGuestAuth'), 'AllowInsecureGuestAuth');
    assert.equal(
      cleanQuery(
        'HKEY_LOCAL_MACHINE\\SYSTEM\\CurrentControlSet\\Services\\LanmanWorkstation\\Parameters\n"AllowInsecureGuestAuth"=dword:00000001',
      ),
      'HKEY_LOCAL_MACHINE LanmanWorkstation Parameters AllowInsecureGuestAuth dword 00000001',
    );
    // A typo in a path is the telling part: the registry pages explain it.
    assert.equal(cleanQuery('HKLM\\SYSTEN\\CurrentControlSet\\Services'), 'HKLM SYSTEN');
    // A path made only of common keys stays whole.
    assert.equal(
      cleanQuery('Computer\\HKEY_LOCAL_MACHINE\\SOFTWARE\\Microsoft\\Windows\\CurrentVersion\\Policies\\System'),
      'HKEY_LOCAL_MACHINE SOFTWARE Microsoft Windows CurrentVersion Policies System',
    );
  });

  it('drops words without meaning of their own, unless nothing else is left', () => {
    assert.equal(cleanQuery('the user name or password is incorrect'), 'user name password incorrect');
    assert.equal(cleanQuery('Der Benutzername oder das Kennwort ist falsch'), 'Benutzername Kennwort falsch');
    assert.equal(cleanQuery('the and or'), 'the and or');
  });

  it('survives hostile input', () => {
    assert.equal(cleanQuery('<script>alert(1)</script>'), 'alert 1');
    assert.equal(cleanQuery('<img src=x onerror=alert(1)>'), '');
    assert.equal(cleanQuery('"\'\\\\\\"'), '');
    assert.equal(cleanQuery('\u0000\u0007 🙂'), '');
    assert.equal(cleanQuery('x'.repeat(5000)), '');
    const long = cleanQuery('Kennwort '.repeat(600) + Array.from({ length: 100 }, (_, i) => `w${i}`).join(' '));
    assert.ok(long.split(' ').length <= 24, long);
    assert.ok(!/[<>"]/.test(cleanQuery('<b>"quoted"</b> <<>> ">')));
  });
});

describe('alternativeFor', () => {
  it('knows common misspellings and other names, in any case', () => {
    assert.equal(alternativeFor('Systen'), 'system');
    assert.equal(alternativeFor('SMBv1'), 'smb1');
    assert.equal(alternativeFor('Passwort'), 'kennwort');
    assert.equal(alternativeFor('System'), undefined);
    assert.equal(alternativeFor('constructor'), undefined);
  });

  it('never maps a word to itself or to a misspelling', () => {
    for (const [from, to] of Object.entries(ALTERNATIVES)) {
      assert.notEqual(from, to);
      assert.equal(ALTERNATIVES[to], undefined, `${from} -> ${to} -> ${ALTERNATIVES[to]}`);
      assert.equal(from, from.toLowerCase());
    }
  });
});

describe('rankPages', () => {
  // A small index: which pages contain which word, with Pagefind-like scores.
  const index: Record<string, Hit[]> = {
    '1272': [{ id: 'guest', score: 9 }],
    nas: [
      { id: 'guest', score: 3 },
      { id: 'smb1', score: 4 },
      { id: 'signing', score: 2 },
    ],
    '0x80070035': [
      { id: 'network-error', score: 8 },
      { id: 'guest', score: 6 },
    ],
    windows: ['guest', 'smb1', 'signing', 'network-error', 'password'].map((id) => ({ id, score: 1 })),
    password: [
      { id: 'password', score: 9 },
      { id: 'guest', score: 1 },
    ],
    system: [{ id: 'smb1', score: 1 }],
  };
  const hitsFor = async (term: string): Promise<Hit[]> => {
    const lists = term
      .toLowerCase()
      .split(' ')
      .map((word) => index[word] ?? []);
    // Pagefind's own query: pages with every word, by the sum of their scores.
    const ids = lists.reduce(
      (common, list) => common.filter((id) => list.some((hit) => hit.id === id)),
      lists[0].map((hit) => hit.id),
    );
    const score = (id: string) => lists.reduce((sum, list) => sum + list.find((hit) => hit.id === id)!.score, 0);
    return ids.map((id) => ({ id, score: score(id) })).sort((a, b) => b.score - a.score);
  };

  it('puts the pages with every word first, in the index order', async () => {
    const ranked = await rankPages('0x80070035 Windows', hitsFor, 5);
    assert.deepEqual(
      ranked.pages.slice(0, 2).map((p) => p.id),
      ['network-error', 'guest'],
    );
    assert.deepEqual(ranked.dropped, []);
  });

  it('still finds the page when one word of the paste is on no page, and says which', async () => {
    const ranked = await rankPages('1272 Fotoalbum', hitsFor, 5);
    assert.equal(ranked.pages[0].id, 'guest');
    assert.deepEqual(ranked.words, ['1272']);
    assert.deepEqual(ranked.dropped, ['Fotoalbum']);
  });

  it('ranks pages that have only some of the words by how rare and how strong those words are', async () => {
    // No page has all three; "guest" has the rare code and NAS, "network-error" only the code.
    const ranked = await rankPages('0x80070035 NAS password', hitsFor, 5);
    assert.equal(ranked.pages[0].id, 'guest');
    assert.ok(ranked.pages.findIndex((p) => p.id === 'network-error') > 0);
  });

  it('tries the alternative of a misspelled word, only when the word is on no page', async () => {
    const ranked = await rankPages('Systen', hitsFor, 5);
    assert.deepEqual(ranked.words, ['system']);
    assert.deepEqual(
      ranked.pages.map((p) => p.id),
      ['smb1'],
    );
    const known = await rankPages(
      'Systen',
      async (term) => (term === 'Systen' ? [{ id: 'registry', score: 1 }] : []),
      5,
    );
    assert.deepEqual(known.words, ['Systen']);
  });

  it('prefers the alternative to the nearest word the index offers for a word no page has', async () => {
    // The index finds "Heimnetz" for "Heimnetzwerkgruppe" (partial); the pages say Heimnetzgruppe.
    const nearest = async (term: string): Promise<Hit[]> =>
      term === 'Heimnetzwerkgruppe'
        ? [{ id: 'network', score: 1, partial: true }]
        : term === 'heimnetzgruppe'
          ? [{ id: 'homegroup', score: 1 }]
          : [];
    const ranked = await rankPages('Heimnetzwerkgruppe', nearest, 5);
    assert.deepEqual(ranked.words, ['heimnetzgruppe']);
    assert.deepEqual(
      ranked.pages.map((p) => p.id),
      ['homegroup'],
    );
    // Without an alternative the nearest word still counts.
    const kept = await rankPages('Heimnetzwerkdings', async () => [{ id: 'network', score: 1, partial: true }], 5);
    assert.deepEqual(kept.words, ['Heimnetzwerkdings']);
  });

  it('looks up a hyphenated word no page has by its parts, each counting on its own', async () => {
    const parts: Record<string, Hit[]> = {
      'Online-Banking': [{ id: 'pin', score: 1, partial: true }],
      Online: [{ id: 'pin', score: 1 }],
    };
    const ranked = await rankPages('Online-Banking', async (term) => parts[term] ?? [], 5);
    assert.deepEqual(ranked.words, ['Online']);
    assert.deepEqual(ranked.dropped, ['Banking']);
    // A hyphenated word the pages have stays whole.
    const whole = await rankPages(
      'CIFS-Client',
      async (term) => (term === 'CIFS-Client' ? [{ id: 'smb1', score: 1 }] : []),
      5,
    );
    assert.deepEqual(whole.words, ['CIFS-Client']);
  });

  it('lists nothing when no word is on any page', async () => {
    const ranked = await rankPages('Fotoalbum Urlaub', hitsFor, 5);
    assert.deepEqual(ranked.pages, []);
    assert.deepEqual(ranked.dropped, ['Fotoalbum', 'Urlaub']);
    assert.deepEqual((await rankPages('', hitsFor, 5)).pages, []);
  });

  it('leaves out pages that share only a common word with a long paste', async () => {
    const ranked = await rankPages('1272 0x80070035 NAS Windows', hitsFor, 5);
    assert.equal(ranked.pages[0].id, 'guest');
    assert.ok(!ranked.pages.some((p) => p.id === 'password'), JSON.stringify(ranked.pages));
  });
});

describe('fragments and verdicts', () => {
  // "as" is on every page; "guest" on two; "password" on one.
  const index: Record<string, Hit[]> = {
    as: ['a', 'b', 'c', 'd'].map((id) => ({ id, score: 1 })),
    guest: [
      { id: 'a', score: 5 },
      { id: 'b', score: 2 },
    ],
    share: ['a', 'b', 'c', 'd'].map((id) => ({ id, score: 1 })),
    password: [{ id: 'c', score: 3 }],
  };
  const hitsFor = async (term: string): Promise<Hit[]> => {
    const lists = term.split(' ').map((word) => index[word.toLowerCase()] ?? []);
    return lists[0].filter((hit) => lists.every((list) => list.some((h) => h.id === hit.id)));
  };

  it('knows one- and two-letter words from codes and C$', () => {
    assert.ok(isFragment('as'));
    assert.ok(isFragment('B'));
    assert.ok(!isFragment('C$'));
    assert.ok(!isFragment('10'));
    assert.ok(!isFragment('SMB'));
  });

  it('lists no page for a fragment alone, and keeps it as a helper next to a word', async () => {
    assert.deepEqual((await rankPages('as', hitsFor, 4)).pages, []);
    const ranked = await rankPages('guest as', hitsFor, 4);
    assert.deepEqual(
      ranked.pages.map((p) => p.id),
      ['a', 'b'],
    );
  });

  it('answers when the best page has the distinctive words', async () => {
    assert.equal(judge(await rankPages('guest', hitsFor, 4), 4).verdict, 'results');
    assert.equal(judge(await rankPages('guest share', hitsFor, 4), 4).verdict, 'results');
  });

  it('calls it related when the best page shares only a common word with the query', async () => {
    const ranked = await rankPages('share chocolate cake recipe', hitsFor, 4);
    assert.ok(ranked.pages.length > 0);
    assert.equal(judge(ranked, 4).verdict, 'related');
  });

  it('finds nothing when no distinctive word is on a page', async () => {
    assert.equal(judge(await rankPages('asdfqwer', hitsFor, 4), 4).verdict, 'none');
    assert.equal(judge(await rankPages('as', hitsFor, 4), 4).verdict, 'none');
  });
});

describe('a request for a fix', () => {
  it('is a query that starts (English) or ends with doing something', () => {
    for (const request of [
      'turn on sharing wizard folder options',
      'allow Internet Connection Sharing in the BitDefender firewall',
      'Freigabe-Assistent in den Ordneroptionen einschalten',
      'Laufwerk Eigenschaften Sicherheit Jeder hinzufügen',
      'reinstall SMB 1.0/CIFS Client',
    ])
      assert.ok(asksForFix(request), request);
    for (const problem of [
      'Enter network credentials',
      'Netzwerkanmeldeinformationen eingeben',
      'guest access blocked, how do I allow it here at home please',
      'The specified network name is no longer available',
      'Freigabe-Assistent ist aus',
    ])
      assert.ok(!asksForFix(problem), problem);
  });

  it('moves the first fix or workaround among the best three to the top, the rest keep their order', () => {
    assert.deepEqual(fixFirst(['cause', 'fix', 'symptom'], ['cause', 'fix', 'symptom']), ['fix', 'cause', 'symptom']);
    assert.deepEqual(fixFirst(['s', 'c', 'w', 'f'], ['symptom', 'cause', 'workaround', 'fix']), ['w', 's', 'c', 'f']);
    assert.deepEqual(fixFirst(['f', 'c'], ['fix', 'cause']), ['f', 'c']);
    // A fix beyond the best three is another topic.
    assert.deepEqual(fixFirst(['s', 'c', 'c2', 'f'], ['symptom', 'cause', 'cause', 'fix']), ['s', 'c', 'c2', 'f']);
  });
});
