/** Reads a PowerShell cmdlet call as the generators write it (`Verb-Noun -Name value -Switch`). Pure. */
import { typographicProblems } from './typography.ts';

export type PsValue = boolean | number | string | null;
export interface PsCall {
  cmdlet: string;
  parameters: { name: string; value: PsValue | undefined }[];
  problems: string[];
}

interface Token {
  text: string;
  quoted: boolean;
}

/** A '...' string starting at line[start]; '' inside is one quote. */
function readSingleQuoted(line: string, start: number, problems: string[]): { token: Token; end: number } {
  let text = '';
  for (let i = start + 1; i < line.length; i++) {
    if (line[i] === "'" && line[i + 1] === "'") {
      text += "'";
      i++;
    } else if (line[i] === "'") return { token: { text, quoted: true }, end: i + 1 };
    else text += line[i];
  }
  problems.push('has an unclosed single quote');
  return { token: { text, quoted: true }, end: line.length };
}

/** Splits at white space; only single-quoted strings group, as the generators never write others. */
function tokenize(line: string, problems: string[]): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < line.length) {
    const c = line[i];
    if (c === ' ' || c === '\t') {
      i++;
      continue;
    }
    if (c === "'") {
      const { token, end } = readSingleQuoted(line, i, problems);
      tokens.push(token);
      i = end;
      continue;
    }
    if (c === '"')
      problems.push(
        'uses a double-quoted string, in which PowerShell expands $ and `; the generator writes single quotes',
      );
    let text = '';
    while (i < line.length && line[i] !== ' ' && line[i] !== '\t') text += line[i++];
    if (/[;|&<>#`{}()]/.test(text)) problems.push(`token ${text} contains a PowerShell operator or special character`);
    tokens.push({ text, quoted: false });
  }
  return tokens;
}

function valueOf(token: Token, problems: string[]): PsValue {
  if (token.quoted) return token.text;
  if (/^\$true$/i.test(token.text)) return true;
  if (/^\$false$/i.test(token.text)) return false;
  if (/^\$null$/i.test(token.text)) return null;
  if (/^-?\d+$/.test(token.text)) return Number(token.text);
  if (token.text.startsWith('$')) problems.push(`uses the variable ${token.text}`);
  return token.text;
}

/** Parses `Verb-Noun -Name value -Switch ...` as the generators write it. */
export function parsePsCall(line: string): PsCall {
  const problems = typographicProblems(line);
  if (/[\r\n]/.test(line)) problems.push('spans several lines');
  const [first, ...rest] = tokenize(line, problems);
  const cmdlet = first?.text ?? '';
  if (!first || first.quoted || !/^[A-Z][a-z]+-[A-Za-z]+$/.test(cmdlet))
    problems.push(`does not start with a cmdlet name: ${JSON.stringify(cmdlet)}`);
  const parameters: PsCall['parameters'] = [];
  for (let t = 0; t < rest.length; t++) {
    const token = rest[t];
    const param = !token.quoted && /^-([A-Za-z][A-Za-z0-9]*)(?::(.*))?$/.exec(token.text);
    if (!param) {
      problems.push(`has a positional value ${JSON.stringify(token.text)}; give every value a -Name`);
      continue;
    }
    let value: PsValue | undefined;
    if (param[2] !== undefined) value = valueOf({ text: param[2], quoted: false }, problems);
    else if (t + 1 < rest.length && (rest[t + 1].quoted || !/^-[A-Za-z]/.test(rest[t + 1].text)))
      value = valueOf(rest[++t], problems);
    parameters.push({ name: param[1], value });
  }
  return { cmdlet, parameters, problems };
}
