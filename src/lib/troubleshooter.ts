/**
 * The troubleshooter as a tree of static pages, derived from the graph. It asks what a home user
 * can answer (the device they connect to, the message they see, their account, their Windows and
 * its edition), each question only when its answer narrows the symptoms still in question, and
 * ends with "which of these is it?" over those symptoms. Every question has a "don't know / none
 * of these" way out. A symptom's page in the troubleshooter shows its causes (most likely first)
 * and each cause's fixes (safest that works first), only those that fit the device.
 * Every answer is a plain link to the next step, so it works without JavaScript. Pure: no Astro.
 */
import type { Lang } from '../model/schemas/common.ts';
import type { Message } from '../model/schemas/message.ts';
import { ACCOUNTS, TARGETS } from '../model/schemas/symptom.ts';
import type { CauseNode, FixNode, KnowledgeGraph, SymptomNode } from '../model/graph.ts';
import { kindIndexPath, pagePath } from '../model/routes.ts';
import { commonestRank, prevalenceRank } from './present.ts';

export type Target = (typeof TARGETS)[number];
export type Account = (typeof ACCOUNTS)[number];
/** The Windows versions today's readers run on the PC they connect from. */
export const FAMILIES = ['10', '11'] as const;
export type Family = (typeof FAMILIES)[number];
/** Editions as a home user tells them apart: Home, or Pro and its business siblings. */
export const EDITION_GROUPS = ['home', 'pro'] as const;
export type EditionGroup = (typeof EDITION_GROUPS)[number];

/** The questions in the order they are asked; each is skipped when no answer would narrow. */
export const QUESTIONS = ['target', 'message', 'account', 'windows', 'edition'] as const;
export type Question = (typeof QUESTIONS)[number];
export type Step = QuestionStep | ResultStep;

/** The most symptoms the last question lists; the rest are reached by the link to all symptoms. */
export const MAX_SYMPTOM_CHOICES = 24;

/** Path segment of "don't know" for each question (and of an unknown device in a result's path). */
export const UNSURE_SEGMENTS = {
  target: 'not-sure',
  message: 'no-message',
  account: 'account-not-sure',
  windows: 'windows-not-sure',
  edition: 'edition-not-sure',
} as const satisfies Record<Question, string>;

/** Errors shown for one code (or one message without a code): what the reader recognises. */
export interface MessageGroup {
  key: string;
  messages: Message[];
}

/** One answer the reader can give, or gave: a link to the step it leads to. */
export type Choice =
  | { kind: 'target'; target: Target; path: string }
  | { kind: 'message'; group: MessageGroup; path: string }
  | { kind: 'account'; account: Account; path: string }
  | { kind: 'windows'; family: Family; path: string }
  | { kind: 'edition'; edition: EditionGroup; path: string }
  | { kind: 'unsure'; question: Question; path: string }
  | { kind: 'symptom'; node: SymptomNode; path: string };

interface StepBase {
  lang: Lang;
  /** Path segments below /<lang>/troubleshooter/ ([] for the first question). */
  segments: string[];
  path: string;
  /** The answers given so far, for the breadcrumb; each links to the step it led to. */
  answers: Choice[];
  /** The step before (the previous question), or undefined on the first one. */
  back?: string;
  /** The first question. */
  start: string;
  /** The same step in the other language (or the nearest step there that exists). */
  alternate: string;
  /** The device answered: a target, null for "don't know", undefined before it is asked. */
  target?: Target | null;
}

export interface QuestionStep extends StepBase {
  kind: 'question';
  question: Question | 'symptom';
  choices: Choice[];
  /**
   * The way out for "don't know / none of these": the next question with nothing narrowed, or on
   * the last question the site search (its path carries the query).
   */
  unsure: { path: string; search: boolean };
  /** How many symptoms are still in question. */
  remaining: number;
  /** On the last question, when it lists fewer than `remaining`: the list of all symptoms. */
  more?: string;
  /** The message answered, if any (its code or text seeds the search of the way out). */
  message?: MessageGroup;
}

/** A cause of the symptom with the fixes to try for it, safest that works first. */
export interface ResultCause {
  cause: CauseNode;
  fixes: FixNode[];
  /**
   * Set when the device is unknown and the cause (or one of its fixes) fits only some of the
   * symptom's devices: the devices it fits.
   */
  only?: Target[];
  /** Per fix: the devices it fits, when the device is unknown and that is fewer than the cause's. */
  fixOnly: Map<string, Target[]>;
}

