/**
 * Builds the instant-answer map of one language from the graph (format and matching in
 * src/lib/instant-answers.ts): every code of content/messages.yaml and a fingerprint of every
 * wording, German and English, each leading to the articles that show the message. New messages
 * and articles are in it with the next build; nothing here names a code or a message.
 */
import type { KnowledgeGraph } from '../model/graph.ts';
import { LANGS, type Lang } from '../model/schemas/common.ts';
import { codeKeys, errorOf, fingerprint, type InstantMap, type MapArticle } from './instant-answers.ts';
import { searchMetaOf } from './search-meta.ts';

export function buildInstantMap(graph: KnowledgeGraph, lang: Lang): InstantMap {
  const articles: MapArticle[] = [];
  const indexOf = new Map<string, number>();
  const codes = new Map<string, Set<number>>();
  const prints = new Map<string, Set<number>>();
  const errorsOf = new Map<string, Set<string>>();
  const add = (map: Map<string, Set<number>>, key: string, indexes: number[]) => {
    const set = map.get(key) ?? new Set<number>();
    for (const i of indexes) set.add(i);
    map.set(key, set);
  };
  for (const message of graph.messages.values()) {
    const symptoms = graph.symptomsWithMessage(message.id, lang);
    if (!symptoms.length) continue;
    const indexes = symptoms.map((node) => {
      if (!indexOf.has(node.id)) {
        const { meta, badge } = searchMetaOf(graph, node);
        indexOf.set(node.id, articles.length);
        articles.push([node.slug, node.data.title, meta.kind!, badge ?? '', node.data.context.targets.join(' ')]);
      }
      return indexOf.get(node.id)!;
    });
    // Filed under its own spelling only: the browser looks a code up under all its equivalent keys.
    for (const code of message.codes) add(codes, codeKeys(code)[0], indexes);
    // The same wording in two messages (the German "network path not found") is stored once.
    for (const l of LANGS) {
      const print = fingerprint(message[l].text);
      add(prints, print, indexes);
      const errors = errorsOf.get(print) ?? new Set<string>();
      for (const code of message.codes) errors.add(errorOf(codeKeys(code)));
      errorsOf.set(print, errors);
    }
  }
  const sorted = (set: Set<number>) => [...set].sort((a, b) => a - b);
  return {
    v: 1,
    lang,
    a: articles,
    c: Object.fromEntries([...codes].sort(([a], [b]) => a.localeCompare(b)).map(([k, v]) => [k, sorted(v)])),
    f: [...prints].map(([print, set]): [number[], string, string] => [
      sorted(set),
      print,
      [...errorsOf.get(print)!].sort().join(' '),
    ]),
  };
}
