/**
 * Turns what a reader pastes (a whole error dialog, a `net use` transcript, a registry path) into
 * the few words that tell one article from another (cleanQuery), ranks the pages for them with
 * the search index's help (rankPages), judges whether the best page answers the query (judge), and
 * puts a fix first when the reader asks how to do something (asksForFix, fixFirst).
 *
 * Pagefind matches words, not strings. The server names, quotes, buttons and sentences that every
 * network error shares are dropped here: they would only dilute the ranking.
 */

import { hostSaysNas } from './instant-answers.ts';

/** Only this much of a paste is read; the search forms accept no more (their maxlength). */
export const MAX_QUERY_LENGTH = 2000;
const MAX_WORDS = 24;
// Longer than any word, code or registry value name on the pages.
const MAX_WORD = 64;

// Sentences and dialog chrome that appear in many different network errors and so say nothing
// about the cause. Word for word from the dialogs in content/messages.yaml and Windows' net use
// output; the German ones as Windows writes them.
const BOILERPLATE = [
  /check the spelling of the name\.?/gi,
  /otherwise,? there might be a problem with your network\.?/gi,
  /to try to identify and resolve network problems,? click diagnose\.?/gi,
  /contact the administrator of this server to find out if you have access permissions\.?/gi,
  /more help is available by typing net helpmsg \d+\.?/gi,
  /\bthe command completed successfully\.?/gi,
  /überprüfen sie die schreibweise des namens\.?/gi,
  /andernfalls liegt möglicherweise ein problem mit ihrem netzwerk vor\.?/gi,
  /klicken sie auf \W?diagnose\W?,? um netzwerkprobleme zu identifizieren und zu beheben\.?/gi,
  /wenden sie sich an den administrator dieses servers,? um herauszufinden,? ob sie über zugriffsberechtigungen verfügen\.?/gi,
  /weitere hilfe erhalten sie durch eingabe von net helpmsg \d+\.?/gi,
  /\bder befehl wurde erfolgreich ausgeführt\.?/gi,
  /\b(?:error code|fehlercode|details)\s*:/gi,
  /\bhas occurred\b|\baufgetreten\b/gi,
  // Buttons and the title of the credentials dialog.
  /\b(?:remember my credentials|anmeldedaten speichern|windows security|windows-sicherheit|more choices|weitere optionen)\b/gi,
  /(?:^|\s)(?:diagnose|close|cancel|ok|schließen|abbrechen)(?=\s|$)/gi,
];

// Words that carry no meaning of their own. Dropped unless the query has nothing else.
const STOPWORDS = new Set(
  (
    'a an the to of and or on in at for with from by as is are was were be been being it its this that these ' +
    'those i me my we our you your he his she her they their there here can could will would should do does ' +
    'did have has had if then than so but about into also just only very please any some one after when ' +
    'der die das den dem des ein eine einen einem einer eines und oder auf am im an zu zum zur mit von vom ' +
    'für ist sind war waren wird werden wurde wurden sein bei ich mich mir mein meine meinen meinem wir uns ' +
    'ihr ihre ihrem ihren sie es er man dass als wie wenn dann auch noch nur aber doch so um aus über bitte ' +
    'hat habe haben hatte hatten nach diesen diese dieser dieses'
  ).split(' '),
);

/**
 * Misspellings readers make and names they use for what the pages call differently. rankPages
 * uses one only for a word that no page has as such, so it never rewrites a word the site has
 * (the registry pages quote "SYSTEN" as the typo it is).
 */
export const ALTERNATIVES: Readonly<Record<string, string>> = {
  systen: 'system',
  sytem: 'system',
  acess: 'access',
  acces: 'access',
  accses: 'access',
  pasword: 'password',
  passwort: 'kennwort',
  passwörter: 'kennwörter',
  kenwort: 'kennwort',
  credentails: 'credentials',
  netwrok: 'network',
  netowrk: 'network',
  netzwek: 'netzwerk',
  zugrif: 'zugriff',
  guset: 'guest',
  wizzard: 'wizard',
  smbv1: 'smb1',
  smbv2: 'smb2',
  heimnetzwerkgruppe: 'heimnetzgruppe',
  heimnetzwerk: 'heimnetzgruppe',
  freigabeassistent: 'freigabe-assistent',
  homegroupe: 'homegroup',
};

/** The word to try instead of `word` when no page contains it, if there is one. */
export function alternativeFor(word: string): string | undefined {
  return Object.hasOwn(ALTERNATIVES, word.toLowerCase()) ? ALTERNATIVES[word.toLowerCase()] : undefined;
}

