/**
 * The rules the content must keep, one small named function each. A rule looks at the indexed
 * content and returns its problems; each problem names the file and field, says what was found
 * and how to fix it. All rules run, so an author sees every problem at once.
 */
import { citedReferences } from './citations.ts';
import { isCause, isFix, isSymptom, type ArticleNode, type ContentIndex, type FixNode } from './content-index.ts';
import { RECORD_FILES, type Kind } from './kinds.ts';
import { LANGS } from './schemas/common.ts';
import type { FixData } from './schemas/fix.ts';

export interface Problem {
  /** The file to open. */
  file: string;
  /** The field in it, e.g. "causes[0]". */
  field: string;
  /** What was found. */
  found: string;
  /** How to fix it. */
  fix: string;
}

export type Rule = (content: ContentIndex) => Problem[];

export function formatProblem(p: Problem): string {
  return `${p.file}: ${p.field}: ${p.found}; ${p.fix}`;
}

export class IntegrityError extends Error {
  readonly problems: string[];
  constructor(problems: string[]) {
    super(
      `The knowledge base has ${problems.length} integrity problem${problems.length === 1 ? '' : 's'}:\n` +
        problems.map((p) => `  - ${p}`).join('\n'),
    );
    this.problems = problems;
    this.name = 'IntegrityError';
  }
}

const RECORDS = {
  messages: `content/${RECORD_FILES.messages}`,
  settings: `content/${RECORD_FILES.settings}`,
  sources: `content/${RECORD_FILES.sources}`,
  references: `content/${RECORD_FILES.references}`,
};

const otherLang = (lang: string) => (lang === 'de' ? 'en' : 'de');

/** An article lives in the folder of its language. */
export const languageMatchesFolder: Rule = ({ articles }) =>
  articles.flatMap((node) => {
    const folder = LANGS.find((lang) => node.filePath.split(/[\\/]/).includes(lang));
    return folder && folder !== node.lang
      ? [
          {
            file: node.filePath,
            field: 'lang',
            found: `found "${node.lang}" in a file under ${folder}/`,
            fix: `set lang: ${folder} or move the file`,
          },
        ]
      : [];
  });

/** No two articles share an id: `/kb/<id>` must name one page. */
export const uniqueArticleIds: Rule = ({ articles, byId }) =>
  articles
    .filter((node) => byId.get(node.id) !== node)
    .map((node) => ({
      file: node.filePath,
      field: 'id',
      found: `"${node.id}" is already used by ${byId.get(node.id)!.filePath}`,
      fix: 'give one of them another id (ids never change once published, so rename the newer one)',
    }));

/** No two records of one file share an id. */
export const uniqueRecordIds: Rule = ({ input }) =>
  (['messages', 'settings', 'sources', 'references'] as const).flatMap((name) => {
    const seen = new Set<string>();
    return input[name].flatMap((record) => {
      const duplicate = seen.has(record.id);
      seen.add(record.id);
      return duplicate
        ? [
            {
              file: RECORDS[name],
              field: 'id',
              found: `"${record.id}" appears twice`,
              fix: 'give each record its own id',
            },
          ]
        : [];
    });
  });

function articleLinks(node: ArticleNode): { field: string; id: string; kind: Kind }[] {
  if (isSymptom(node)) return node.data.causes.map((id, i) => ({ field: `causes[${i}]`, id, kind: 'cause' }));
  if (isCause(node)) return node.data.fixes.map((id, i) => ({ field: `fixes[${i}]`, id, kind: 'fix' }));
  if (isFix(node) && node.data.risk.saferFix)
    return [{ field: 'risk.saferFix', id: node.data.risk.saferFix, kind: 'fix' }];
  return [];
}

/** Every link to another article names an existing article of the right kind in the same language. */
export const linksReachArticles: Rule = ({ byId, articles }) =>
  articles.flatMap((from) =>
    articleLinks(from).flatMap(({ field, id, kind }): Problem[] => {
      const target = byId.get(id);
      const problem = (found: string, fix: string) => [{ file: from.filePath, field, found, fix }];
      if (!target)
        return problem(
          `no article has the id "${id}"`,
          `use the id of an existing ${kind} in ${from.lang}/ or write that article`,
        );
      if (target.kind !== kind)
        return problem(`"${id}" is a ${target.kind} (${target.filePath})`, `expected a ${kind} here`);
      if (target.lang !== from.lang)
        return problem(
          `"${id}" is in ${target.lang}, this article is in ${from.lang}`,
          `link the ${from.lang} translation of "${id}" instead`,
        );
      return [];
    }),
  );

