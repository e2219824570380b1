import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { buildGraph, type KnowledgeGraph } from '../../src/model/graph.ts';
import {
  alternatePath,
  messageHints,
  shortText,
  stepPath,
  troubleshooterSteps,
  type ResultStep,
  type Step,
} from '../../src/lib/troubleshooter.ts';
import { LANGS, type Lang } from '../../src/model/schemas/common.ts';
import type { CauseData } from '../../src/model/schemas/cause.ts';
import type { SymptomData } from '../../src/model/schemas/symptom.ts';
import { readContent } from '../../src/model/read.ts';
import { article, fixData, validContent } from './fixtures.ts';

const graph = buildGraph(readContent());
const RISK = { none: 0, low: 1, high: 2 } as const;

function byPath(steps: Step[]): Map<string, Step> {
  const map = new Map<string, Step>();
  for (const step of steps) {
    assert.ok(!map.has(step.path), `two steps share the path ${step.path}`);
    map.set(step.path, step);
  }
  return map;
}

/** Follows every answer from the first question; returns the results reached and the steps seen. */
function walk(steps: Step[]): { results: ResultStep[]; seen: Set<string> } {
  const map = byPath(steps);
  const results: ResultStep[] = [];
  const seen = new Set<string>();
  const visit = (path: string, trail: string[]) => {
    const step = map.get(path);
    assert.ok(step, `an answer on ${trail.at(-1)} links to ${path}, which is no step`);
    assert.ok(!trail.includes(path), `the path ${[...trail, path].join(' -> ')} goes round in a circle`);
    seen.add(path);
    if (step.kind === 'result') {
      results.push(step);
      return;
    }
    assert.ok(step.choices.length > 0, `the question at ${path} offers no answer, so that path has no result`);
    for (const choice of step.choices) visit(choice.path, [...trail, path]);
  };
  visit(steps[0].path, []);
  return { results, seen };
}

