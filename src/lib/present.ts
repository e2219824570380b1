/** Small formatting helpers shared by pages; pure, so they are unit-tested. */
import type { Lang } from '../schemas/common.ts';
import type { SourceRecord } from '../schemas/source.ts';
import type { EvidenceCount } from './graph.ts';

/** "Juergen, comment 2" / "Matthias, comment 2.3" / "the blog post". */
export function sourceLabel(record: SourceRecord, words: { post: string; comment: string; anonymous: string }): string {
  if (record.kind === 'post') return `${record.author ?? words.anonymous}, ${words.post}`;
  return `${record.author ?? words.anonymous}, ${words.comment.replace('{position}', record.position)}`;
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