export interface ResultStep extends StepBase {
  kind: 'result';
  target: Target | null;
  symptom: SymptomNode;
  /** The causes that fit the device, most likely first. */
  causes: ResultCause[];
  /** The fix to try first: the first fix of the first cause. */
  first: FixNode;
  /** The thread did not solve it: the page says what was tried. */
  unsolved: boolean;
}

export function stepPath(lang: Lang, segments: string[]): string {
  return pagePath(lang, 'troubleshooter') + segments.map((s) => `${s}/`).join('');
}

// --- What each question knows about a symptom -------------------------------------------------

const FAMILY_PATTERN = /\bWindows\s+(\d+(?:\.\d)?)\b/gi;

const earliest = new WeakMap<SymptomNode, number | undefined>();

/** The oldest Windows named in a symptom's context.windows (10 for "Windows 10 1709 and later"). */
export function earliestWindows(symptom: SymptomNode): number | undefined {
  if (earliest.has(symptom)) return earliest.get(symptom);
  const found = symptom.data.context.windows.flatMap((w) => [...w.matchAll(FAMILY_PATTERN)].map((m) => Number(m[1])));
  const oldest = found.length ? Math.min(...found) : undefined;
  earliest.set(symptom, oldest);
  return oldest;
}

/** Home (also "Home Premium" and the like) or the Pro group (Pro, Enterprise, Education, ...). */
export function editionGroup(edition: string): EditionGroup {
  return /\bhome\b/i.test(edition) ? 'home' : 'pro';
}

/** The message groups of a symptom: one per code, or per message without a code. */
export function messageGroupKey(message: Message): string {
  return message.codes.length ? message.codes.join('+') : message.id;
}

function messageSegment(key: string, messages: Message[]): string {
  return messages[0].codes.length ? `code-${key.replaceAll('+', '-').toLowerCase()}` : `message-${key}`;
}

/**
 * Whether a symptom stays in question after an answer. A symptom keeps every reader its context
 * does not rule out: no account or edition named means any. Editions name where the symptom
 * occurs (Pro, Enterprise and Education for the guest block and required signing, Home for the
 * missing Group Policy editor). Windows versions are as reported, and newer Windows keeps the
 * problems of older Windows: a problem reported on Windows 10 can meet a Windows 11 reader, while
 * one first seen on Windows 11 does not meet a Windows 10 reader.
 */
function keeps(symptom: SymptomNode, choice: Answer, fits: TargetFit): boolean {
  const context = symptom.data.context;
  switch (choice.kind) {
    case 'target':
      return fits.symptomFits(symptom, choice.target);
    case 'message':
      return choice.group.messages.some((m) => symptom.data.messages.includes(m.id));
    case 'account':
      return context.accounts.length === 0 || context.accounts.includes(choice.account);
    case 'windows': {
      const earliest = earliestWindows(symptom);
      return earliest === undefined || earliest <= Number(choice.family);
    }
    case 'edition':
      return context.editions.length === 0 || context.editions.some((e) => editionGroup(e) === choice.edition);
  }
}

// --- Which causes and fixes fit a device ------------------------------------------------------

/**
 * Which causes and fixes belong to which device, derived from the graph. A symptom's devices
 * (context.targets) cover all its causes, and a cause's fixes cover all its symptoms' devices,
 * except where an item is borrowed. A cause that is the only cause of some symptom has its home
 * there; listed next to other causes by a symptom of several devices (as a symptom for a bare error
 * code is), it fits only the devices of its homes. A symptom of one device vouches for all its
 * causes on that device. A fix that is the only fix of some cause has its home
 * there; listed by another cause next to other fixes, it fits only the devices its other causes
 * fit. So the fix for administrative shares of Windows PCs, borrowed by a symptom that a NAS
 * owner can have too, is not offered to the NAS owner.
 */
export interface TargetFit {
  causeFits(symptom: SymptomNode, cause: CauseNode, target: Target): boolean;
  fixFits(symptom: SymptomNode, cause: CauseNode, fix: FixNode, target: Target): boolean;
  /** The fixes of a cause that fit the device (null: any device of the symptom), in their order. */
  fixesFor(symptom: SymptomNode, cause: CauseNode, target: Target | null): FixNode[];
  /** The causes of a symptom that fit the device and keep at least one fix, most likely first. */
  causesFor(symptom: SymptomNode, target: Target | null): CauseNode[];
  symptomFits(symptom: SymptomNode, target: Target): boolean;
}

