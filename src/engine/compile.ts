// A quiz compiled once into arrays, so that scoring an answer set walks numbers, not the
// quiz: option ids become indices, each option's points become a vector over the
// (trait, outcome) pairs, and each question's maximum points are worked out up front.
//
// An answer set here is one number per question, in quiz order, exactly as a share token
// stores it: 0 unanswered; single: option index + 1; multiple: a bitmask of option
// indices; scale: the 1-based point. The figures are the reference scorer's (score.ts)
// to the last bit: sums run in the same order over the same numbers, which a property
// test checks on random answer sets.
import { answerProblem, answersOfValues } from "./answers";
import { own } from "./own";
import type { Answer, Answers, Condition, Quiz } from "./schema";
import { mostPointsFor, pointsFor, pointsIn, type Recommendation, type Scores } from "./score";

type CompiledCondition = {
  /** Index of the earlier question the condition reads. */
  question: number;
  /** Choice questions: the options (as a bitmask) any of which shows; undefined for a range. */
  anyOf: number | undefined;
  atLeast: number;
  atMost: number;
};

type CompiledQuestion = {
  kind: "single" | "multiple" | "scale";
  /** Options (choice) or points (scale). */
  size: number;
  minChoices: number;
  maxChoices: number;
  showIf: CompiledCondition[];
  /** Choice questions: per option, its points over the pairs (option-major). Scale: agree then disagree. */
  points: Float64Array;
  /** The most points this question can give each pair. */
  most: Float64Array;
};

export type CompiledQuiz = {
  quiz: Quiz;
  traits: number;
  outcomes: number;
  /** traits x outcomes, trait-major: pair = trait * outcomes + outcome. */
  pairs: number;
  questions: CompiledQuestion[];
  traitWeights: Float64Array;
  tieMargin: number;
};

/** The figures of one scoring, by index: what the summary and the fairness report read. */
export type CompiledScores = {
  /** The answer values that counted (0 for hidden, unanswered or malformed), per question. */
  counted: Int32Array;
  /** Per pair, 0..100, unrounded. */
  traitScores: Float64Array;
  /** Per trait, its share of the outcome scores (0..1). */
  traitShares: Float64Array;
  /** Per outcome, in quiz order, rounded to 0.1. */
  outcomeScores: Float64Array;
  /** Outcome indices, highest score first (ties keep quiz order). */
  ranking: Int32Array;
  margin: number;
  /** The recommended outcome's index, or -1 when the result is balanced. */
  winner: number;
  /** Outcomes within the tie margin of the top (one, the winner, when not balanced). */
  contenders: number;
};

const cache = new WeakMap<Quiz, CompiledQuiz>();

/** The compiled form of a quiz, made once per quiz object (quizzes are immutable once valid). */
export function compileQuiz(quiz: Quiz): CompiledQuiz {
  const known = cache.get(quiz);
  if (known) return known;
  const index = new Map(quiz.questions.map((q, i) => [q.id, i]));
  const pairIds = quiz.traits.flatMap((t) => quiz.outcomes.map((o) => [t.id, o.id] as const));
  const pairs = pairIds.length;
  const vector = (of: (trait: string, outcome: string) => number) =>
    Float64Array.from(pairIds, ([t, o]) => of(t, o));

  const questions = quiz.questions.map((question): CompiledQuestion => {
    const condition = (c: Condition): CompiledCondition => {
      const source = quiz.questions[index.get(c.question) ?? -1];
      const options = source && source.type !== "scale" ? source.options : [];
      return {
        question: index.get(c.question) ?? -1,
        anyOf:
          c.anyOf === undefined
            ? undefined
            : options.reduce((mask, o, i) => (c.anyOf?.includes(o.id) ? mask + 2 ** i : mask), 0),
        atLeast: c.atLeast ?? Number.NEGATIVE_INFINITY,
        atMost: c.atMost ?? Number.POSITIVE_INFINITY,
      };
    };
    const base = {
      showIf: (question.showIf ?? []).map(condition),
      most: vector((t, o) => mostPointsFor(question, t, o)),
    };
    if (question.type === "scale") {
      const agree = vector((t, o) => pointsFor(question, question.labels.length, t, o));
      const disagree = vector((t, o) => pointsFor(question, 1, t, o));
      const points = new Float64Array(2 * pairs);
      points.set(agree, 0);
      points.set(disagree, pairs);
      return {
        ...base,
        kind: "scale",
        size: question.labels.length,
        minChoices: 1,
        maxChoices: 1,
        points,
      };
    }
    const points = new Float64Array(question.options.length * pairs);
    // What pointsFor gives this option ticked alone, a sum that starts at 0, without its
    // scan of every option (options x options x pairs for the whole question).
    question.options.forEach((option, i) => {
      points.set(
        vector((t, o) => 0 + pointsIn(option.weights, t, o)),
        i * pairs,
      );
    });
    return {
      ...base,
      kind: question.type,
      size: question.options.length,
      minChoices: question.type === "multiple" ? question.minChoices : 1,
      maxChoices: question.type === "multiple" ? question.maxChoices : 1,
      points,
    };
  });

  const compiled: CompiledQuiz = {
    quiz,
    traits: quiz.traits.length,
    outcomes: quiz.outcomes.length,
    pairs,
    questions,
    traitWeights: Float64Array.from(quiz.traits, (t) => own(quiz.scoring.traitWeights, t.id) ?? 0),
    tieMargin: quiz.scoring.tieMargin,
  };
  cache.set(quiz, compiled);
  return compiled;
}