/** Every id of a record (thread, reference, message, setting) that an article names exists. */
export const recordsExist: Rule = ({ articles, sourceById, references, messages, settings }) =>
  articles.flatMap((node) => {
    const checks: [string, string, Map<string, unknown>, string][] = [
      ...node.data.origin.map(
        (id, i) => [`origin[${i}]`, id, sourceById, RECORDS.sources] as [string, string, Map<string, unknown>, string],
      ),
      ...node.data.references.map(
        (id, i) =>
          [`references[${i}]`, id, references, RECORDS.references] as [string, string, Map<string, unknown>, string],
      ),
    ];
    if (isSymptom(node))
      checks.push(
        ...node.data.messages.map(
          (id, i) =>
            [`messages[${i}]`, id, messages, RECORDS.messages] as [string, string, Map<string, unknown>, string],
        ),
      );
    if (isFix(node)) {
      checks.push(
        ...node.data.settings.map(
          (id, i) =>
            [`settings[${i}]`, id, settings, RECORDS.settings] as [string, string, Map<string, unknown>, string],
        ),
      );
      checks.push(
        ...node.data.evidence.map(
          (e, i) =>
            [`evidence[${i}].source`, e.source, sourceById, RECORDS.sources] as [
              string,
              string,
              Map<string, unknown>,
              string,
            ],
        ),
      );
    }
    return checks
      .filter(([, id, map]) => !map.has(id))
      .map(([field, id, , where]) => ({
        file: node.filePath,
        field,
        found: `"${id}" is not in ${where}`,
        fix: `use an id from ${where} or add the record there`,
      }));
  });

/** A message's wording names a reference or a thread record as its source. */
export const messageSourcesExist: Rule = ({ input, references, sourceById }) =>
  input.messages.flatMap((message) =>
    LANGS.flatMap((lang) => {
      const source = message[lang].source;
      return source && !references.has(source) && !sourceById.has(source)
        ? [
            {
              file: RECORDS.messages,
              field: `${message.id}.${lang}.source`,
              found: `"${source}" is neither a reference nor a source record`,
              fix: `use an id from ${RECORDS.references} or ${RECORDS.sources}`,
            },
          ]
        : [];
    }),
  );

/** A setting names the reference that documents it. */
export const settingReferencesExist: Rule = ({ input, references }) =>
  input.settings
    .filter((setting) => !references.has(setting.reference))
    .map((setting) => ({
      file: RECORDS.settings,
      field: `${setting.id}.reference`,
      found: `"${setting.reference}" is not in ${RECORDS.references}`,
      fix: 'add the reference or fix the id',
    }));

/** Every cause is listed by a symptom and every fix by a cause: nothing is unreachable from a symptom page. */
export const everyArticleReachable: Rule = ({ articles }) => {
  const listed = new Set(articles.flatMap((n) => (isSymptom(n) ? n.data.causes : isCause(n) ? n.data.fixes : [])));
  return articles
    .filter((n) => !isSymptom(n) && !listed.has(n.id))
    .map((node) =>
      node.kind === 'cause'
        ? {
            file: node.filePath,
            field: 'id',
            found: `no symptom lists the cause "${node.id}"`,
            fix: 'add it to the causes of a symptom or remove the article',
          }
        : {
            file: node.filePath,
            field: 'id',
            found: `no cause lists the fix "${node.id}"`,
            fix: 'add it to the fixes of a cause or remove the article',
          },
    );
};

/** Each article has exactly one partner in the other language, of the same kind, naming it back. */
export const translationsPair: Rule = ({ articles, byId }) =>
  articles.flatMap((node): Problem[] => {
    const partner = byId.get(node.data.translation);
    const problem = (found: string, fix: string) => [{ file: node.filePath, field: 'translation', found, fix }];
    if (!partner)
      return problem(
        `no article has the id "${node.data.translation}"`,
        `write the ${node.lang === 'de' ? 'English' : 'German'} translation or fix the id`,
      );
    if (partner.lang === node.lang || partner.kind !== node.kind)
      return problem(
        `"${partner.id}" is a ${partner.lang} ${partner.kind}`,
        `expected a ${otherLang(node.lang)} ${node.kind}`,
      );
    if (partner.data.translation !== node.id)
      return problem(
        `"${partner.id}" names "${partner.data.translation}" as its translation, not "${node.id}"`,
        'make both articles name each other',
      );
    return [];
  });