export function targetFit(graph: KnowledgeGraph): TargetFit {
  const causeFits = (symptom: SymptomNode, cause: CauseNode, target: Target) => {
    const targets = symptom.data.context.targets;
    if (!targets.includes(target)) return false;
    // A symptom of one device vouches for all its causes on that device.
    if (targets.length === 1) return true;
    const homes = graph.symptomsOf(cause).filter((s) => graph.causesOf(s).length === 1);
    return homes.length === 0 || homes.includes(symptom) || homes.some((s) => s.data.context.targets.includes(target));
  };

  const fixFits = (symptom: SymptomNode, cause: CauseNode, fix: FixNode, target: Target) => {
    if (!causeFits(symptom, cause, target)) return false;
    const others = graph.causesFixedBy(fix).filter((c) => c !== cause);
    if (graph.fixesOf(cause).length === 1 || !others.some((c) => graph.fixesOf(c).length === 1)) return true;
    // Borrowed: the fix goes where its other causes go, as far as those fit their own symptoms.
    return others.some((c) => graph.symptomsOf(c).some((s) => causeFits(s, c, target)));
  };

  const fixesFor = (symptom: SymptomNode, cause: CauseNode, target: Target | null) => {
    const targets = target ? [target] : symptom.data.context.targets;
    return graph.fixesOf(cause).filter((fix) => targets.some((t) => fixFits(symptom, cause, fix, t)));
  };
  // Asked for every symptom at every step of the tree: worked out once per symptom and device.
  const fitting = new Map<string, CauseNode[]>();
  const causesFor = (symptom: SymptomNode, target: Target | null) => {
    const key = `${symptom.id} ${target}`;
    let causes = fitting.get(key);
    if (!causes) {
      causes = graph.causesOf(symptom).filter((cause) => fixesFor(symptom, cause, target).length > 0);
      fitting.set(key, causes);
    }
    return causes;
  };

  return {
    causeFits,
    fixFits,
    fixesFor,
    causesFor,
    symptomFits: (symptom, target) => causesFor(symptom, target).length > 0,
  };
}

// --- The tree ---------------------------------------------------------------------------------

// One collator per language: String#localeCompare builds one per call, which a tree of many
// lists of many symptoms feels.
const collators = { de: new Intl.Collator('de'), en: new Intl.Collator('en') } as const satisfies Record<
  Lang,
  Intl.Collator
>;

/** Most common first, then by title. */
export function byPrevalence(a: SymptomNode, b: SymptomNode): number {
  return prevalenceRank(a) - prevalenceRank(b) || collators[a.lang].compare(a.data.title, b.data.title);
}

type Answer = Exclude<Choice, { kind: 'unsure' | 'symptom' }>;
type Option = { answer: Omit<Answer, 'path'>; segment: string };

/** The answers a question offers for these symptoms, each with the path segment it adds. */
function options(graph: KnowledgeGraph, question: Question, symptoms: SymptomNode[]): Option[] {
  switch (question) {
    case 'target':
      return TARGETS.map((target) => ({ answer: { kind: 'target', target }, segment: target }));
    case 'message': {
      const groups = new Map<string, { messages: Message[]; symptoms: Set<SymptomNode> }>();
      for (const symptom of symptoms)
        for (const id of symptom.data.messages) {
          const message = graph.messages.get(id)!;
          const key = messageGroupKey(message);
          const group = groups.get(key) ?? { messages: [], symptoms: new Set() };
          if (!group.messages.includes(message)) group.messages.push(message);
          group.symptoms.add(symptom);
          groups.set(key, group);
        }
      // The message most readers meet first: that of the most common symptom, then the most shared.
      const rank = (g: { symptoms: Set<SymptomNode> }) => commonestRank([...g.symptoms]);
      return [...groups]
        .sort(([ka, a], [kb, b]) => rank(a) - rank(b) || b.symptoms.size - a.symptoms.size || ka.localeCompare(kb))
        .map(([key, { messages }]) => ({
          answer: { kind: 'message', group: { key, messages } },
          segment: messageSegment(key, messages),
        }));
    }
    case 'account':
      return ACCOUNTS.map((account) => ({ answer: { kind: 'account', account }, segment: `${account}-account` }));
    case 'windows':
      return FAMILIES.map((family) => ({ answer: { kind: 'windows', family }, segment: `windows-${family}` }));
    case 'edition':
      return EDITION_GROUPS.map((edition) => ({ answer: { kind: 'edition', edition }, segment: `edition-${edition}` }));
  }
}