/** Answers by id -> one value per question; anything malformed becomes 0 (it would not count). */
export function answerValues(compiled: CompiledQuiz, answers: Answers): Int32Array {
  const values = new Int32Array(compiled.questions.length);
  compiled.quiz.questions.forEach((question, i) => {
    const answer = own(answers, question.id);
    if (answer === undefined || answerProblem(question, answer) !== undefined) return;
    if (question.type === "scale") values[i] = answer as number;
    else if (question.type === "single")
      values[i] = question.options.findIndex((o) => o.id === answer) + 1;
    else
      values[i] = question.options.reduce(
        (mask, o, bit) => ((answer as string[]).includes(o.id) ? mask | (1 << bit) : mask),
        0,
      );
  });
  return values;
}

/** Values -> answers by id, options in quiz order: the reference scorer's counted answers. */
export function valuesToAnswers(
  compiled: CompiledQuiz,
  values: Int32Array,
): Record<string, Answer> {
  return answersOfValues(compiled.quiz, values);
}

function bitCount(mask: number): number {
  let count = 0;
  for (let rest = mask; rest !== 0; rest &= rest - 1) count++;
  return count;
}

/** Whether a value is a well-formed answer to the question. */
function fits(question: CompiledQuestion, value: number): boolean {
  if (question.kind !== "multiple") return value >= 1 && value <= question.size;
  if (value < 0 || value >= 2 ** question.size) return false;
  const ticked = bitCount(value);
  return ticked >= question.minChoices && ticked <= question.maxChoices;
}

function holds(c: CompiledCondition, question: CompiledQuestion | undefined, value: number) {
  if (value === 0 || !question) return false;
  if (question.kind === "scale")
    return c.anyOf === undefined && value >= c.atLeast && value <= c.atMost;
  if (c.anyOf === undefined) return false;
  return question.kind === "single"
    ? (c.anyOf & (1 << (value - 1))) !== 0
    : (c.anyOf & value) !== 0;
}

/**
 * Walks the questions, deciding which are shown and adding what counts to `earned` and
 * `possible` (in quiz order, as the reference scorer does).
 */
function walk(
  compiled: CompiledQuiz,
  values: Int32Array,
  counted: Int32Array,
  earned: Float64Array,
  possible: Float64Array,
  /** When given, receives earned then possible as they stood before each question. */
  before?: Float64Array,
  /** When given, receives each counted question's points per pair (see walkWithout). */
  contributions?: Float64Array,
): void {
  const { questions, pairs } = compiled;
  for (let q = 0; q < questions.length; q++) {
    const question = questions[q] as CompiledQuestion;
    if (before) {
      before.set(earned, q * 2 * pairs);
      before.set(possible, q * 2 * pairs + pairs);
    }
    let value = values[q] ?? 0;
    for (const c of question.showIf) {
      if (!holds(c, questions[c.question], counted[c.question] ?? 0)) {
        value = 0;
        break;
      }
    }
    if (value !== 0 && !fits(question, value)) value = 0;
    counted[q] = value;
    if (value === 0) continue;
    const { points, most } = question;
    const at = q * pairs;
    for (let p = 0; p < pairs; p++) {
      let gain: number;
      if (question.kind === "single") {
        gain = points[(value - 1) * pairs + p] as number;
      } else if (question.kind === "multiple") {
        gain = 0;
        for (let o = 0, bits = value; bits !== 0; o++, bits >>>= 1) {
          if (bits & 1) gain += points[o * pairs + p] as number;
        }
      } else {
        const agreement = (value - 1) / (question.size - 1);
        gain = agreement * (points[p] as number) + (1 - agreement) * (points[pairs + p] as number);
      }
      if (contributions) contributions[at + p] = gain;
      earned[p] = (earned[p] as number) + gain;
      possible[p] = (possible[p] as number) + (most[p] as number);
    }
  }
}

