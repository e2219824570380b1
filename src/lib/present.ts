/** Small formatting helpers shared by pages; pure, so they are unit-tested. */
import { LOCALES, type UiKey } from '../i18n/index.ts';
import { threadPath } from '../model/routes.ts';
import type { Lang } from '../model/schemas/common.ts';
import type { Reference } from '../model/schemas/reference.ts';
import type { SourceRecord } from '../model/schemas/source.ts';
import { PREVALENCES, type Prevalence } from '../model/schemas/symptom.ts';
import type { EvidenceCount } from '../model/graph.ts';

/** "Juergen, comment 2" / "Matthias, comment 2.3" / "the blog post". */
export function sourceLabel(record: SourceRecord, words: { post: string; comment: string; anonymous: string }): string {
  if (record.kind === 'post') return `${record.author ?? words.anonymous}, ${words.post}`;
  return `${record.author ?? words.anonymous}, ${words.comment.replace('{position}', record.position)}`;
}

/** Anchor of a message on the messages page. */
export function messageAnchor(messageId: string): string {
  return `message-${messageId}`;
}

/** Anchor of a source record on the thread page. */
export function sourceAnchor(record: SourceRecord): string {
  return `source-${record.id}`;
}

/** Where a thread record is shown: its anchor on the thread page. */
export function sourceHref(lang: Lang, record: SourceRecord): string {
  return `${threadPath(lang)}#${sourceAnchor(record)}`;
}

export function formatDate(date: Date, lang: Lang): string {
  return new Intl.DateTimeFormat(LOCALES[lang].bcp47, { dateStyle: 'long', timeZone: 'UTC' }).format(date);
}

export function isoDate(date: Date): string {
  return date.toISOString().slice(0, 10);
}

export function totalReports(count: EvidenceCount): number {
  return count.worked + count.partly + count.failed;
}

/** Anchor of a reference in an article's source list; `<Cite>` links to it. */
export function referenceAnchor(referenceId: string): string {
  return `ref-${referenceId}`;
}

/** The short label of a reference where a body cites it: its own short label, KB number or title. */
export function citeLabel(reference: Reference): string {
  return reference.short ?? reference.kb ?? reference.title;
}

/**
 * Windows versions as a symptom lists them, today's first: the versions readers run now (Windows 11,
 * Windows 10 22H2) ahead of the builds the 2015 thread reported, otherwise in the author's order.
 */
export function todayFirst(windows: string[]): string[] {
  const current = (w: string) => /Windows 11|\b2[0-9]H[12]\b/.test(w);
  return [...windows.filter(current), ...windows.filter((w) => !current(w))];
}

/**
 * Fixes in a list that the thread reported on less often than a riskier fix after them: the
 * standard way is simply what fewer readers needed to write about, which the page says next to it.
 */
export function fewerReportsThanRiskier(
  fixes: { id: string; data: { risk: { level: 'none' | 'low' | 'high' } } }[],
  reports: (id: string) => number,
): Set<string> {
  const rank = { none: 0, low: 1, high: 2 } as const;
  return new Set(
    fixes
      .filter((fix, i) =>
        fixes
          .slice(i + 1)
          .some(
            (later) => rank[later.data.risk.level] > rank[fix.data.risk.level] && reports(later.id) > reports(fix.id),
          ),
      )
      .map((fix) => fix.id),
  );
}

/**
 * A text with registry keys cut after every backslash, so a page can put a line-break opportunity
 * (<wbr>) there: on a phone a key wraps between its parts, never in the middle of a word.
 */
export function breakableKey(text: string): string[] {
  return text.split(/(?<=\\)/);
}

/** "Worked for 7, not for 4": the outcomes that readers reported, leaving out the ones nobody did. */
export function evidenceSummary(
  count: EvidenceCount,
  words: { worked: string; partly: string; failed: string; separator: string },
): string {
  return (['worked', 'partly', 'failed'] as const)
    .filter((outcome) => count[outcome] > 0)
    .map((outcome) => words[outcome].replace('{n}', String(count[outcome])))
    .join(words.separator);
}

/** The reports on a fix as one line in the page's language, e.g. "Reports in the thread: worked for 7, not for 4". */
export function evidenceLine(count: EvidenceCount, t: (key: UiKey, values?: object) => string): string {
  const summary = evidenceSummary(count, {
    worked: t('evidence.workedFor'),
    partly: t('evidence.partlyFor'),
    failed: t('evidence.failedFor'),
    separator: ', ',
  });
  return t('evidence.reportedOn', { summary });
}

type WithPrevalence = { data: { prevalence: Prevalence } };

/** How often readers meet a symptom today, in the schema's order: 0 common, 1 occasional, 2 rare. */
export const prevalenceRank = (symptom: WithPrevalence): number => PREVALENCES.indexOf(symptom.data.prevalence);

/** Symptoms in the order readers meet them today: common first, then occasional, then rare; stable otherwise. */
export function byPrevalence<T extends WithPrevalence>(symptoms: T[]): T[] {
  return [...symptoms].sort((a, b) => prevalenceRank(a) - prevalenceRank(b));
}

/** The rank of the commonest of these symptoms (prevalenceRank); one past "rare" for none. */
export function commonestRank(symptoms: readonly WithPrevalence[]): number {
  return Math.min(PREVALENCES.length, ...symptoms.map(prevalenceRank));
}