/** The search a "none of these" leads to, seeded with the message the reader chose. */
export function searchPath(lang: Lang, message?: MessageGroup): string {
  const base = pagePath(lang, 'search');
  if (!message) return base;
  const first = message.messages[0];
  const query = first.codes[0] ?? shortText(first[lang].text);
  return `${base}?q=${encodeURIComponent(query)}`;
}

interface State {
  segments: string[];
  answers: Choice[];
  asked: Set<Question>;
  symptoms: SymptomNode[];
  target?: Target | null;
  message?: MessageGroup;
  back?: string;
}

function buildSteps(graph: KnowledgeGraph, fits: TargetFit, lang: Lang): Step[] {
  const start = stepPath(lang, []);
  const questions: QuestionStep[] = [];
  const results = new Map<string, ResultStep>();
  const common = (state: State, path: string) => ({
    lang,
    segments: state.segments,
    path,
    answers: state.answers,
    back: state.back,
    start,
    alternate: '',
    target: state.target,
    message: state.message,
  });
  const narrows = (question: Question, symptoms: SymptomNode[]) =>
    options(graph, question, symptoms).some((o) => {
      const kept = symptoms.filter((s) => keeps(s, { ...o.answer, path: '' } as Answer, fits)).length;
      return kept > 0 && kept < symptoms.length;
    });

  const visit = (state: State) => {
    const path = stepPath(lang, state.segments);
    // The device is always asked first (the home page links its answers); the others only when
    // an answer would rule out some of the symptoms still in question.
    const next = QUESTIONS.find((q) => !state.asked.has(q) && (q === 'target' || narrows(q, state.symptoms)));
    if (!next) {
      questions.push(lastQuestion(state, path));
      return;
    }
    const child = (segment: string, answer: Choice, symptoms: SymptomNode[]): State => ({
      segments: [...state.segments, segment],
      answers: [...state.answers, answer],
      asked: new Set([...state.asked, next]),
      symptoms,
      target:
        answer.kind === 'target' ? answer.target : answer.kind === 'unsure' && next === 'target' ? null : state.target,
      message: answer.kind === 'message' ? answer.group : state.message,
      back: path,
    });
    const children: State[] = [];
    const choices: Choice[] = [];
    for (const { answer, segment } of options(graph, next, state.symptoms)) {
      const choice = { ...answer, path: stepPath(lang, [...state.segments, segment]) } as Answer;
      const kept = state.symptoms.filter((s) => keeps(s, choice, fits));
      if (!kept.length) continue;
      choices.push(choice);
      children.push(child(segment, choice, kept));
    }
    const unsureSegment = UNSURE_SEGMENTS[next];
    const unsure: Choice = { kind: 'unsure', question: next, path: stepPath(lang, [...state.segments, unsureSegment]) };
    children.push(child(unsureSegment, unsure, state.symptoms));
    questions.push({
      kind: 'question',
      question: next,
      ...common(state, path),
      choices,
      unsure: { path: unsure.path, search: false },
      remaining: state.symptoms.length,
    });
    for (const c of children) visit(c);
  };

  const lastQuestion = (state: State, path: string): QuestionStep => {
    const sorted = [...state.symptoms].sort(byPrevalence);
    const listed = sorted.slice(0, MAX_SYMPTOM_CHOICES);
    const choices: Choice[] = listed.map((symptom) => {
      const step = result(symptom, state.target ?? null);
      return { kind: 'symptom', node: symptom, path: step.path };
    });
    return {
      kind: 'question',
      question: 'symptom',
      ...common(state, path),
      choices,
      unsure: { path: searchPath(lang, state.message), search: true },
      remaining: sorted.length,
      more: sorted.length > listed.length ? kindIndexPath(lang, 'symptom') : undefined,
    };
  };

  /** The result page of a symptom for a device (null: not known), made once per address. */
  const result = (symptom: SymptomNode, target: Target | null): ResultStep => {
    const targets = symptom.data.context.targets;
    // A symptom of one device needs no "don't know" page: the symptom tells its device.
    const device = target ?? (targets.length === 1 && fits.symptomFits(symptom, targets[0]) ? targets[0] : null);
    const segments = [device ?? UNSURE_SEGMENTS.target, symptom.slug];
    const path = stepPath(lang, segments);
    const known = results.get(path);
    if (known) return known;
    const causes = resultCauses(symptom, device);
    const deviceAnswer: Choice = device
      ? { kind: 'target', target: device, path: stepPath(lang, [device]) }
      : { kind: 'unsure', question: 'target', path: stepPath(lang, [UNSURE_SEGMENTS.target]) };
    const step: ResultStep = {
      kind: 'result',
      lang,
      segments,
      path,
      answers: [deviceAnswer, { kind: 'symptom', node: symptom, path }],
      back: deviceAnswer.path,
      start,
      alternate: '',
      target: device,
      symptom,
      causes,
      first: causes[0].fixes[0],
      unsolved: symptom.data.status === 'unsolved',
    };
    results.set(path, step);
    return step;
  };

  const resultCauses = (symptom: SymptomNode, device: Target | null): ResultCause[] => {
    if (device)
      return fits
        .causesFor(symptom, device)
        .map((cause) => ({ cause, fixes: fits.fixesFor(symptom, cause, device), fixOnly: new Map() }));
    // Device unknown: every cause and fix that fits one of the symptom's devices, each marked
    // with its devices where they are fewer than the symptom's.
    const targets = symptom.data.context.targets;
    const fitting = fits.causesFor(symptom, null);
    const causes = fitting.length ? fitting : graph.causesOf(symptom);
    return causes.map((cause) => {
      const fixes = fitting.length ? fits.fixesFor(symptom, cause, null) : graph.fixesOf(cause);
      const causeTargets = targets.filter((t) => fits.fixesFor(symptom, cause, t).length > 0);
      const fixOnly = new Map<string, Target[]>();
      for (const fix of fixes) {
        const fixTargets = targets.filter((t) => fits.fixFits(symptom, cause, fix, t));
        if (fixTargets.length && fixTargets.length < causeTargets.length) fixOnly.set(fix.id, fixTargets);
      }
      const only = causeTargets.length && causeTargets.length < targets.length ? causeTargets : undefined;
      return { cause, fixes, only, fixOnly };
    });
  };

  visit({ segments: [], answers: [], asked: new Set(), symptoms: graph.symptoms(lang) });
  return [...questions, ...results.values()];
}

