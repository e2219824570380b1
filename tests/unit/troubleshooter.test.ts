import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { UI } from '../../src/i18n/index.ts';
import {
  buildGraph,
  type ArticleInput,
  type FixNode,
  type KnowledgeGraph,
  type SymptomNode,
} from '../../src/model/graph.ts';
import {
  MAX_SYMPTOM_CHOICES,
  UNSURE_SEGMENTS,
  byPrevalence,
  earliestWindows,
  editionGroup,
  messageHints,
  shortText,
  stepPath,
  troubleshooter,
  type Choice,
  type QuestionStep,
  type ResultStep,
  type Step,
  type Target,
} from '../../src/lib/troubleshooter.ts';
import { pagePath } from '../../src/model/routes.ts';
import { causeSchema } from '../../src/model/schemas/cause.ts';
import { LANGS, type Lang } from '../../src/model/schemas/common.ts';
import { fixSchema } from '../../src/model/schemas/fix.ts';
import type { Message } from '../../src/model/schemas/message.ts';
import { symptomSchema } from '../../src/model/schemas/symptom.ts';
import { readContent } from '../../src/model/read.ts';
import { validContent } from './fixtures.ts';

const graph = buildGraph(readContent());

function byPath(steps: Step[]): Map<string, Step> {
  const map = new Map<string, Step>();
  for (const step of steps) {
    assert.ok(!map.has(step.path), `two steps share the path ${step.path}`);
    map.set(step.path, step);
  }
  return map;
}

/** How one path from the first question ends. */
type Ending =
  { kind: 'fix' | 'unsolved'; result: ResultStep; trail: Step[] } | { kind: 'search'; path: string; trail: Step[] };

/**
 * Follows every answer and every "don't know" from the first question, checking each question on
 * the way; returns how each path ends and the steps seen.
 */
function walk(steps: Step[]): { endings: Ending[]; seen: Set<string> } {
  const map = byPath(steps);
  const endings: Ending[] = [];
  const seen = new Set<string>();
  const visit = (path: string, trail: Step[]) => {
    const step = map.get(path);
    assert.ok(step, `an answer on ${trail.at(-1)?.path} links to ${path}, which is no step`);
    assert.ok(!trail.includes(step), `the path ${[...trail.map((s) => s.path), path].join(' -> ')} goes round`);
    seen.add(path);
    const here = [...trail, step];
    if (step.kind === 'result') {
      assert.ok(step.causes.length > 0 && step.causes.every((c) => c.fixes.length > 0), `${path} shows no fix`);
      assert.equal(step.first, step.causes[0].fixes[0], `${path}: "try first" is the first fix of the first cause`);
      endings.push({ kind: step.unsolved ? 'unsolved' : 'fix', result: step, trail: here });
      return;
    }
    assert.ok(step.choices.length > 0, `the question at ${path} offers no answer`);
    // The way out: "don't know" goes on to the next question, "none of these" at the end to the search.
    if (step.question === 'symptom') {
      assert.ok(step.unsure.search && step.unsure.path.startsWith(pagePath(step.lang, 'search')), path);
      endings.push({ kind: 'search', path: step.unsure.path, trail: here });
    } else {
      assert.ok(!step.unsure.search, path);
      visit(step.unsure.path, here);
    }
    for (const choice of step.choices) visit(choice.path, here);
  };
  visit(steps[0].path, []);
  return { endings, seen };
}

/** The symptoms the last question lists, or the one a result is about. */
const symptomsOf = (step: Step): SymptomNode[] =>
  step.kind === 'result' ? [step.symptom] : step.choices.flatMap((c) => (c.kind === 'symptom' ? [c.node] : []));

