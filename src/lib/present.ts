/** Small formatting helpers shared by pages; pure, so they are unit-tested. */
import type { Lang } from '../model/schemas/common.ts';
import type { Reference } from '../model/schemas/reference.ts';
import type { SourceRecord } from '../model/schemas/source.ts';
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

/** Anchor of a source record on the sources page. */
export function sourceAnchor(record: SourceRecord): string {
  return `source-${record.id}`;
}

export function formatDate(date: Date, lang: Lang): string {
  return new Intl.DateTimeFormat(lang === 'de' ? 'de-DE' : 'en-GB', { dateStyle: 'long', timeZone: 'UTC' }).format(
    date,
  );
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
