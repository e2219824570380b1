/**
 * Turns what a reader pastes (a whole error dialog, a `net use` transcript, a registry path) into
 * the few words that tell one article from another. Pagefind matches words, not strings, so the
 * server names, quotes and sentences every network error shares would only dilute the ranking.
 */

const MAX_INPUT = 2000;
const MAX_WORDS = 24;

// Sentences that appear in many different network errors and so say nothing about the cause.
const BOILERPLATE = [
  /check the spelling of the name\.?/gi,
  /otherwise,? there might be a problem with your network\.?/gi,
  /to try to identify and resolve network problems,? click diagnose\.?/gi,
  /contact the administrator of this server to find out if you have access permissions\.?/gi,
  /überprüfen sie die schreibweise des namens\.?/gi,
  /andernfalls liegt möglicherweise ein problem mit ihrem netzwerk vor\.?/gi,
  /klicken sie auf "?diagnose"?,? um netzwerkprobleme zu identifizieren und zu beheben\.?/gi,
  /wenden sie sich an den administrator dieses servers,? um herauszufinden,? ob sie über zugriffsberechtigungen verfügen\.?/gi,
  /\b(?:error code|fehlercode|details)\s*:/gi,
  /\bhas occurred\b|\baufgetreten\b/gi,
];

/** Error codes in any spelling users paste, normalised to the form the pages show. */
function normaliseCodes(text: string): string {
  return text
    .replace(/\b(?:0x)?(8007[0-9a-f]{4}|80004005)\b/gi, (_, hex: string) => `0x${hex.toUpperCase()}`)
    .replace(/\b(?:system\s*error|systemfehler|fehler|error)\s+(\d{1,5})\b/gi, ' $1 ');
}

export function cleanQuery(raw: string): string {
  let text = raw.slice(0, MAX_INPUT).normalize('NFC');
  // eslint-disable-next-line no-control-regex
  text = text.replace(/[\u0000-\u001f\u007f-\u009f]+/g, ' ');
  // UNC paths and addresses name the reader's own machines, never the cause.
  text = text.replace(/\\\\[^\s"'“”„]+/g, ' ').replace(/\b\d{1,3}(?:\.\d{1,3}){3}\b/g, ' ');
  for (const pattern of BOILERPLATE) text = text.replace(pattern, ' ');
  text = normaliseCodes(text);
  // Registry paths and other backslash-joined words become separate words; C$ and ADMIN$ keep their $.
  text = text.replace(/[\\/]+/g, ' ').replace(/["'“”„‚‘’«»`<>(){}[\]|;,!?]+/g, ' ');
  text = text.replace(/(^|\s)[.:…-]+(?=\s|$)/g, ' ').replace(/([^\s])[.:…]+(?=\s|$)/g, '$1');
  const words = text.split(/\s+/).filter(Boolean);
  const unique = words.filter((word, i) => words.findIndex((w) => w.toLowerCase() === word.toLowerCase()) === i);
  return unique.slice(0, MAX_WORDS).join(' ');
}
