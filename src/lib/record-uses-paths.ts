/** Static paths of the record-uses pages (src/pages/[lang]/{sources,messages}/[id]/…), in the page's words. */
import { useTranslations } from '../i18n/index.ts';
import type { KnowledgeGraph } from '../model/graph.ts';
import { sourceLabel } from './present.ts';
import { recordUsesPages } from './source-uses.ts';

export function recordUsesStaticPaths(graph: KnowledgeGraph, list: 'sources' | 'messages', which: 'first' | 'later') {
  return recordUsesPages(graph, (lang) => {
    const t = useTranslations(lang);
    const words = { post: t('evidence.post'), comment: t('evidence.comment'), anonymous: t('evidence.anonymous') };
    return {
      sourceName: (record) => sourceLabel(record, words),
      role: (role) => (role === 'origin' ? t('sources.origin') : t(`evidence.${role}`)),
      messageName: (id) => {
        const message = graph.messages.get(id)!;
        return message.codes.length ? message.codes.join(', ') : `„${message[lang].text}“`;
      },
    };
  })
    .filter((p) => p.list === list && (which === 'first' ? p.page === 1 : p.page > 1))
    .map(({ lang, id, page, ...rest }) => ({
      params: which === 'first' ? { lang, id } : { lang, id, n: String(page) },
      props: { lang, id, page, ...rest },
    }));
}