/** Each answer on the way, checked against the symptom's own data (not the library's filter). */
function agrees(symptom: SymptomNode, answer: Choice): boolean {
  const c = symptom.data.context;
  switch (answer.kind) {
    case 'target':
      return c.targets.includes(answer.target);
    case 'message':
      return answer.group.messages.some((m) => symptom.data.messages.includes(m.id));
    case 'account':
      return c.accounts.length === 0 || c.accounts.includes(answer.account);
    case 'windows':
      // A symptom first reported on Windows 11 is not shown to a Windows 10 reader.
      return !c.windows.length || c.windows.some((w) => !/Windows 11/.test(w)) || answer.family === '11';
    case 'edition':
      return c.editions.length === 0 || c.editions.some((e) => /home/i.test(e) === (answer.edition === 'home'));
    default:
      return true;
  }
}

const adminShareFix = (lang: Lang) => {
  const en = graph.get('local-account-token-filter-policy')!;
  return lang === 'en' ? en : graph.translation(en);
};

for (const lang of LANGS) {
  describe(`troubleshooter (${lang}, real content)`, () => {
    const steps = troubleshooter(graph)[lang];
    const map = byPath(steps);
    const { endings, seen } = walk(steps);
    const results = steps.filter((s): s is ResultStep => s.kind === 'result');
    const questions = steps.filter((s): s is QuestionStep => s.kind === 'question');

    it('starts by asking for the device, the answers the home page links', () => {
      const first = steps[0];
      assert.equal(first.path, `/${lang}/troubleshooter/`);
      assert.equal(first.back, undefined);
      assert.ok(first.kind === 'question' && first.question === 'target');
      assert.deepEqual(
        first.choices.map((c) => c.path),
        ['windows-pc', 'nas', 'samba'].map((t) => `/${lang}/troubleshooter/${t}/`),
      );
      assert.equal(first.unsure.path, `/${lang}/troubleshooter/not-sure/`);
    });

    it('ends every path at a fix, an unsolved symptom or the search, and leaves no step unreachable', (t) => {
      const count = (kind: Ending['kind']) => endings.filter((e) => e.kind === kind).length;
      t.diagnostic(
        `${steps.length} steps (${questions.length} questions, ${results.length} results); ${endings.length} paths: ` +
          `${count('fix')} end at a fix, ${count('unsolved')} at an unsolved symptom, ${count('search')} at the search`,
      );
      assert.ok(count('fix') > 0 && count('unsolved') > 0 && count('search') > 0);
      assert.deepEqual([...seen].sort(), [...map.keys()].sort());
    });

    it('offers a "don\'t know / none of these" way out on every question, worded for it', () => {
      for (const step of questions) {
        assert.ok(step.unsure.path, step.path);
        for (const key of [
          `trouble.q.${step.question}`,
          `trouble.how.${step.question}`,
          `trouble.unsure.${step.question}`,
        ])
          assert.ok(UI[lang][key as keyof (typeof UI)['en']], `${step.path}: no text for ${key}`);
      }
      const asked = new Set(questions.map((q) => q.question));
      // The real content makes every question matter somewhere, or its question would never be asked.
      for (const question of ['target', 'message', 'account', 'edition', 'symptom'] as const)
        assert.ok(asked.has(question), `the question "${question}" is never asked`);
    });

    it('keeps on each path only the symptoms that agree with every answer', () => {
      for (const step of steps)
        for (const symptom of symptomsOf(step))
          for (const answer of step.answers)
            assert.ok(agrees(symptom, answer), `${step.path}: ${symptom.id} contradicts the answer ${answer.path}`);
    });

    it('asks a question (after the device) only when an answer rules out a symptom', () => {
      for (const step of questions) {
        if (step.question === 'target' || step.question === 'symptom') continue;
        const next = step.choices.map((c) => map.get(c.path)!);
        const remaining = (s: Step) => (s.kind === 'question' ? s.remaining : 1);
        assert.ok(
          next.some((s) => remaining(s) < step.remaining),
          `${step.path} asks "${step.question}" but no answer narrows ${step.remaining} symptoms`,
        );
        assert.equal(remaining(map.get(step.unsure.path)!), step.remaining, `${step.path}: "don't know" narrows`);
      }
    });

    it('reaches every symptom: under each device whose causes it has, and without knowing the device', () => {
      const reached = new Set<string>();
      for (const ending of endings) {
        if (ending.kind === 'search') continue;
        const device = ending.trail[1]?.answers[0];
        reached.add(`${device?.kind === 'target' ? device.target : 'not-sure'}/${ending.result.symptom.id}`);
      }
      for (const symptom of graph.symptoms(lang)) {
        assert.ok(reached.has(`not-sure/${symptom.id}`), `${symptom.id} cannot be reached without knowing the device`);
        for (const target of symptom.data.context.targets)
          assert.ok(reached.has(`${target}/${symptom.id}`), `${symptom.id} cannot be reached under ${target}`);
      }
    });

    it('lists the symptoms of the last question most common first', () => {
      for (const step of questions.filter((q) => q.question === 'symptom')) {
        const listed = symptomsOf(step);
        assert.deepEqual(listed, [...listed].sort(byPrevalence), step.path);
        assert.equal(listed.length, Math.min(step.remaining, MAX_SYMPTOM_CHOICES), step.path);
        assert.equal(Boolean(step.more), step.remaining > MAX_SYMPTOM_CHOICES, step.path);
      }
    });

    it("shows causes most likely first and each cause's fixes in its order, safest that works first", () => {
      for (const step of results) {
        const causes = step.causes.map((c) => c.cause);
        const all = graph.causesOf(step.symptom);
        assert.deepEqual(
          causes,
          all.filter((c) => causes.includes(c)),
          `${step.path}: causes out of the symptom's order`,
        );
        for (const { cause, fixes } of step.causes)
          assert.deepEqual(
            fixes,
            graph.fixesOf(cause).filter((f) => fixes.includes(f)),
            `${step.path}: fixes of ${cause.id} out of order`,
          );
        assert.equal(step.unsolved, step.symptom.data.status === 'unsolved');
        // A known device shows every cause and fix of the symptom but those that belong elsewhere.
        if (step.target === null) assert.deepEqual(causes, all, `${step.path}: a cause is missing`);
      }
    });

    it('never sends a NAS or Samba owner to the fix for administrative shares of Windows PCs', () => {
      const fix = adminShareFix(lang) as FixNode;
      const shownUnder = (target: Target | null) =>
        results.filter((r) => r.target === target && r.causes.some((c) => c.fixes.includes(fix)));
      assert.deepEqual(
        [...shownUnder('nas'), ...shownUnder('samba')].map((r) => r.path),
        [],
        'a NAS or Samba path reaches the fix for admin shares',
      );
      // It is still offered to Windows PC owners, and marked as such when the device is unknown.
      assert.ok(shownUnder('windows-pc').length >= 2);
      const unknown = shownUnder(null);
      assert.ok(unknown.length > 0);
      for (const step of unknown) {
        const cause = step.causes.find((c) => c.fixes.includes(fix))!;
        const marked = cause.only ?? cause.fixOnly.get(fix.id);
        assert.deepEqual(marked, ['windows-pc'], `${step.path} does not say the fix is for Windows PCs only`);
      }
    });

    it('keeps a breadcrumb of the answers and a way back to the question before', () => {
      for (const step of steps) {
        assert.equal(step.start, `/${lang}/troubleshooter/`);
        if (step.segments.length === 0) continue;
        const back = map.get(step.back!);
        assert.ok(back?.kind === 'question', `${step.path}: back to ${step.back}`);
        assert.equal(step.answers.at(-1)?.path, step.path, `${step.path}: the last answer is this step`);
        if (step.kind === 'result') {
          // One result page per symptom and device, whatever the answers on the way.
          assert.deepEqual(step.answers.map((a) => a.kind).slice(-1), ['symptom']);
          assert.equal(step.back, step.answers[0].path);
        } else
          assert.ok(
            back.choices.some((c) => c.path === step.path) || back.unsure.path === step.path,
            `${step.back} has no answer leading to ${step.path}`,
          );
      }
    });

    it('links each step to the same step in the other language', () => {
      const other: Lang = lang === 'de' ? 'en' : 'de';
      const there = byPath(troubleshooter(graph)[other]);
      for (const step of steps) {
        const partner = there.get(step.alternate);
        assert.ok(partner, `${step.path} -> ${step.alternate} does not exist`);
        assert.equal(partner.alternate, step.path, `${step.alternate} links back elsewhere`);
        assert.equal(partner.kind, step.kind);
        if (step.kind === 'result' && partner.kind === 'result')
          assert.equal(graph.translation(step.symptom), partner.symptom);
      }
    });
  });
}