/** Error codes in any spelling readers paste, normalised to the form the pages show. */
function normaliseCodes(text: string): string {
  return (
    text
      // HRESULTs: 0x80070035, 80070035, 0X80070035.
      .replace(/\b(?:0x)?(8[0-9a-f]{7})\b/gi, (_, hex: string) => ` 0x${hex.toUpperCase()} `)
      // "System error 1272", "Systemfehler 1272", "Systen error 1272", "Fehler: 1272", "NET HELPMSG 1272".
      .replace(/\b(?:sys?te[mn][\s-]*)?(?:error|fehler)\s*(?:code\s*)?:?\s*(\d{1,5})\b/gi, ' $1 ')
      .replace(/\bnet\s+helpmsg\s+(\d{1,5})\b/gi, ' $1 ')
      // "Event ID 31017", "Ereignis-ID 31017".
      .replace(/\b(?:event|ereignis)[\s-]*id\s*:?\s*(\d{3,5})\b/gi, ' $1 ')
  );
}

/**
 * UNC paths, URLs and addresses name the reader's own machines, never the cause. A host name that
 * says it is a NAS (NAS-1, MYNAS) is the one thing worth keeping from them.
 */
function dropMachineNames(text: string): string {
  let nas = false;
  const seeNas = (host: string) => {
    if (hostSaysNas(host)) nas = true;
    return ' ';
  };
  text = text
    .replace(/\\\\([^\s\\/"'“”„<>|]+)[^\s"'“”„<>|]*/g, (_, host: string) => seeNas(host))
    .replace(/\b(?:smb|https?|file):\/\/([^\s/"'<>]+)\S*/gi, (_, host: string) => seeNas(host))
    .replace(/\b\d{1,3}(?:\.\d{1,3}){3}\b/g, ' ')
    // Command prompts and drive letters: C:\Users\anna>, Z:
    .replace(/\b[a-z]:\\[^\s>]*>?/gi, ' ')
    .replace(/(^|\s)[a-z]:(?=\s|$)/gi, ' ')
    // Command-line switches: /user:NAS-1\anna, /persistent:yes
    .replace(/(^|\s)\/[a-z]+(?::\S*)?/gi, ' ');
  return nas ? `${text} NAS` : text;
}

// Keys that most registry paths pass through. In a pasted path they say nothing about which value
// is meant (SYSTEM\CurrentControlSet\Services leads to hundreds of them), so they are dropped when
// the path has a more telling part; the hive stays as the sign that this is about the registry.
const REGISTRY_PATH = /\b(?:computer\\)?(hk(?:lm|cu|cr|u|cc)|hkey_[a-z_]+)((?:\\[^\\\s"'“”„<>|]+)+)\\?/gi;
const GENERIC_KEYS = new Set(
  'system software currentcontrolset controlset001 controlset002 services control microsoft windows currentversion policies'.split(
    ' ',
  ),
);

function shortenRegistryPaths(text: string): string {
  return text.replace(REGISTRY_PATH, (_, hive: string, path: string) => {
    const keys = path.split('\\').filter(Boolean);
    const telling = keys.filter((key) => !GENERIC_KEYS.has(key.toLowerCase()));
    return ` ${hive} ${(telling.length ? telling : keys).join(' ')} `;
  });
}

export function cleanQuery(raw: string): string {
  let text = raw.slice(0, MAX_QUERY_LENGTH).normalize('NFC');
  // Line breaks, tabs and other control characters separate words.
  // eslint-disable-next-line no-control-regex
  text = text.replace(/[\u0000-\u001f\u007f-\u009f\u200b-\u200f\u2028\u2029\ufeff]+/g, ' ');
  // Markup pasted from a web page is not part of any message.
  text = text.replace(/<\/?[a-z][^<>]*>/gi, ' ');
  text = shortenRegistryPaths(text);
  text = dropMachineNames(text);
  for (const pattern of BOILERPLATE) text = text.replace(pattern, ' ');
  text = normaliseCodes(text);
  // Apostrophes inside a word stay (can't); every other quote, bracket and separator goes.
  text = text.replace(/(\p{L})[’‘](\p{L})/gu, "$1'$2");
  text = text.replace(/[\\/:]+/g, ' ').replace(/[="“”„‚‘’«»`<>(){}[\]|;,!?*#^~+&%@§]+/g, ' ');
  text = text.replace(/(^|\s)'+|'+(?=\s|$)/g, ' ');
  // Sentence ends and lone dashes; words keep inner dots and hyphens (10.0.19045, SMB1-Protokoll).
  text = text.replace(/(^|\s)[.:…–—-]+(?=\s|$)/g, ' ').replace(/([^\s])[.:…–—-]+(?=\s|$)/g, '$1');
  // A lone letter says nothing (but a number may be a code, and C$ is the drive's share); nor does
  // a run of 65 characters without a space.
  const words = text
    .split(/\s+/)
    .filter((word) => word.length <= MAX_WORD && /\p{N}|[\p{L}\p{N}].*[\p{L}\p{N}$]/u.test(word));
  const unique = words.filter((word, i) => words.findIndex((w) => w.toLowerCase() === word.toLowerCase()) === i);
  const meaningful = unique.filter((word) => !STOPWORDS.has(word.toLowerCase()));
  return (meaningful.length ? meaningful : unique).slice(0, MAX_WORDS).join(' ');
}

/** A page that contains a word, with Pagefind's score for it (title, message and summary weigh more). */
export interface Hit {
  id: string;
  score: number;
  /** Where on the page the word is (Pagefind's word positions), for the excerpt. */
  locations?: number[];
  /** The page has only a shorter word that is part of the one searched ("Online" for "Online-Banking"). */
  partial?: boolean;
}
export type HitsFor = (word: string) => Promise<Hit[]>;

// Pages that share only a few common words with a long paste are noise: a page with some of the
// words is listed only if it scores at least this share of the best page.
const MIN_SHARE = 0.4;

/**
 * One or two letters ("as", "B" from "z. B.") match far too much to stand for a word the reader
 * meant: they may add to a page's score, never make it a result on their own. C$ and 10 are not
 * such fragments.
 */
export const isFragment = (word: string) => /^\p{L}{1,2}$/u.test(word);

export interface RankedPage {
  id: string;
  score: number;
  /** The searched words this page contains. */
  words: string[];
  /** Where on the page they are. */
  locations: number[];
}

export interface Ranked {
  /** Pages, best first. */
  pages: RankedPage[];
  /** The words searched for (a word no page has replaced by its alternative, if that is on a page). */
  words: string[];
  /** Words on no page. */
  dropped: string[];
  /** How many pages have each searched word, lower-cased. */
  pagesWith: Map<string, number>;
}

interface Lookup {
  /** The word as the reader wrote it. */
  word: string;
  /** The word searched for it: itself, its alternative or one part of a hyphenated word. */
  used: string;
  found: Hit[];
}

/**
 * Finds the pages for one word. A word no page has as such is looked up by its alternative
 * (Heimnetzwerkgruppe: Heimnetzgruppe) before Pagefind's nearest word, and a hyphenated one by its
 * parts, each counting on its own: "Online-Banking" is not answered by a page that has "Online"
 * only, and "CIFS-Client" is found where a page writes "SMB 1.0/CIFS-Client".
 */
async function lookUp(word: string, hitsFor: HitsFor): Promise<Lookup[]> {
  const found = await hitsFor(word);
  if (found.some((hit) => !hit.partial)) return [{ word, used: word, found }];
  const alternative = alternativeFor(word);
  if (alternative) {
    const instead = await hitsFor(alternative);
    if (instead.length) return [{ word, used: alternative, found: instead }];
  }
  const parts = word.split('-').filter((part) => part && !isFragment(part));
  if (parts.length > 1) return (await Promise.all(parts.map((part) => lookUp(part, hitsFor)))).flat();
  return [{ word, used: word, found }];
}

/**
 * Ranks pages for the cleaned words. Pagefind returns only pages that contain every word of a
 * query, so one stray word of a pasted dialog or of a reader's own description would hide the
 * right page. So the pages with every word come first, in Pagefind's order; after them come the
 * pages with some of the words. For those, each word is searched alone and a page scores, over
 * the words it contains, how rare the word is (ln(1 + pages / pages with the word), as in tf-idf)
 * times how strongly the page has it (Pagefind's score for the page relative to the best page for
 * that word: a word in the title or the quoted message counts more than one in a side remark).
 * `allFor` runs the query with every word (the words as one Pagefind query); by default hitsFor.
 */
export async function rankPages(
  cleaned: string,
  hitsFor: HitsFor,
  pageCount: number,
  allFor: HitsFor = hitsFor,
): Promise<Ranked> {
  const words: string[] = [];
  const dropped: string[] = [];
  const hits = new Map<string, Hit[]>();
  // All words at once: the index chunks they need load in parallel.
  const lookups = (
    await Promise.all(
      cleaned
        .split(' ')
        .filter(Boolean)
        .map((word) => lookUp(word, hitsFor)),
    )
  ).flat();
  for (const { word, used, found } of lookups) {
    if (!found.length) dropped.push(word);
    else if (!hits.has(used.toLowerCase())) {
      hits.set(used.toLowerCase(), found);
      words.push(used);
    }
  }
  const partial = new Map<string, RankedPage>();
  for (const word of words) {
    const found = hits.get(word.toLowerCase())!;
    const rarity = Math.log(1 + Math.max(pageCount, found.length) / found.length);
    const best = Math.max(...found.map((hit) => hit.score)) || 1;
    for (const hit of found) {
      const page = partial.get(hit.id) ?? { id: hit.id, score: 0, words: [], locations: [] };
      page.score += (rarity * hit.score) / best;
      page.words.push(word);
      page.locations.push(...(hit.locations ?? []));
      partial.set(hit.id, page);
    }
  }
  const meaningful = (page: RankedPage) => page.words.some((word) => !isFragment(word));
  const all = words.length > 1 ? await allFor(words.join(' ')) : (hits.get(words[0]?.toLowerCase()) ?? []);
  // Pagefind's query with every word also finds words that only start with a searched one;
  // such a page has no score of its own here and keeps its place.
  const first = all
    .map((hit) => ({
      id: hit.id,
      score: partial.get(hit.id)?.score ?? 0,
      words,
      locations: hit.locations ?? partial.get(hit.id)?.locations ?? [],
    }))
    .filter(meaningful);
  const top = Math.max(0, ...[...partial.values()].map((page) => page.score));
  const rest = [...partial.values()].filter(
    (page) => page.score >= MIN_SHARE * top && !all.some((hit) => hit.id === page.id) && meaningful(page),
  );
  const pagesWith = new Map([...hits].map(([word, found]) => [word, found.length]));
  return { pages: [...first, ...rest.sort((a, b) => b.score - a.score)], words, dropped, pagesWith };
}

/** results: the best page answers the query; related: it shares a little with it; none: nothing does. */
export type Verdict = 'results' | 'related' | 'none';

// The best page must cover at least this share of the query's distinctive words, weighted by how
// rare they are (a word on no page weighs most): "share" alone does not answer "share my
// chocolate cake recipe".
const MIN_COVERAGE = 0.5;

/**
 * Whether the ranked pages answer the query. A word on no page counts against it like the rarest
 * word; fragments (one or two letters) count neither way.
 */
export function judge(ranked: Ranked, pageCount: number): { verdict: Verdict; coverage: number } {
  const distinct = [...ranked.words, ...ranked.dropped].filter((word) => !isFragment(word));
  const top = ranked.pages[0];
  if (!top || !distinct.length) return { verdict: 'none', coverage: 0 };
  const weight = (word: string) => {
    const count = ranked.pagesWith.get(word.toLowerCase()) ?? 0;
    return Math.log(1 + Math.max(pageCount, 1) / Math.max(count, 1 / 2));
  };
  const total = distinct.reduce((sum, word) => sum + weight(word), 0);
  const covered = top.words.filter((word) => !isFragment(word)).reduce((sum, word) => sum + weight(word), 0);
  const coverage = total ? covered / total : 0;
  return { verdict: coverage >= MIN_COVERAGE ? 'results' : 'related', coverage };
}

// A query that asks to do something ("turn on sharing wizard", "Freigabe-Assistent einschalten")
// wants the fix page, not the cause that explains the same setting. The verb leads an English
// request and ends a German one. Left out on purpose: words that are also dialog titles readers
// paste ("Enter network credentials", "Netzwerkanmeldeinformationen eingeben").
const ACTION_FIRST =
  /^(?:allow|enable|disable|turn (?:on|off)|switch (?:on|off)|grant|add|install|reinstall|create|set up|how (?:to|do i))\b/i;
const ACTION_LAST =
  /\b(?:allow|enable|disable|turn (?:on|off)|switch (?:on|off)|install|reinstall|erlauben|zulassen|aktivieren|einschalten|deaktivieren|abschalten|ausschalten|hinzufügen|installieren|einrichten)[\s.!?]*$/i;

/** Whether the reader asks how to do something rather than what is wrong. */
export function asksForFix(raw: string): boolean {
  const text = raw.trim();
  return ACTION_FIRST.test(text) || ACTION_LAST.test(text);
}

/** How many of the best pages a request for a fix may reorder: a fix further down is another topic. */
export const FIX_REACH = 3;

/**
 * For a request (asksForFix), the first fix or workaround among the best FIX_REACH pages moves to
 * the top; everything else keeps its order. `kinds` are the pages' kinds, in rank order.
 */
export function fixFirst<T>(pages: readonly T[], kinds: readonly (string | undefined)[]): T[] {
  const at = kinds.slice(0, FIX_REACH).findIndex((kind) => kind === 'fix' || kind === 'workaround');
  if (at <= 0) return [...pages];
  return [pages[at], ...pages.slice(0, at), ...pages.slice(at + 1)];
}
