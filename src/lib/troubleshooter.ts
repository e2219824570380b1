/**
 * The troubleshooter as a tree of static pages, derived from the graph: what do you connect to
 * (a symptom's context.targets) -> what do you see (symptoms with that target) -> which cause fits
 * (only when a symptom has more than one) -> the fixes for that cause, safest first.
 * Every answer is a plain link to the next step, so it works without JavaScript. Pure: no Astro.
 */
import type { Lang } from '../model/schemas/common.ts';
import type { Message } from '../model/schemas/message.ts';
import { TARGETS } from '../model/schemas/symptom.ts';
import type { CauseNode, FixNode, KnowledgeGraph, SymptomNode } from '../model/graph.ts';
import { pagePath } from '../model/routes.ts';

export type Target = (typeof TARGETS)[number];

/** One answer the reader can give, or gave: a link to the step it leads to. */
export type Choice =
  | { kind: 'target'; target: Target; path: string }
  | { kind: 'symptom'; node: SymptomNode; path: string }
  | { kind: 'cause'; node: CauseNode; path: string };

interface StepBase {
  lang: Lang;
  /** Path segments below /<lang>/troubleshooter/ ([] for the first question). */
  segments: string[];
  path: string;
  /** The answers given so far, for the breadcrumb; each links to the step it led to. */
  answers: Choice[];
  /** The previous question, or undefined on the first one. */
  back?: string;
  /** The first question. */
  start: string;
}

export interface QuestionStep extends StepBase {
  kind: 'question';
  question: 'target' | 'symptom' | 'cause';
  choices: Choice[];
  /** The target chosen (on the symptom and cause questions). */
  target?: Target;
  /** The symptom chosen (on the cause question). */
  symptom?: SymptomNode;
}

export interface ResultStep extends StepBase {
  kind: 'result';
  target: Target;
  symptom: SymptomNode;
  cause: CauseNode;
  /** The fixes of the cause in the graph's safety order (risk, then evidence). */
  fixes: FixNode[];
  /** The symptom is unsolved in the thread: the page says what was tried. */
  unsolved: boolean;
}

export type Step = QuestionStep | ResultStep;

export function stepPath(lang: Lang, segments: string[]): string {
  return pagePath(lang, 'troubleshooter') + segments.map((s) => `${s}/`).join('');
}

/** The fixes of one cause of a symptom, safest first, in exactly the order of graph.fixesForSymptom. */
export function safestFixes(graph: KnowledgeGraph, symptom: SymptomNode, cause: CauseNode): FixNode[] {
  const ofCause = new Set(graph.fixesOf(cause));
  return graph.fixesForSymptom(symptom).filter((fix) => ofCause.has(fix));
}

/** Symptoms reported with a target, in the graph's order (by title). */
export function symptomsFor(graph: KnowledgeGraph, lang: Lang, target: Target): SymptomNode[] {
  return graph.symptoms(lang).filter((s) => s.data.context.targets.includes(target));
}

/** Every step of the troubleshooter in one language, the first question first. */
export function troubleshooterSteps(graph: KnowledgeGraph, lang: Lang): Step[] {
  const start = stepPath(lang, []);
  const steps: Step[] = [];
  const targets = TARGETS.filter((target) => symptomsFor(graph, lang, target).length > 0);
  steps.push({
    kind: 'question',
    question: 'target',
    lang,
    segments: [],
    path: start,
    answers: [],
    start,
    choices: targets.map((target) => ({ kind: 'target', target, path: stepPath(lang, [target]) })),
  });

  for (const target of targets) {
    const targetPath = stepPath(lang, [target]);
    const targetAnswer: Choice = { kind: 'target', target, path: targetPath };
    const symptomChoices: Choice[] = [];
    const later: Step[] = [];
    for (const symptom of symptomsFor(graph, lang, target)) {
      const causes = graph.causesByEvidence(symptom);
      const asked = causes.length > 1;
      const symptomSegments = [target, symptom.slug];
      // With one cause there is nothing to ask: the answer leads straight to the result.
      const symptomPath = asked
        ? stepPath(lang, symptomSegments)
        : stepPath(lang, [...symptomSegments, causes[0].slug]);
      const symptomAnswer: Choice = { kind: 'symptom', node: symptom, path: symptomPath };
      symptomChoices.push(symptomAnswer);
      const causeChoices: Choice[] = causes.map((cause) => ({
        kind: 'cause',
        node: cause,
        path: stepPath(lang, [...symptomSegments, cause.slug]),
      }));
      if (asked)
        later.push({
          kind: 'question',
          question: 'cause',
          lang,
          segments: symptomSegments,
          path: symptomPath,
          answers: [targetAnswer, symptomAnswer],
          back: targetPath,
          start,
          choices: causeChoices,
          target,
          symptom,
        });
      for (const choice of causeChoices) {
        const cause = (choice as Extract<Choice, { kind: 'cause' }>).node;
        later.push({
          kind: 'result',
          lang,
          segments: [...symptomSegments, cause.slug],
          path: choice.path,
          answers: asked ? [targetAnswer, symptomAnswer, choice] : [targetAnswer, symptomAnswer],
          back: asked ? symptomPath : targetPath,
          start,
          target,
          symptom,
          cause,
          fixes: safestFixes(graph, symptom, cause),
          unsolved: symptom.data.status === 'unsolved',
        });
      }
    }
    steps.push({
      kind: 'question',
      question: 'symptom',
      lang,
      segments: [target],
      path: targetPath,
      answers: [targetAnswer],
      back: start,
      start,
      choices: symptomChoices,
      target,
    });
    steps.push(...later);
  }
  return steps;
}

/** Path segments of the same step in the other language (targets stay, slugs are translated). */
export function alternateSegments(graph: KnowledgeGraph, step: Step): string[] {
  const target = step.segments[0];
  const nodes: (SymptomNode | CauseNode)[] =
    step.kind === 'result' ? [step.symptom, step.cause] : step.symptom ? [step.symptom] : [];
  return target === undefined ? [] : [target, ...nodes.map((node) => graph.translation(node).slug)];
}

export function alternatePath(graph: KnowledgeGraph, step: Step): string {
  return stepPath(step.lang === 'de' ? 'en' : 'de', alternateSegments(graph, step));
}

/** A short hint from an error message: its code (when the text does not show it) and first sentence. */
export interface MessageHint {
  codes: string[];
  text: string;
}

const HINT_LENGTH = 70;

export function shortText(text: string, max = HINT_LENGTH): string {
  const first = text.split(/(?<=[.!?])\s+/)[0];
  if (first.length <= max) return first;
  const cut = first.slice(0, max - 1);
  const space = cut.lastIndexOf(' ');
  return `${(space > max / 2 ? cut.slice(0, space) : cut).replace(/[\s,;:.]+$/, '')}…`;
}

/** The hints for a symptom's messages, without repeats. */
export function messageHints(messages: Message[], lang: Lang): MessageHint[] {
  const seen = new Set<string>();
  const hints: MessageHint[] = [];
  for (const message of messages) {
    const text = shortText(message[lang].text);
    const codes = message.codes.filter((code) => !text.includes(code));
    const key = `${codes.join(',')}|${text}`;
    if (seen.has(key)) continue;
    seen.add(key);
    hints.push({ codes, text });
  }
  return hints;
}
