/**
 * Instant answers: the articles for an error code or a known message, found without the search
 * index. The build writes a small map per language (src/lib/instant-map.ts, served as
 * /<lang>/search-map.json); the search page and the home page's box read it and answer a pasted
 * code or message before Pagefind has loaded. This module is shared by both sides, so the build
 * and the browser compute codes and fingerprints the same way.
 *
 * Codes: every spelling a reader meets is reduced to keys, and a code's equivalent forms are
 * looked up too. Windows shows a system error either as its number (`System error 53`, `NET
 * HELPMSG 53`) or as the HRESULT that wraps it: HRESULT_FROM_WIN32 sets the failure bit and
 * facility 7 (FACILITY_WIN32) above the 16-bit number, so 53 is 0x80070035. Sources:
 * "HRESULT_FROM_WIN32 macro (winerror.h)",
 * https://learn.microsoft.com/en-us/windows/win32/api/winerror/nf-winerror-hresult_from_win32, and
 * "HRESULT_FACILITY macro (winerror.h)" for FACILITY_WIN32 = 7,
 * https://learn.microsoft.com/en-us/windows/win32/api/winerror/nf-winerror-hresult_facility. The
 * same 32 bits can also be written as a signed or unsigned decimal number (-2147024843,
 * 2147942453); both are read as that HRESULT.
 *
 * Messages: a fingerprint is a sample of hashes of the message's word triples (the words of
 * "the network path was not found" give "the network path", "network path was", ...). A query
 * matches a message when it contains enough of them, so a message pasted with other text around
 * it, with real server names in place of \\SERVER\share, or only its first sentence still
 * matches, while a message that differs in one word ("name" for "path") does not.
 */
import type { Lang } from '../model/schemas/common.ts';

/** One article an instant answer can point to: [slug, title, kind (or workaround), badge tone, targets]. */
export type MapArticle = [slug: string, title: string, kind: string, tone: string, targets: string];

/** The instant-answer map of one language (JSON, kept small: every byte is loaded up front). */
export interface InstantMap {
  /** Format version. */
  v: 1;
  lang: Lang;
  /** Articles the codes and messages lead to. */
  a: MapArticle[];
  /** Code key (0x + 8 upper-case hex digits, or a decimal number) -> indexes into `a`. */
  c: Record<string, number[]>;
  /** Message wordings, both languages: [indexes into `a`, fingerprint, the message's errors (errorOf), space-separated]. */
  f: [number[], string, string][];
}

// ---------------------------------------------------------------------------------------------
// Codes

const FACILITY_WIN32 = 7;
const hex8 = (value: number) => `0x${(value >>> 0).toString(16).toUpperCase().padStart(8, '0')}`;

/** HRESULT_FROM_WIN32 for a system error number (the macro leaves 0 and negatives unchanged). */
export function hresultFromWin32(code: number): number {
  return code <= 0 ? code : ((code & 0xffff) | (FACILITY_WIN32 << 16) | 0x80000000) >>> 0;
}

/**
 * Every key a code is filed under: its own, and the equivalent HRESULT or system error number.
 * Accepts the forms content/messages.yaml uses ("0x80070035", "1272") and any value.
 */
export function codeKeys(code: string | number): string[] {
  const value = typeof code === 'number' ? code : /^0x/i.test(code) ? parseInt(code, 16) : Number(code);
  if (!Number.isFinite(value)) return [];
  const hex = typeof code === 'string' && /^0x/i.test(code);
  // A system error number: 0x0000052E is 1326 written in hex.
  if (!hex || value < 0x10000) return [String(value), hex8(hresultFromWin32(value))];
  const keys = [hex8(value)];
  if (value >>> 31 && ((value >>> 16) & 0x1fff) === FACILITY_WIN32) keys.push(String(value & 0xffff));
  return keys;
}

/** One name for all spellings of one error: the system error number where there is one, else the HRESULT. */
export function errorOf(keys: string[]): string {
  return keys.find((key) => /^\d+$/.test(key)) ?? keys[0];
}

/** A code as the reader wrote it, and the keys it is looked up under. */
export interface FoundCode {
  text: string;
  keys: string[];
  /** True when the reader named it as an error (keyword, hex form): worth saying that no article covers it. */
  named: boolean;
}