/**
 * The walk again from question `skip` on, with `skip` left out: what the full walk gives
 * for those answers, for less. Leaving an answer out can only hide later questions (a
 * show-if never holds for an unanswered question), so each later question either drops
 * out or adds exactly the points the full walk recorded for it, in the same order.
 */
function walkWithout(
  compiled: CompiledQuiz,
  counted: Int32Array,
  contributions: Float64Array,
  earned: Float64Array,
  possible: Float64Array,
  skip: number,
): void {
  const { questions, pairs } = compiled;
  counted[skip] = 0;
  for (let q = skip + 1; q < questions.length; q++) {
    if (counted[q] === 0) continue;
    const question = questions[q] as CompiledQuestion;
    for (const c of question.showIf) {
      if (!holds(c, questions[c.question], counted[c.question] ?? 0)) {
        counted[q] = 0;
        break;
      }
    }
    if (counted[q] === 0) continue;
    const { most } = question;
    const at = q * pairs;
    for (let p = 0; p < pairs; p++) {
      earned[p] = (earned[p] as number) + (contributions[at + p] as number);
      possible[p] = (possible[p] as number) + (most[p] as number);
    }
  }
}

function round1(x: number): number {
  return Math.round(x * 10) / 10;
}

/** Fresh arrays for one scoring's figures. */
function blankScores(compiled: CompiledQuiz): CompiledScores {
  return {
    counted: new Int32Array(compiled.questions.length),
    traitScores: new Float64Array(compiled.pairs),
    traitShares: new Float64Array(compiled.traits),
    outcomeScores: new Float64Array(compiled.outcomes),
    ranking: new Int32Array(compiled.outcomes),
    margin: 0,
    winner: -1,
    contenders: 0,
  };
}

/**
 * Points earned and possible -> the figures, exactly as score.ts works them out, written
 * into `out` (whose `counted` the walk has filled), so that the leave-one-out scorings
 * in scoreWithDecisive reuse one set of arrays instead of allocating for each.
 */
function finish(
  compiled: CompiledQuiz,
  earned: Float64Array,
  possible: Float64Array,
  out: CompiledScores,
): CompiledScores {
  const { traits, outcomes, traitWeights, tieMargin } = compiled;
  const { traitScores, traitShares, outcomeScores, ranking } = out;
  let totalWeight = 0;
  for (let t = 0; t < traits; t++) {
    let touched = false;
    for (let o = 0; o < outcomes; o++) {
      const p = t * outcomes + o;
      const most = possible[p] as number;
      if (most > 0) touched = true;
      traitScores[p] = most > 0 ? (100 * (earned[p] as number)) / most : 0;
    }
    const weight = touched ? (traitWeights[t] as number) : 0;
    traitShares[t] = weight;
    totalWeight += weight;
  }
  for (let t = 0; t < traits; t++)
    traitShares[t] = totalWeight > 0 ? (traitShares[t] as number) / totalWeight : 0;

  for (let o = 0; o < outcomes; o++) {
    let sum = 0;
    for (let t = 0; t < traits; t++)
      sum += (traitShares[t] as number) * (traitScores[t * outcomes + o] as number);
    outcomeScores[o] = round1(sum);
    // Insertion into the ranking, highest first, stable: equal scores keep quiz order.
    let at = o;
    while (
      at > 0 &&
      (outcomeScores[ranking[at - 1] as number] as number) < (outcomeScores[o] as number)
    ) {
      ranking[at] = ranking[at - 1] as number;
      at--;
    }
    ranking[at] = o;
  }
  const top = outcomeScores[ranking[0] as number] ?? 0;
  const second = outcomes > 1 ? (outcomeScores[ranking[1] as number] as number) : 0;
  const margin = round1(top - second);
  const within = (score: number) => top - score < tieMargin || score === top;
  let contenders = 1;
  if (outcomes > 1 && within(second)) {
    while (contenders < outcomes && within(outcomeScores[ranking[contenders] as number] as number))
      contenders++;
  }
  out.margin = margin;
  out.winner = contenders > 1 ? -1 : (ranking[0] as number);
  out.contenders = contenders;
  return out;
}

