// answers -> trait scores -> outcome ranking -> recommendation.
//
// The rule, in full (the README states it too):
// 1. Only counted answers score: well-formed answers to questions that are shown.
// 2. For each trait and outcome, the points earned are divided by the most points the
//    answered questions could have given that outcome on that trait, so a trait score is
//    0..100 however many questions touch the trait.
// 3. An outcome's score is the mean of its trait scores weighted by scoring.traitWeights,
//    over the traits that at least one answered question touches; it is rounded to 0.1.
// 4. The margin is the lead of the top outcome over the next. Under scoring.tieMargin the
//    result is "balanced" between every outcome within the margin of the top: never a
//    coin toss, never the file's order. Answers are read in quiz order, not the order they
//    were given, so the same answers always give the same figures.
import { countedAnswers } from "./answers";
import { own } from "./own";
import type { Answer, Answers, Question, Quiz, Weights } from "./schema";

export type TraitScore = {
  trait: string;
  /** This trait's share of the outcome scores, 0..1 (0 when no answer touched it). */
  weight: number;
  /** Per outcome, 0..100: the share of the points this trait could have given it. */
  scores: Record<string, number>;
};

export type Recommendation =
  | { kind: "outcome"; outcome: string }
  | { kind: "balanced"; outcomes: string[] };

export type Scores = {
  answers: Record<string, Answer>;
  traits: TraitScore[];
  /** Every outcome, highest score first. */
  ranking: { outcome: string; score: number }[];
  recommendation: Recommendation;
  /** The top outcome's lead over the next, in points out of 100. */
  margin: number;
};

export function scoreAnswers(quiz: Quiz, answers: Answers): Scores {
  const counted = countedAnswers(quiz, answers);
  const outcomeIds = quiz.outcomes.map((o) => o.id);

  // Points earned and possible for each (trait, outcome) pair, in that nested order,
  // summed over the answered questions in quiz order.
  const earned = new Array<number>(quiz.traits.length * outcomeIds.length).fill(0);
  const possible = [...earned];
  for (const question of quiz.questions) {
    const answer = own(counted, question.id);
    if (answer === undefined) continue;
    const most = mostPointsPerPair(quiz, question);
    let pair = 0;
    for (const trait of quiz.traits) {
      for (const outcomeId of outcomeIds) {
        earned[pair] = (earned[pair] ?? 0) + pointsFor(question, answer, trait.id, outcomeId);
        possible[pair] = (possible[pair] ?? 0) + (most[pair] ?? 0);
        pair++;
      }
    }
  }

  const raw = quiz.traits.map((trait, t) => {
    const at = (o: number) => t * outcomeIds.length + o;
    const touched = outcomeIds.some((_, o) => (possible[at(o)] ?? 0) > 0);
    const scores = Object.fromEntries(
      outcomeIds.map((id, o) => {
        const most = possible[at(o)] ?? 0;
        return [id, most > 0 ? (100 * (earned[at(o)] ?? 0)) / most : 0];
      }),
    );
    return {
      trait: trait.id,
      scores,
      weight: touched ? (own(quiz.scoring.traitWeights, trait.id) ?? 0) : 0,
    };
  });

  const totalWeight = raw.reduce((sum, t) => sum + t.weight, 0);
  const traits: TraitScore[] = raw.map((t) => ({
    ...t,
    weight: totalWeight > 0 ? t.weight / totalWeight : 0,
  }));

  const ranking = outcomeIds
    .map((outcome) => ({
      outcome,
      score: round1(traits.reduce((sum, t) => sum + t.weight * (t.scores[outcome] ?? 0), 0)),
    }))
    .sort((a, b) => b.score - a.score);

  const top = ranking[0]?.score ?? 0;
  const margin = round1(top - (ranking[1]?.score ?? 0));
  // An exact tie is balanced even with a tie margin of 0: the file's order never decides.
  const within = (score: number) => top - score < quiz.scoring.tieMargin || score === top;
  const recommendation: Recommendation = within(ranking[1]?.score ?? Number.NEGATIVE_INFINITY)
    ? { kind: "balanced", outcomes: ranking.filter((r) => within(r.score)).map((r) => r.outcome) }
    : { kind: "outcome", outcome: ranking[0]?.outcome ?? "" };

  return { answers: counted, traits, ranking, recommendation, margin };
}

/**
 * Points an answer gives one outcome on one trait. Plain loops, no closures: the fairness
 * and reachability checks call this for every pair of every question of every answer set
 * they score, so an allocation here is most of their time.
 */
export function pointsFor(
  question: Question,
  answer: Answer,
  traitId: string,
  outcomeId: string,
): number {
  switch (question.type) {
    case "single": {
      let sum = 0;
      for (const o of question.options)
        if (o.id === answer) sum += pointsIn(o.weights, traitId, outcomeId);
      return sum;
    }
    case "multiple": {
      let sum = 0;
      if (!Array.isArray(answer)) return sum;
      for (const o of question.options)
        if (answer.includes(o.id)) sum += pointsIn(o.weights, traitId, outcomeId);
      return sum;
    }
    case "scale": {
      // Points slide linearly from `disagree` at the first point to `agree` at the last.
      const agreement = (Number(answer) - 1) / (question.labels.length - 1);
      return (
        agreement * pointsIn(question.agree, traitId, outcomeId) +
        (1 - agreement) * pointsIn(question.disagree, traitId, outcomeId)
      );
    }
  }
}

/** mostPointsFor every (trait, outcome) pair: fixed for a quiz, so worked out once. */
const mostCache = new WeakMap<Quiz, Map<Question, number[]>>();
function mostPointsPerPair(quiz: Quiz, question: Question): number[] {
  const perQuestion = mostCache.get(quiz) ?? new Map<Question, number[]>();
  mostCache.set(quiz, perQuestion);
  let most = perQuestion.get(question);
  if (!most) {
    most = quiz.traits.flatMap((t) =>
      quiz.outcomes.map((o) => mostPointsFor(question, t.id, o.id)),
    );
    perQuestion.set(question, most);
  }
  return most;
}

/** The most points any answer to this question could give one outcome on one trait. */
export function mostPointsFor(question: Question, traitId: string, outcomeId: string): number {
  switch (question.type) {
    case "single": {
      let most = 0;
      for (const o of question.options)
        most = Math.max(most, pointsIn(o.weights, traitId, outcomeId));
      return most;
    }
    case "multiple": {
      const points: number[] = [];
      for (const o of question.options) points.push(pointsIn(o.weights, traitId, outcomeId));
      points.sort((a, b) => b - a);
      let sum = 0;
      for (let i = 0; i < Math.min(points.length, question.maxChoices); i++)
        sum += points[i] as number;
      return sum;
    }
    case "scale":
      return Math.max(
        pointsIn(question.agree, traitId, outcomeId),
        pointsIn(question.disagree, traitId, outcomeId),
      );
  }
}

/** The points that one set of weights (an option's, a scale's end) gives one pair. */
export function pointsIn(weights: Weights, traitId: string, outcomeId: string): number {
  const perOutcome = own(weights, traitId);
  return (perOutcome && own(perOutcome, outcomeId)) ?? 0;
}

function round1(x: number): number {
  return Math.round(x * 10) / 10;
}