for (const lang of LANGS) {
  describe(`troubleshooter (${lang}, real content)`, () => {
    const steps = troubleshooterSteps(graph, lang);
    const map = byPath(steps);

    it('starts by asking for the target, offering every target that has symptoms', () => {
      const first = steps[0];
      assert.equal(first.kind, 'question');
      assert.equal(first.path, `/${lang}/troubleshooter/`);
      assert.equal(first.back, undefined);
      if (first.kind !== 'question') return;
      assert.equal(first.question, 'target');
      assert.deepEqual(
        first.choices.map((c) => c.path),
        ['windows-pc', 'nas', 'samba'].map((t) => `/${lang}/troubleshooter/${t}/`),
      );
    });

    it('ends every path at a result and leaves no step unreachable', () => {
      const { results, seen } = walk(steps);
      assert.ok(results.length > 0);
      assert.deepEqual([...seen].sort(), [...map.keys()].sort());
    });

    it('reaches every symptom, with every cause, under every target it names', () => {
      const { results } = walk(steps);
      const reached = new Set(results.map((r) => `${r.target}/${r.symptom.id}/${r.cause.id}`));
      for (const symptom of graph.symptoms(lang))
        for (const target of symptom.data.context.targets)
          for (const cause of graph.causesOf(symptom))
            assert.ok(reached.has(`${target}/${symptom.id}/${cause.id}`), `${target}/${symptom.id}/${cause.id}`);
      assert.equal(
        reached.size,
        graph.symptoms(lang).reduce((n, s) => n + s.data.context.targets.length * graph.causesOf(s).length, 0),
      );
    });

    it('lists on each target only the symptoms reported with it', () => {
      for (const step of steps)
        if (step.kind === 'question' && step.question === 'symptom')
          for (const choice of step.choices) {
            assert.equal(choice.kind, 'symptom');
            if (choice.kind === 'symptom')
              assert.ok(choice.node.data.context.targets.includes(step.segments[0] as never));
          }
    });

    it('asks for the cause only when a symptom has more than one', () => {
      for (const step of steps) {
        if (step.kind !== 'question' || step.question !== 'symptom') continue;
        for (const choice of step.choices) {
          if (choice.kind !== 'symptom') continue;
          const next = map.get(choice.path)!;
          const causes = graph.causesOf(choice.node);
          if (causes.length > 1) {
            assert.equal(next.kind, 'question', choice.path);
            if (next.kind === 'question') {
              assert.equal(next.question, 'cause');
              assert.deepEqual(
                next.choices.map((c) => (c.kind === 'cause' ? c.node.id : '')).sort(),
                causes.map((c) => c.id).sort(),
              );
            }
          } else {
            assert.equal(next.kind, 'result', `${choice.path} should be the result of the only cause`);
            if (next.kind === 'result') assert.equal(next.cause.id, causes[0].id);
          }
        }
      }
      // The real content has both kinds, so both branches above ran.
      assert.ok(graph.symptoms(lang).some((s) => graph.causesOf(s).length > 1));
      assert.ok(graph.symptoms(lang).some((s) => graph.causesOf(s).length === 1));
    });

    it('shows the fixes of the cause safest first, as fixesForSymptom orders them', () => {
      for (const step of steps) {
        if (step.kind !== 'result') continue;
        assert.deepEqual(
          step.fixes.map((f) => f.id).sort(),
          graph
            .fixesOf(step.cause)
            .map((f) => f.id)
            .sort(),
        );
        const order = graph.fixesForSymptom(step.symptom).map((f) => f.id);
        const positions = step.fixes.map((f) => order.indexOf(f.id));
        assert.deepEqual(
          positions,
          [...positions].sort((a, b) => a - b),
          step.path,
        );
        const risks = step.fixes.map((f) => RISK[f.data.risk.level]);
        assert.deepEqual(
          risks,
          [...risks].sort((a, b) => a - b),
          `${step.path}: riskier fix before a safer one`,
        );
        assert.equal(step.unsolved, step.symptom.data.status === 'unsolved');
      }
    });

    it('keeps a breadcrumb of the answers and links back to the previous question', () => {
      for (const step of steps) {
        assert.equal(step.start, `/${lang}/troubleshooter/`);
        if (step.segments.length === 0) continue;
        assert.ok(step.back && map.get(step.back)?.kind === 'question', `${step.path}: back to ${step.back}`);
        const back = map.get(step.back) as Extract<Step, { kind: 'question' }>;
        assert.ok(
          back.choices.some((c) => c.path === step.path),
          `${step.back} has no answer leading to ${step.path}`,
        );
        assert.equal(step.answers.at(-1)?.path, step.path, `${step.path}: the last answer is this step`);
        assert.equal(step.answers[0].kind, 'target');
        if (step.kind === 'result') {
          assert.equal(step.answers[1].kind, 'symptom');
          assert.equal(step.answers.length, graph.causesOf(step.symptom).length > 1 ? 3 : 2);
        }
      }
    });

    it('links each step to the same step in the other language, and back', () => {
      const other: Lang = lang === 'de' ? 'en' : 'de';
      const otherSteps = byPath(troubleshooterSteps(graph, other));
      for (const step of steps) {
        const alternate = alternatePath(graph, step);
        const partner = otherSteps.get(alternate);
        assert.ok(partner, `${step.path} -> ${alternate} does not exist`);
        assert.equal(alternatePath(graph, partner), step.path);
        assert.equal(partner.kind, step.kind);
        if (step.kind === 'result' && partner.kind === 'result') {
          assert.equal(graph.translation(step.cause).id, partner.cause.id);
          assert.deepEqual(
            step.fixes.map((f) => graph.translation(f).id),
            partner.fixes.map((f) => f.id),
          );
        }
      }
    });
  });
}

