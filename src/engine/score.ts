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

  const earned = (traitId: string, outcomeId: string) => {
    let points = 0;
    let possible = 0;
    for (const question of quiz.questions) {
      const answer = counted[question.id];
      if (answer === undefined) continue;
      points += pointsFor(question, answer, traitId, outcomeId);
      possible += mostPointsFor(question, traitId, outcomeId);
    }
    return { points, possible };
  };

  const raw = quiz.traits.map((trait) => {
    const perOutcome = outcomeIds.map((outcomeId) => earned(trait.id, outcomeId));
    const touched = perOutcome.some((e) => e.possible > 0);
    const scores = Object.fromEntries(
      outcomeIds.map((id, i) => {
        const e = perOutcome[i] ?? { points: 0, possible: 0 };
        return [id, e.possible > 0 ? (100 * e.points) / e.possible : 0];
      }),
    );
    return {
      trait: trait.id,
      scores,
      weight: touched ? (quiz.scoring.traitWeights[trait.id] ?? 0) : 0,
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

/** Points an answer gives one outcome on one trait. */
export function pointsFor(
  question: Question,
  answer: Answer,
  traitId: string,
  outcomeId: string,
): number {
  const w = (weights: Weights) => weights[traitId]?.[outcomeId] ?? 0;
  switch (question.type) {
    case "single":
      return question.options.reduce((sum, o) => (o.id === answer ? sum + w(o.weights) : sum), 0);
    case "multiple":
      return question.options.reduce(
        (sum, o) => (Array.isArray(answer) && answer.includes(o.id) ? sum + w(o.weights) : sum),
        0,
      );
    case "scale": {
      // Points slide linearly from `disagree` at the first point to `agree` at the last.
      const agreement = (Number(answer) - 1) / (question.labels.length - 1);
      return agreement * w(question.agree) + (1 - agreement) * w(question.disagree);
    }
  }
}

/** The most points any answer to this question could give one outcome on one trait. */
export function mostPointsFor(question: Question, traitId: string, outcomeId: string): number {
  const w = (weights: Weights) => weights[traitId]?.[outcomeId] ?? 0;
  switch (question.type) {
    case "single":
      return Math.max(0, ...question.options.map((o) => w(o.weights)));
    case "multiple":
      return question.options
        .map((o) => w(o.weights))
        .sort((a, b) => b - a)
        .slice(0, question.maxChoices)
        .reduce((sum, x) => sum + x, 0);
    case "scale":
      return Math.max(w(question.agree), w(question.disagree));
  }
}

function round1(x: number): number {
  return Math.round(x * 10) / 10;
}
