/**
 * Characters that Markdown "smart" typography or a word processor puts into a command line and
 * that break it once it is copied into a shell.
 */
const TYPOGRAPHIC: Record<string, string> = {
  '\u201c': 'typographic quote “',
  '\u201d': 'typographic quote ”',
  '\u201e': 'typographic quote „',
  '\u2018': "typographic quote '",
  '\u2019': "typographic quote '",
  '\u2013': 'en dash',
  '\u2014': 'em dash',
  '\u00a0': 'non-breaking space',
  '\u200b': 'zero-width space',
  '\u00ad': 'soft hyphen',
};

export function typographicProblems(line: string): string[] {
  const found = [...new Set([...line].filter((c) => c in TYPOGRAPHIC))];
  return found.map(
    (c) =>
      `contains a ${TYPOGRAPHIC[c]} (U+${c.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}); copied into a shell it breaks the command`,
  );
}