describe('troubleshooter (fixture)', () => {
  function withSecondCause(): KnowledgeGraph {
    const content = validContent();
    const risky = {
      risk: { level: 'high', exposes: 'Everything at once.', safer: 'Use an account instead.' },
      undo: 'Delete the value again.',
      evidence: [
        { source: 'c2', outcome: 'worked', note: 'a b c' },
        { source: 'post', outcome: 'worked', note: 'a b c' },
      ],
    };
    content.articles.push(
      { kind: 'fix', filePath: 'content/fixes/en/g.mdx', slug: 'g', data: fixData('en', 'g-en', 'g-de', risky) },
      { kind: 'fix', filePath: 'content/fixes/de/g.mdx', slug: 'g', data: fixData('de', 'g-de', 'g-en', risky) },
    );
    for (const [lang, id, translation, fix] of [
      ['en', 'd-en', 'd-de', 'g-en'],
      ['de', 'd-de', 'd-en', 'g-de'],
    ] as const) {
      const data = structuredClone(article(content, `c-${lang}`).data) as CauseData;
      Object.assign(data, { id, translation, title: `Title of ${id}`, fixes: [fix, `f-${lang}`] });
      content.articles.push({ kind: 'cause', filePath: `content/causes/${lang}/d.mdx`, slug: 'd', data });
      (article(content, `s-${lang}`).data as SymptomData).causes.push(id);
    }
    return buildGraph(content);
  }

  it('goes straight to the result when the symptom has one cause', () => {
    const steps = troubleshooterSteps(buildGraph(validContent()), 'en');
    assert.deepEqual(
      steps.map((s) => s.path),
      ['/en/troubleshooter/', '/en/troubleshooter/nas/', '/en/troubleshooter/nas/s/c/'],
    );
  });

  it('asks for the cause when there are two, and puts the risky fix last', () => {
    const g = withSecondCause();
    const steps = byPath(troubleshooterSteps(g, 'en'));
    const question = steps.get('/en/troubleshooter/nas/s/');
    assert.equal(question?.kind, 'question');
    const result = steps.get('/en/troubleshooter/nas/s/d/') as ResultStep;
    // The high-risk fix has more reports of working, and is still shown after the safe one.
    assert.deepEqual(
      result.fixes.map((f) => f.id),
      ['f-en', 'g-en'],
    );
    assert.equal(alternatePath(g, result), '/de/troubleshooter/nas/s/d/');
    assert.equal(stepPath('de', ['nas', 's']), '/de/troubleshooter/nas/s/');
  });

  it('offers no target without symptoms', () => {
    const first = troubleshooterSteps(buildGraph(validContent()), 'de')[0];
    assert.ok(first.kind === 'question' && first.choices.length === 1);
  });
});

describe('message hints', () => {
  it('keeps the first sentence and shortens long ones at a word', () => {
    assert.equal(shortText('The network path was not found.'), 'The network path was not found.');
    assert.equal(shortText('Error code: 0x80004005. Unspecified error'), 'Error code: 0x80004005.');
    const long = shortText(`${'word '.repeat(30)}end.`);
    assert.ok(long.endsWith('…') && long.length <= 70, long);
    assert.ok(!long.includes('wor…'));
  });

  it('names a code the text does not show, and drops repeats', () => {
    const hints = messageHints(
      [
        {
          id: 'a',
          codes: ['1326'],
          where: 'net-use',
          en: { text: 'The user name or password is incorrect.', verification: 'approximate' },
          de: { text: 'Falsch.', verification: 'approximate' },
        },
        {
          id: 'b',
          codes: ['1326'],
          where: 'net-use',
          en: { text: 'The user name or password is incorrect. Again.', verification: 'approximate' },
          de: { text: 'Falsch.', verification: 'approximate' },
        },
        {
          id: 'c',
          codes: ['0x80004005'],
          where: 'dialog',
          en: { text: 'Error code: 0x80004005. Unspecified error', verification: 'approximate' },
          de: { text: 'Fehlercode: 0x80004005.', verification: 'approximate' },
        },
      ],
      'en',
    );
    assert.deepEqual(hints, [
      { codes: ['1326'], text: 'The user name or password is incorrect.' },
      { codes: [], text: 'Error code: 0x80004005.' },
    ]);
  });
});
