/** Splits a command line pasted into cmd.exe into the arguments reg.exe receives. Pure. */
import { typographicProblems } from './typography.ts';

export interface ParsedCommandLine {
  /** Arguments as the program receives them (argv[0] included). */
  args: string[];
  /** What would go wrong when the line is pasted into cmd.exe. */
  problems: string[];
}

/** What cmd.exe itself does to the line before reg.exe sees it: variables, operators, line breaks. */
function cmdProblems(line: string): string[] {
  const problems = typographicProblems(line);
  if (/[\r\n]/.test(line)) problems.push('spans several lines; cmd would run each line separately');
  if (line.includes('%')) problems.push('contains %, which cmd expands as a variable');
  let quoted = false;
  for (const c of line) {
    if (c === '"') quoted = !quoted;
    else if (!quoted && '&|<>^'.includes(c))
      problems.push(`contains ${c} outside quotes, which cmd treats as an operator`);
  }
  return problems;
}

/** Reads one argument starting at line[start] (not white space); returns it and where it ends. */
function readArgument(line: string, start: number): { arg: string; end: number; unclosed: boolean } {
  let arg = '';
  let inQuotes = false;
  let i = start;
  while (i < line.length) {
    const c = line[i];
    if (!inQuotes && (c === ' ' || c === '\t')) break;
    if (c === '\\') {
      let count = 0;
      for (; line[i] === '\\'; i++) count++;
      const quoteFollows = line[i] === '"';
      arg += '\\'.repeat(quoteFollows ? Math.floor(count / 2) : count);
      if (quoteFollows && count % 2 === 1) {
        arg += '"';
        i++;
      }
    } else if (c === '"' && inQuotes && line[i + 1] === '"') {
      arg += '"';
      i += 2;
    } else if (c === '"') {
      inQuotes = !inQuotes;
      i++;
    } else {
      arg += c;
      i++;
    }
  }
  return { arg, end: i, unclosed: inQuotes };
}

/**
 * Splits a command line typed into cmd.exe into the argv that reg.exe sees: cmd passes the line on
 * unchanged (after expanding %VARS% and acting on & | < > ^ outside quotes, which we report as
 * problems), and the program splits it with the Microsoft C runtime rules: whitespace separates
 * arguments outside quotes, "..." groups, 2n backslashes + " give n backslashes and a quote
 * delimiter, 2n+1 backslashes + " give n backslashes and a literal quote, "" inside quotes is a quote.
 */
export function parseCmdLine(line: string): ParsedCommandLine {
  const problems = cmdProblems(line);
  const args: string[] = [];
  for (let i = 0; i < line.length;) {
    if (line[i] === ' ' || line[i] === '\t') {
      i++;
      continue;
    }
    const { arg, end, unclosed } = readArgument(line, i);
    if (unclosed) problems.push('has an unclosed double quote');
    args.push(arg);
    i = end;
  }
  return { args, problems };
}