// --- Fixtures: small graphs that show one rule each ---------------------------------------------

interface SymptomSpec {
  targets: Target[];
  causes: string[];
  messages?: string[];
  accounts?: ('microsoft' | 'local')[];
  windows?: string[];
  editions?: string[];
  prevalence?: 'common' | 'occasional' | 'rare';
  status?: 'solved' | 'workaround' | 'unsolved';
}
interface Spec {
  symptoms: Record<string, SymptomSpec>;
  /** cause -> its fixes, in order */
  causes: Record<string, string[]>;
  /** message id -> its codes */
  messages?: Record<string, string[]>;
}

/** A graph in both languages from a compact description; German ids and slugs end in "-de". */
function kb(spec: Spec): KnowledgeGraph {
  const content = validContent();
  const id = (name: string, lang: Lang) => (lang === 'en' ? name : `${name}-de`);
  const base = (name: string, lang: Lang) => ({
    id: id(name, lang),
    lang,
    title: `Title of ${name}`,
    summary: `A summary of the article ${name}, long enough.`,
    translation: id(name, lang === 'en' ? 'de' : 'en'),
    reviewed: '2026-11-26',
    origin: ['c2'],
  });
  const articles: ArticleInput[] = [];
  const fixes = new Set(Object.values(spec.causes).flat());
  for (const lang of LANGS) {
    const at = (kind: string, name: string) => `content/${kind}/${lang}/${id(name, lang)}.mdx`;
    for (const [name, s] of Object.entries(spec.symptoms))
      articles.push({
        kind: 'symptom',
        filePath: at('symptoms', name),
        slug: id(name, lang),
        data: symptomSchema.parse({
          ...base(name, lang),
          prevalence: s.prevalence ?? 'common',
          messages: s.messages ?? [],
          context: {
            windows: s.windows ?? ['Windows 10'],
            editions: s.editions ?? [],
            accounts: s.accounts ?? [],
            direction: 'PC -> share',
            targets: s.targets,
          },
          causes: s.causes.map((c) => id(c, lang)),
          status: s.status ?? 'solved',
        }),
      });
    for (const [name, list] of Object.entries(spec.causes))
      articles.push({
        kind: 'cause',
        filePath: at('causes', name),
        slug: id(name, lang),
        data: causeSchema.parse({ ...base(name, lang), certainty: 'documented', fixes: list.map((f) => id(f, lang)) }),
      });
    for (const name of fixes)
      articles.push({
        kind: 'fix',
        filePath: at('fixes', name),
        slug: id(name, lang),
        data: fixSchema.parse({
          ...base(name, lang),
          kind: 'fix',
          risk: { level: 'none' },
          today: [{ windows: 'Windows 11 24H2', status: 'applies', note: 'Still works.' }],
        }),
      });
  }
  content.articles = articles;
  content.messages = Object.entries(spec.messages ?? {}).map(([mid, codes]): Message => ({
    id: mid,
    codes,
    where: 'dialog',
    en: { text: `English text of ${mid}.`, verification: 'approximate' },
    de: { text: `Deutscher Text von ${mid}.`, verification: 'approximate' },
  }));
  return buildGraph(content);
}