/** What the graph of an article is made of, with article ids mapped into the other language. */
function graphFacts(node: ArticleNode, toPartner: (id: string) => string): Record<string, string> {
  const plain = (values: string[]) => [...values].sort().join(', ');
  const mapped = (ids: string[]) => plain(ids.map(toPartner));
  const facts: Record<string, string> = { origin: plain(node.data.origin) };
  if (isSymptom(node)) {
    Object.assign(facts, {
      causes: mapped(node.data.causes),
      messages: plain(node.data.messages),
      status: node.data.status,
      prevalence: node.data.prevalence,
      'context.targets': plain(node.data.context.targets),
      'context.accounts': plain(node.data.context.accounts),
    });
  } else if (isCause(node)) {
    Object.assign(facts, { fixes: mapped(node.data.fixes), certainty: node.data.certainty });
  } else if (isFix(node)) {
    const fix: FixData = node.data;
    Object.assign(facts, {
      evidence: plain(fix.evidence.map((e) => `${e.source}:${e.outcome}`)),
      settings: plain(fix.settings),
      'risk.level': fix.risk.level,
      kind: fix.kind,
      'risk.saferFix': mapped(fix.risk.saferFix ? [fix.risk.saferFix] : []),
      today: plain(fix.today.map((t) => `${t.windows}:${t.status}`)),
    });
  }
  return facts;
}

/** A German article and its English translation have the same graph: links, records, evidence, status. */
export const translationsAgree: Rule = ({ articles, byId }) =>
  articles
    .filter((node) => node.lang === 'de' && byId.get(node.id) === node)
    .flatMap((node) => {
      const partner = byId.get(node.data.translation);
      if (!partner || partner.kind !== node.kind || partner.data.translation !== node.id) return [];
      const here = graphFacts(node, (id) => byId.get(id)?.data.translation ?? `?${id}`);
      const there = graphFacts(partner, (id) => id);
      return Object.keys(here)
        .filter((field) => here[field] !== there[field])
        .map((field) => ({
          file: node.filePath,
          field,
          found: `differs from its translation ${partner.filePath}: [${here[field]}] here, [${there[field]}] there`,
          fix: 'make both languages say the same',
        }));
    });

/** Every `<Cite id="…" />` in a body names a reference the article lists in `references:`. */
export const citationsListed: Rule = ({ articles, byId, input }) =>
  articles
    .filter((node) => byId.get(node.id) === node)
    .flatMap((node) => {
      const body = input.bodies?.get(node.id);
      if (!body) return [];
      return [...new Set(citedReferences(body))]
        .filter((id) => !node.data.references.includes(id))
        .map((id) => ({
          file: node.filePath,
          field: 'references',
          found: `the body cites "${id}" with <Cite>, but references: does not list it`,
          fix: `add ${id} to references:`,
        }));
    });

/** Home editions have no Group Policy editor: a fix with a policy route also gives the registry or PowerShell route. */
export const policyHasHomeRoute: Rule = ({ articles }) =>
  articles
    .filter((node): node is FixNode => isFix(node) && Boolean(node.data.policy) && node.data.settings.length === 0)
    .map((node) => ({
      file: node.filePath,
      field: 'settings',
      found: 'the fix has a Group Policy route (policy:) but no registry or PowerShell setting',
      fix: 'add the setting the policy writes to settings: (content/settings.yaml), so Home editions, which have no Group Policy editor, can apply it',
    }));

/** Every rule, in the order their problems are listed. */
export const RULES = {
  languageMatchesFolder,
  uniqueArticleIds,
  uniqueRecordIds,
  linksReachArticles,
  recordsExist,
  messageSourcesExist,
  settingReferencesExist,
  everyArticleReachable,
  translationsPair,
  translationsAgree,
  citationsListed,
  policyHasHomeRoute,
} satisfies Record<string, Rule>;

export function checkIntegrity(content: ContentIndex): string[] {
  return Object.values(RULES).flatMap((rule) => rule(content).map(formatProblem));
}
