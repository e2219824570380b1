/**
 * One case per integrity rule: each breaks the valid fixture in one way and expects that rule to
 * name the file, the field, what it found and how to fix it. A rule without a case fails the suite.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { indexContent, type ContentInput } from '../../src/model/content-index.ts';
import { IntegrityError, buildGraph } from '../../src/model/graph.ts';
import { RULES, formatProblem } from '../../src/model/integrity.ts';
import type { CauseData } from '../../src/model/schemas/cause.ts';
import type { FixData } from '../../src/model/schemas/fix.ts';
import type { SymptomData } from '../../src/model/schemas/symptom.ts';
import { article, fixData, validContent } from './fixtures.ts';

type RuleName = keyof typeof RULES;

interface Case {
  /** What the case breaks, for the test name. */
  breaks: string;
  /** Breaks a copy of the valid fixture. */
  apply(content: ContentInput): void;
  /** Parts the problem line must contain: file, field, what was found. */
  expect: string[];
}

const orphanFix = (content: ContentInput) =>
  content.articles.push(
    {
      kind: 'fix',
      filePath: 'content/fixes/en/orphan.mdx',
      slug: 'orphan',
      data: fixData('en', 'orphan-en', 'orphan-de'),
    },
    {
      kind: 'fix',
      filePath: 'content/fixes/de/orphan.mdx',
      slug: 'orphan',
      data: fixData('de', 'orphan-de', 'orphan-en'),
    },
  );