const stepsOf = (g: KnowledgeGraph, lang: Lang = 'en') => byPath(troubleshooter(g)[lang]);
const result = (g: KnowledgeGraph, path: string) => {
  const step = stepsOf(g).get(path);
  assert.ok(step?.kind === 'result', `${path} is no result`);
  return step;
};
const shown = (step: ResultStep) => step.causes.map((c) => `${c.cause.id}: ${c.fixes.map((f) => f.id).join(' ')}`);

describe('troubleshooter (fixtures)', () => {
  it('asks only for the device when one symptom is all there is, and confirms it', () => {
    const g = kb({ symptoms: { s: { targets: ['nas'], causes: ['c'] } }, causes: { c: ['f'] } });
    const steps = stepsOf(g);
    assert.deepEqual(
      [...steps.keys()],
      ['/en/troubleshooter/', '/en/troubleshooter/nas/', '/en/troubleshooter/not-sure/', '/en/troubleshooter/nas/s/'],
    );
    const last = steps.get('/en/troubleshooter/nas/') as QuestionStep;
    assert.equal(last.question, 'symptom');
    assert.deepEqual(
      last.choices.map((c) => c.path),
      ['/en/troubleshooter/nas/s/'],
    );
    assert.equal(last.unsure.path, '/en/search/');
    // Without knowing the device, a symptom of one device leads to that device's page.
    assert.equal(
      (steps.get('/en/troubleshooter/not-sure/') as QuestionStep).choices[0].path,
      '/en/troubleshooter/nas/s/',
    );
    assert.equal(steps.get('/en/troubleshooter/nas/s/')!.alternate, '/de/troubleshooter/nas/s-de/');
    assert.equal(stepPath('de', ['nas', 's']), '/de/troubleshooter/nas/s/');
  });

  it('asks for the message, and "none of these" searches for the code chosen', () => {
    const g = kb({
      symptoms: {
        a: { targets: ['nas'], causes: ['c'], messages: ['m1272'] },
        b: { targets: ['nas'], causes: ['c'], messages: ['mtext'] },
      },
      causes: { c: ['f'] },
      messages: { m1272: ['1272'], mtext: [] },
    });
    const steps = stepsOf(g);
    const question = steps.get('/en/troubleshooter/nas/') as QuestionStep;
    assert.equal(question.question, 'message');
    assert.deepEqual(
      question.choices.map((c) => c.path.split('/').at(-2)),
      ['code-1272', 'message-mtext'],
    );
    assert.equal(question.unsure.path, `/en/troubleshooter/nas/${UNSURE_SEGMENTS.message}/`);
    const afterCode = steps.get('/en/troubleshooter/nas/code-1272/') as QuestionStep;
    assert.deepEqual(
      symptomsOf(afterCode).map((s) => s.id),
      ['a'],
    );
    assert.equal(afterCode.unsure.path, '/en/search/?q=1272');
    const afterText = steps.get('/en/troubleshooter/nas/message-mtext/') as QuestionStep;
    assert.equal(afterText.unsure.path, `/en/search/?q=${encodeURIComponent('English text of mtext.')}`);
  });

  it('reads Windows the way problems travel, and editions and accounts as where a symptom occurs', () => {
    const g = kb({
      symptoms: {
        old: { targets: ['nas'], causes: ['c'], windows: ['Windows 10 build 9926', 'Windows 11'] },
        new: { targets: ['nas'], causes: ['c'], windows: ['Windows 11 24H2'] },
        pro: { targets: ['nas'], causes: ['c'], editions: ['Pro', 'Enterprise'] },
        home: { targets: ['nas'], causes: ['c'], editions: ['Home Premium'] },
        ms: { targets: ['nas'], causes: ['c'], accounts: ['microsoft'] },
      },
      causes: { c: ['f'] },
    });
    const steps = stepsOf(g);
    const listed = (path: string) =>
      symptomsOf(steps.get(path)!)
        .map((s) => s.id)
        .sort();
    // Accounts first: "local" rules out the Microsoft-account symptom.
    assert.deepEqual(listed('/en/troubleshooter/nas/local-account/windows-10/edition-home/'), ['home', 'old']);
    // Editions say where a symptom occurs: a Home-only one is not listed for Pro, nor the reverse.
    assert.deepEqual(listed('/en/troubleshooter/nas/local-account/windows-11/edition-pro/'), ['new', 'old', 'pro']);
    assert.deepEqual(listed('/en/troubleshooter/nas/microsoft-account/windows-10/edition-not-sure/'), [
      'home',
      'ms',
      'old',
      'pro',
    ]);
    assert.equal(earliestWindows([...g.symptoms('en')].find((s) => s.id === 'new')!), 11);
    assert.equal(editionGroup('Home Premium'), 'home');
    assert.equal(editionGroup('Pro for Workstations'), 'pro');
  });

  it('does not offer a NAS owner the fixes a symptom borrows from Windows PC problems', () => {
    // "admin" is a Windows PC problem whose only cause is "uac"; "hub" (a bare error code) and
    // "tip" (a registry tip) can meet NAS owners too and borrow "uac" and its fix "latfp".
    const g = kb({
      symptoms: {
        admin: { targets: ['windows-pc'], causes: ['uac'] },
        hub: { targets: ['windows-pc', 'nas'], causes: ['uac', 'guest'] },
        tip: { targets: ['windows-pc', 'nas'], causes: ['value'] },
        'guest-pc': { targets: ['windows-pc'], causes: ['guest', 'wizard'] },
      },
      causes: { uac: ['latfp'], guest: ['account', 'allow'], value: ['allow', 'latfp'], wizard: ['sharing'] },
    });
    assert.deepEqual(shown(result(g, '/en/troubleshooter/nas/hub/')), ['guest: account allow']);
    assert.deepEqual(shown(result(g, '/en/troubleshooter/windows-pc/hub/')), ['uac: latfp', 'guest: account allow']);
    assert.deepEqual(shown(result(g, '/en/troubleshooter/nas/tip/')), ['value: allow']);
    assert.deepEqual(shown(result(g, '/en/troubleshooter/windows-pc/tip/')), ['value: allow latfp']);
    // A cause shared by two symptoms with several causes each is not borrowed: "guest" stays for NAS.
    assert.ok(shown(result(g, '/en/troubleshooter/nas/hub/')).includes('guest: account allow'));
    // Not knowing the device shows everything, with what fits only a Windows PC marked.
    const unknown = result(g, '/en/troubleshooter/not-sure/hub/');
    assert.deepEqual(shown(unknown), ['uac: latfp', 'guest: account allow']);
    assert.deepEqual(unknown.causes[0].only, ['windows-pc']);
    const tip = result(g, '/en/troubleshooter/not-sure/tip/');
    assert.equal(tip.causes[0].only, undefined);
    assert.deepEqual([...tip.causes[0].fixOnly], [['latfp', ['windows-pc']]]);
    // The NAS question lists the hub, whose NAS page has no trace of the borrowed cause.
    const nas = stepsOf(g).get('/en/troubleshooter/nas/') as QuestionStep;
    assert.deepEqual(
      symptomsOf(nas)
        .map((s) => s.id)
        .sort(),
      ['hub', 'tip'],
    );
  });

  it('lists at most MAX_SYMPTOM_CHOICES symptoms, most common first, and links the rest', () => {
    const symptoms: Record<string, SymptomSpec> = {};
    for (let i = 0; i < MAX_SYMPTOM_CHOICES + 3; i++)
      symptoms[`s${String(i).padStart(2, '0')}`] = {
        targets: ['nas'],
        causes: ['c'],
        prevalence: i === MAX_SYMPTOM_CHOICES + 2 ? 'common' : 'rare',
      };
    const g = kb({ symptoms, causes: { c: ['f'] } });
    const last = stepsOf(g).get('/en/troubleshooter/nas/') as QuestionStep;
    assert.equal(last.remaining, MAX_SYMPTOM_CHOICES + 3);
    assert.equal(last.choices.length, MAX_SYMPTOM_CHOICES);
    assert.equal(symptomsOf(last)[0].id, `s${MAX_SYMPTOM_CHOICES + 2}`);
    assert.equal(last.more, '/en/symptoms/');
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
          en: { text: 'Error code: 0x80004005. Unspecified error', verification: 'microsoft', source: 'ref' },
          de: { text: 'Fehlercode: 0x80004005.', verification: 'approximate' },
        },
      ],
      'en',
    );
    assert.deepEqual(hints, [
      { codes: ['1326'], text: 'The user name or password is incorrect.', approximate: true },
      { codes: [], text: 'Error code: 0x80004005.', approximate: false },
    ]);
  });
});