/** Scores an answer set given as values (see the top of this file); malformed values count for nothing. */
export function scoreValues(compiled: CompiledQuiz, values: Int32Array): CompiledScores {
  const scores = blankScores(compiled);
  const earned = new Float64Array(compiled.pairs);
  const possible = new Float64Array(compiled.pairs);
  walk(compiled, values, scores.counted, earned, possible);
  return finish(compiled, earned, possible, scores);
}

/** Two scorings recommend the same: the same outcome, or a balance between the same outcomes. */
export function sameRecommendation(a: CompiledScores, b: CompiledScores): boolean {
  if (a.winner !== b.winner || a.contenders !== b.contenders) return false;
  if (a.winner !== -1) return true;
  // Balanced: the same set of contenders, whatever their order.
  let maskA = 0;
  let maskB = 0;
  for (let i = 0; i < a.contenders; i++) {
    maskA += 2 ** (a.ranking[i] as number);
    maskB += 2 ** (b.ranking[i] as number);
  }
  return maskA === maskB;
}

/**
 * Scores an answer set and finds, for each question, whether leaving its answer out
 * would change the recommendation (a question that did not count never would). Each
 * leave-one-out restarts at that question from the sums before it (walkWithout), so the
 * figures stay exact and the later questions it hides are decided again.
 */
export function scoreWithDecisive(
  compiled: CompiledQuiz,
  values: Int32Array,
): { scores: CompiledScores; decisive: Uint8Array } {
  const n = compiled.questions.length;
  const { pairs } = compiled;
  const { before, contributions, earned, possible, trial } = scratchFor(compiled);
  earned.fill(0);
  possible.fill(0);
  const scores = blankScores(compiled);
  walk(compiled, values, scores.counted, earned, possible, before, contributions);
  finish(compiled, earned, possible, scores);
  const decisive = new Uint8Array(n);
  for (let q = 0; q < n; q++) {
    if (scores.counted[q] === 0) continue;
    earned.set(before.subarray(q * 2 * pairs, q * 2 * pairs + pairs));
    possible.set(before.subarray(q * 2 * pairs + pairs, (q + 1) * 2 * pairs));
    trial.counted.set(scores.counted);
    walkWithout(compiled, trial.counted, contributions, earned, possible, q);
    if (!sameRecommendation(scores, finish(compiled, earned, possible, trial))) decisive[q] = 1;
  }
  return { scores, decisive };
}

type Scratch = {
  before: Float64Array;
  contributions: Float64Array;
  earned: Float64Array;
  possible: Float64Array;
  trial: CompiledScores;
};
const scratches = new WeakMap<CompiledQuiz, Scratch>();

/**
 * Working arrays for scoreWithDecisive, made once per quiz: a summary calls it for every
 * row, and allocating them each time cost more than the scoring. Safe to share, since a
 * scoring runs to its end before the next begins.
 */
function scratchFor(compiled: CompiledQuiz): Scratch {
  let scratch = scratches.get(compiled);
  if (!scratch) {
    scratch = {
      before: new Float64Array(compiled.questions.length * 2 * compiled.pairs),
      contributions: new Float64Array(compiled.questions.length * compiled.pairs),
      earned: new Float64Array(compiled.pairs),
      possible: new Float64Array(compiled.pairs),
      trial: blankScores(compiled),
    };
    scratches.set(compiled, scratch);
  }
  return scratch;
}

/** The reference scorer's shape, from compiled figures (for evaluate and the explanations). */
export function toScores(compiled: CompiledQuiz, scores: CompiledScores): Scores {
  const { quiz, outcomes } = compiled;
  const traits = quiz.traits.map((trait, t) => ({
    trait: trait.id,
    scores: Object.fromEntries(
      quiz.outcomes.map((o, i) => [o.id, scores.traitScores[t * outcomes + i] as number]),
    ),
    weight: scores.traitShares[t] as number,
  }));
  const ranking = Array.from(scores.ranking, (o) => ({
    outcome: quiz.outcomes[o]?.id ?? "",
    score: scores.outcomeScores[o] as number,
  }));
  const recommendation: Recommendation =
    scores.winner === -1
      ? { kind: "balanced", outcomes: ranking.slice(0, scores.contenders).map((r) => r.outcome) }
      : { kind: "outcome", outcome: quiz.outcomes[scores.winner]?.id ?? "" };
  return {
    answers: valuesToAnswers(compiled, scores.counted),
    traits,
    ranking,
    recommendation,
    margin: scores.margin,
  };
}

/** scoreAnswers, through the compiled form. */
export function scoreCompiled(quiz: Quiz, answers: Answers): Scores {
  const compiled = compileQuiz(quiz);
  return toScores(compiled, scoreValues(compiled, answerValues(compiled, answers)));
}