/** Path segments of the same step in the other language (answers stay, symptom slugs are translated). */
export function alternateSegments(graph: KnowledgeGraph, step: Step): string[] {
  return step.kind === 'result' ? [step.segments[0], graph.translation(step.symptom).slug] : step.segments;
}

const cache = new WeakMap<KnowledgeGraph, Record<Lang, Step[]>>();

/** Every step in both languages, each knowing its partner in the other language. */
export function troubleshooter(graph: KnowledgeGraph): Record<Lang, Step[]> {
  const cached = cache.get(graph);
  if (cached) return cached;
  const fits = targetFit(graph);
  const all = { de: buildSteps(graph, fits, 'de'), en: buildSteps(graph, fits, 'en') };
  for (const lang of ['de', 'en'] as const) {
    const other: Lang = lang === 'de' ? 'en' : 'de';
    const there = new Set(all[other].map((s) => s.path));
    for (const step of all[lang]) {
      // The languages ask the same questions unless their articles differ in what the questions
      // read (Windows versions, editions): then the nearest step that exists there.
      const segments = alternateSegments(graph, step);
      let n = segments.length;
      while (n > 0 && !there.has(stepPath(other, segments.slice(0, n)))) n--;
      step.alternate = stepPath(other, segments.slice(0, n));
    }
  }
  cache.set(graph, all);
  return all;
}

/** Every step of the troubleshooter in one language, the first question first. */
export function troubleshooterSteps(graph: KnowledgeGraph, lang: Lang): Step[] {
  return troubleshooter(graph)[lang];
}

/** A short hint from an error message: its code (when the text does not show it) and first sentence. */
export interface MessageHint {
  codes: string[];
  text: string;
  /** Our own rendering, not verified as what Windows shows: the page must say so. */
  approximate: boolean;
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
    hints.push({ codes, text, approximate: message[lang].verification === 'approximate' });
  }
  return hints;
}