const CASES: Record<RuleName, Case[]> = {
  languageMatchesFolder: [
    {
      breaks: 'a language that does not match the folder',
      apply: (c) => (article(c, 's-en').data.lang = 'de'),
      expect: ['content/symptoms/en/s.mdx', 'lang', 'under en/'],
    },
  ],
  uniqueArticleIds: [
    {
      breaks: 'two articles with one id',
      apply: (c) => (article(c, 'c-en').data.id = 's-en'),
      expect: ['content/causes/en/c.mdx', 'id', '"s-en" is already used by content/symptoms/en/s.mdx'],
    },
  ],
  uniqueRecordIds: [
    {
      breaks: 'two messages with one id',
      apply: (c) => c.messages.push({ ...c.messages[0] }),
      expect: ['content/messages.yaml', 'id', '"msg" appears twice'],
    },
  ],
  linksReachArticles: [
    {
      breaks: 'a link to a missing article',
      apply: (c) => ((article(c, 's-en').data as SymptomData).causes = ['nope']),
      expect: ['content/symptoms/en/s.mdx', 'causes[0]', 'no article has the id "nope"'],
    },
    {
      breaks: 'a link to an article of the wrong kind',
      apply: (c) => ((article(c, 'c-en').data as CauseData).fixes = ['s-en']),
      expect: ['content/causes/en/c.mdx', 'fixes[0]', '"s-en" is a symptom', 'expected a fix'],
    },
    {
      breaks: 'a link into the other language',
      apply: (c) => ((article(c, 's-en').data as SymptomData).causes = ['c-de']),
      expect: ['content/symptoms/en/s.mdx', 'causes[0]', '"c-de" is in de'],
    },
    {
      breaks: 'a safer fix that does not exist',
      apply: (c) => ((article(c, 'f-en').data as FixData).risk.saferFix = 'nope'),
      expect: ['content/fixes/en/f.mdx', 'risk.saferFix', 'no article has the id "nope"'],
    },
  ],
  recordsExist: [
    {
      breaks: 'evidence from a missing thread record',
      apply: (c) =>
        ((article(c, 'f-en').data as FixData).evidence = [{ source: 'c99', outcome: 'worked', note: 'x y z' }]),
      expect: ['content/fixes/en/f.mdx', 'evidence[0].source', '"c99" is not in content/sources/thread.yaml'],
    },
    {
      breaks: 'an unknown message',
      apply: (c) => ((article(c, 's-en').data as SymptomData).messages = ['gone']),
      expect: ['content/symptoms/en/s.mdx', 'messages[0]', '"gone" is not in content/messages.yaml'],
    },
    {
      breaks: 'an unknown setting',
      apply: (c) => ((article(c, 'f-en').data as FixData).settings = ['gone']),
      expect: ['content/fixes/en/f.mdx', 'settings[0]', '"gone" is not in content/settings.yaml'],
    },
    {
      breaks: 'an unknown reference',
      apply: (c) => (article(c, 'c-en').data.references = ['gone']),
      expect: ['content/causes/en/c.mdx', 'references[0]', '"gone" is not in content/references.yaml'],
    },
  ],
  messageSourcesExist: [
    {
      breaks: 'a wording verified by a source that does not exist',
      apply: (c) => (c.messages[0].en.source = 'gone'),
      expect: ['content/messages.yaml', 'msg.en.source', '"gone" is neither a reference nor a source record'],
    },
  ],
  settingReferencesExist: [
    {
      breaks: 'a setting documented by a missing reference',
      apply: (c) => (c.settings[0].reference = 'gone'),
      expect: ['content/settings.yaml', 'reg.reference', '"gone" is not in content/references.yaml'],
    },
  ],
  everyArticleReachable: [
    {
      breaks: 'a fix that no cause leads to',
      apply: orphanFix,
      expect: ['content/fixes/en/orphan.mdx', 'id', 'no cause lists the fix "orphan-en"'],
    },
  ],
  translationsPair: [
    {
      breaks: 'an article without its translation',
      apply: (c) => (c.articles = c.articles.filter((a) => a.data.id !== 'f-de')),
      expect: ['content/fixes/en/f.mdx', 'translation', 'no article has the id "f-de"'],
    },
    {
      breaks: 'a translation that names another article back',
      apply: (c) => (article(c, 'f-de').data.translation = 's-en'),
      expect: ['content/fixes/en/f.mdx', 'translation', '"f-de" names "s-en" as its translation'],
    },
  ],
  translationsAgree: [
    {
      breaks: 'a translation pair whose evidence differs',
      apply: (c) => ((article(c, 'f-de').data as FixData).evidence = []),
      expect: ['content/fixes/de/f.mdx', 'evidence', 'differs from its translation content/fixes/en/f.mdx'],
    },
    {
      breaks: 'a translation pair whose prevalence differs',
      apply: (c) => ((article(c, 's-de').data as SymptomData).prevalence = 'rare'),
      expect: ['content/symptoms/de/s.mdx', 'prevalence', 'differs from its translation'],
    },
  ],
  citationsListed: [
    {
      breaks: 'a <Cite> of a reference the article does not list',
      apply: (c) =>
        (c.bodies = new Map([['s-en', 'Windows blocks it <Cite id="ref" />.\n\n`<Cite id="code" />` is code.']])),
      expect: ['content/symptoms/en/s.mdx', 'references', 'cites "ref" with <Cite>'],
    },
  ],
  policyHasHomeRoute: [
    {
      breaks: 'a Group Policy route without a registry or PowerShell route',
      apply: (c) => {
        const fix = article(c, 'f-en').data as FixData;
        fix.settings = [];
        fix.policy = {
          path: ['Computer Configuration', 'Network'],
          setting: 'Some policy',
          state: 'Enabled',
          undoState: 'Not Configured',
          verified: false,
        };
      },
      expect: ['content/fixes/en/f.mdx', 'settings', 'no registry or PowerShell setting', 'Home editions'],
    },
  ],
};

describe('integrity rules', () => {
  it('every rule has at least one case here', () => {
    for (const name of Object.keys(RULES)) assert.ok(CASES[name as RuleName]?.length, `rule ${name} has no test case`);
  });

  it('the valid fixture breaks no rule', () => {
    const content = indexContent(validContent());
    for (const [name, rule] of Object.entries(RULES)) assert.deepEqual(rule(content).map(formatProblem), [], name);
  });

  for (const [name, cases] of Object.entries(CASES))
    for (const { breaks, apply, expect } of cases)
      it(`${name} refuses ${breaks}`, () => {
        const content = validContent();
        apply(content);
        const found = RULES[name as RuleName](indexContent(content)).map(formatProblem);
        assert.ok(
          found.some((line) => expect.every((part) => line.includes(part))),
          `expected a problem containing ${JSON.stringify(expect)}, got:\n${found.join('\n') || '(none)'}`,
        );
        // buildGraph runs every rule and refuses the content as a whole.
        assert.throws(() => buildGraph(content), IntegrityError);
      });
});