// Spellings readers paste. A number alone counts only after a word that says it is an error, or
// when it is the whole query: "Windows 10 1709" and 192.168.1.53 are no codes.
const KEYWORD_CODE =
  /(?:\b(?:sys?te[mn][\s-]*)?(?:error|fehler)(?:[\s-]*code)?|\bnet\s+helpmsg|\b(?:event|ereignis)(?:[\s-]*id)?)\s*[:#]?\s*(\d{1,5})(?![\w.,:-]\d|\w)/gi;
const HEX_CODE = /(?<![\w.\\/-])(0x[0-9a-f]{8}|8[0-9a-f]{7})(?![\w.-]*\w)/gi;
const DECIMAL_HRESULT = /(?<![\w.-])(-[12]\d{9}|[234]\d{9})(?![\w.])/g;

/** The error codes a text names, in order, each once. */
export function findCodes(text: string): FoundCode[] {
  const found = new Map<string, FoundCode & { at: number }>();
  const add = (spelling: string, keys: string[], named: boolean, at: number) => {
    // 0x80070035 and "System error 53" are one code.
    if (!keys.length || keys.some((key) => found.has(key))) return;
    const code = { text: spelling, keys, named, at };
    for (const key of keys) found.set(key, code);
  };
  for (const m of text.matchAll(HEX_CODE)) add(m[1], codeKeys(`0x${m[1].replace(/^0x/i, '')}`), true, m.index);
  for (const m of text.matchAll(DECIMAL_HRESULT)) {
    const n = Number(m[1]);
    const value = n < 0 ? n + 2 ** 32 : n;
    // Only failure HRESULTs (the top bit set) look like this; other 10-digit numbers are no codes.
    if (value >= 2 ** 31 && value < 2 ** 32) add(m[1], codeKeys(`0x${value.toString(16)}`), true, m.index);
  }
  for (const m of text.matchAll(KEYWORD_CODE)) add(m[1], codeKeys(Number(m[1])), true, m.index + m[0].length);
  const whole = text.trim();
  if (/^\d{1,5}$/.test(whole)) add(whole, codeKeys(Number(whole)), false, 0);
  return [...new Set(found.values())]
    .sort((a, b) => a.at - b.at)
    .map(({ text: t, keys, named }) => ({ text: t, keys, named }));
}

// ---------------------------------------------------------------------------------------------
// Message fingerprints

/** Whether a host name says it is a NAS: NAS-1, MYNAS, nas.local (DISKSTATION does not). */
export const hostSaysNas = (host: string) => host.split(/[^a-z]+/i).some((part) => /^nas|nas$/i.test(part));

// Server names are the reader's own (content/messages.yaml writes them \\SERVER\share); addresses
// and URLs likewise.
const MACHINE = /\\\\[^\s"'“”„<>|]*|\b(?:smb|https?|file):\/\/\S*/gi;

/** The words of a message or a query: lower case, letters and digits, no server names. */
export function messageWords(text: string): string[] {
  return text
    .normalize('NFC')
    .replace(MACHINE, ' ')
    .toLowerCase()
    .replace(/(\p{L})['’‘`´](\p{L})/gu, '$1$2')
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean);
}

/** FNV-1a over the UTF-16 code units, cut to 30 bits: five base64url characters. */
export function hash30(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return (h >>> 0) & 0x3fffffff;
}

const B64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
const encode = (h: number) => Array.from({ length: 5 }, (_, i) => B64[(h >>> (6 * (4 - i))) & 63]).join('');

export function decodeFingerprint(fingerprint: string): number[] {
  const hashes: number[] = [];
  for (let i = 0; i + 5 <= fingerprint.length; i += 5) {
    let h = 0;
    for (let j = 0; j < 5; j++) h = h * 64 + B64.indexOf(fingerprint[i + j]);
    hashes.push(h);
  }
  return hashes;
}

/** Word runs of `size` (or the whole text when it is shorter), as hashes. */
function shingles(words: string[], size: number): number[] {
  if (words.length <= size) return words.length ? [hash30(words.join(' '))] : [];
  return Array.from({ length: words.length - size + 1 }, (_, i) => hash30(words.slice(i, i + size).join(' ')));
}

const SHINGLE = 3;
// Long messages keep about a quarter of their triples (those with a hash divisible by four), but never
// fewer than this: enough to recognise a pasted first sentence, small enough for the 4 KB map.
const KEEP_AT_LEAST = 8;

/** The fingerprint of a message wording. Placeholders (\\SERVER\share, SERVER) are not part of it. */
export function fingerprint(text: string): string {
  const all = [...new Set(shingles(messageWords(text.replace(/\bSERVER\b/g, ' ')), SHINGLE))];
  let kept = all.length > KEEP_AT_LEAST ? all.filter((h) => h % 4 === 0) : all;
  if (kept.length < KEEP_AT_LEAST) {
    const rest = all.filter((h) => !kept.includes(h)).sort((a, b) => a - b);
    kept = [...kept, ...rest.slice(0, KEEP_AT_LEAST - kept.length)];
  }
  return kept
    .sort((a, b) => a - b)
    .map(encode)
    .join('');
}

/** Every word run of one to three words of a query, as hashes: what fingerprints are checked against. */
export function queryShingles(text: string): Set<number> {
  const words = messageWords(text);
  const set = new Set<number>();
  for (let size = 1; size <= SHINGLE; size++) for (const h of shingles(words, size)) set.add(h);
  return set;
}

// A query matches a message when it has at least this share of the message's fingerprint, and at
// least two of its hashes (one for a message of one to three words): the first sentence of a long
// dialog matches, one shared phrase ("wurde nicht gefunden") does not.
const MIN_SHARE = 0.4;

/** The share of the fingerprint the query has, or 0 when that is too little to be the message. */
export function fingerprintShare(hashes: number[], query: Set<number>): number {
  if (!hashes.length) return 0;
  const found = hashes.filter((h) => query.has(h)).length;
  return found >= Math.min(2, hashes.length) && found >= MIN_SHARE * hashes.length ? found / hashes.length : 0;
}

export const matchesFingerprint = (hashes: number[], query: Set<number>) => fingerprintShare(hashes, query) > 0;

// ---------------------------------------------------------------------------------------------
// Answers

export interface InstantArticle {
  /** Index into the map's articles. */
  index: number;
  /**
   * How strongly the query points here: per error it names (a code and its message are one
   * error), the best signal (the code as written 1, an equivalent spelling 0.75, a message the
   * share of its fingerprint found), summed; plus a half when the query names the article's target.
   */
  score: number;
  /** The query's codes that lead here, as the reader wrote them. */
  codes: string[];
  /** True when a known message in the query leads here. */
  message: boolean;
}

export interface InstantResult {
  /** Codes the query names, and whether an article covers each. */
  codes: (FoundCode & { known: boolean })[];
  /** Articles, best first. */
  articles: InstantArticle[];
}

/** The articles a map knows for a query's codes and messages, best first. */
export function instantAnswer(map: InstantMap, query: string): InstantResult {
  const signals = new Map<number, Map<string, number>>();
  const entries = new Map<number, InstantArticle>();
  const signal = (index: number, error: string, weight: number) => {
    const entry = entries.get(index) ?? { index, score: 0, codes: [], message: false };
    entries.set(index, entry);
    const errors = signals.get(index) ?? new Map<string, number>();
    signals.set(index, errors);
    errors.set(error, Math.max(errors.get(error) ?? 0, weight));
    return entry;
  };
  const codes = findCodes(query).map((code) => {
    const seen = new Set<number>();
    code.keys.forEach((key, k) => {
      for (const index of Object.hasOwn(map.c, key) ? map.c[key] : []) {
        if (seen.has(index)) continue;
        seen.add(index);
        signal(index, errorOf(code.keys), k === 0 ? 1 : 0.75).codes.push(code.text);
      }
    });
    return { ...code, known: seen.size > 0 };
  });
  const shingleSet = queryShingles(query);
  map.f.forEach(([indexes, print, errors], i) => {
    const share = fingerprintShare(decodeFingerprint(print), shingleSet);
    if (!share) return;
    for (const index of indexes)
      for (const error of errors ? errors.split(' ') : [`message ${i}`]) signal(index, error, share).message = true;
  });
  // Among articles for the same error, the one for the machine the reader names (a NAS, Samba)
  // comes first; "windows" is in nearly every pasted dialog and says nothing.
  const words = new Set(messageWords(query));
  for (const [, host] of query.matchAll(/(?:\\\\|:\/\/)([^\s\\/"'<>|]+)/g)) if (hostSaysNas(host)) words.add('nas');
  for (const entry of entries.values()) {
    entry.score = [...signals.get(entry.index)!.values()].reduce((sum, w) => sum + w, 0);
    const targets = map.a[entry.index][4].split(' ').flatMap((t) => t.split('-'));
    if (targets.some((t) => t !== 'windows' && words.has(t))) entry.score += 0.5;
  }
  const articles = [...entries.values()].sort((a, b) => b.score - a.score || a.index - b.index);
  return { codes, articles };
}
