// Scores -> reasons in the source article's own words. The engine only ever quotes
// passages that the validator proved are verbatim in the shipped source text.

import { describeAnswer } from "./answers";
import { own } from "./own";
import type { Answer, Question, Quiz } from "./schema";
import { pointsFor, type Scores, type TraitScore } from "./score";

export type Quote = {
  /** Exact text from the source document. */
  quote: string;
  passage: string;
  source: { title: string; author: string; date: string; url?: string };
};

export type Reason = Quote & {
  trait: string;
  /** The outcome this trait points to. */
  outcome: string;
  /** Points of lead this trait gives `outcome` over the other contenders (negative when a balanced side's best trait still trails). */
  impact: number;
  /** The taker's answers that moved this trait toward `outcome` (gave it more points on it than any other outcome), in quiz order. */
  answers: { question: string; prompt: string; answer: string }[];
};

export type ComparisonRow = {
  id: string;
  label: string;
  scored: boolean;
  quotes: Record<string, Quote>;
};

export function quotePassage(quiz: Quiz, passageId: string): Quote {
  const passage = quiz.passages.find((p) => p.id === passageId);
  const source = quiz.sources.find((s) => s.id === passage?.source);
  if (!passage || !source) throw new Error(`quiz "${quiz.id}" has no passage "${passageId}"`);
  const { title, author, date, url } = source;
  return {
    quote: passage.text,
    passage: passage.id,
    source: url ? { title, author, date, url } : { title, author, date },
  };
}

/**
 * One reason per trait, for the outcome it favours among the contenders (the winner and
 * the runner-up, or every side of a balanced result), strongest first. A trait that is
 * even gives a reason to each side; a balanced result has a reason for every side.
 */
export function explain(quiz: Quiz, scores: Scores): Reason[] {
  const contenders =
    scores.recommendation.kind === "balanced"
      ? scores.recommendation.outcomes
      : scores.ranking.slice(0, 2).map((r) => r.outcome);
  const score = (trait: TraitScore, outcome: string) => trait.scores[outcome] ?? 0;
  const lead = (trait: TraitScore, outcome: string) =>
    trait.weight *
    (score(trait, outcome) -
      Math.max(0, ...contenders.filter((o) => o !== outcome).map((o) => score(trait, o))));

  const reasons: Reason[] = [];
  for (const trait of scores.traits.filter((t) => t.weight > 0)) {
    const best = Math.max(...contenders.map((o) => score(trait, o)));
    for (const outcome of contenders) {
      if (best > 0 && score(trait, outcome) === best) {
        reasons.push(reasonFor(quiz, scores, trait.trait, outcome, lead(trait, outcome)));
      }
    }
  }
  if (scores.recommendation.kind === "balanced") {
    for (const outcome of contenders) {
      if (reasons.some((r) => r.outcome === outcome)) continue;
      // Every trait leaned the other way: this side's strongest trait still explains it.
      const strongest = scores.traits.reduce((a, b) =>
        score(b, outcome) > score(a, outcome) ? b : a,
      );
      if (score(strongest, outcome) > 0) {
        reasons.push(reasonFor(quiz, scores, strongest.trait, outcome, lead(strongest, outcome)));
      }
    }
  }
  return reasons
    .map((r) => ({ ...r, impact: Math.round(r.impact * 10) / 10 }))
    .sort((a, b) => b.impact - a.impact);
}

function reasonFor(
  quiz: Quiz,
  scores: Scores,
  traitId: string,
  outcomeId: string,
  impact: number,
): Reason {
  const outcome = quiz.outcomes.find((o) => o.id === outcomeId);
  const passage = outcome && own(outcome.passages, traitId);
  if (!passage) throw new Error(`outcome "${outcomeId}" has no passage for trait "${traitId}"`);
  const others = quiz.outcomes.map((o) => o.id).filter((id) => id !== outcomeId);
  // An answer moved this trait toward the outcome only if it gave the outcome more points
  // on it than it gave any other: a scale's "Agree" that still gives this side a quarter
  // of its points, and the other side three quarters, leans the other way.
  const leansToward = (question: Question, answer: Answer) => {
    const points = pointsFor(question, answer, traitId, outcomeId);
    return points > 0 && others.every((o) => pointsFor(question, answer, traitId, o) < points);
  };
  const answers = quiz.questions.flatMap((question) => {
    const answer = own(scores.answers, question.id);
    if (answer === undefined) return [];
    // Of several ticks, name only those that each lean toward this outcome on this trait.
    const moving = Array.isArray(answer)
      ? answer.filter((id) => leansToward(question, [id]))
      : answer;
    if (Array.isArray(moving) ? moving.length === 0 : !leansToward(question, moving)) return [];
    return [
      { question: question.id, prompt: question.prompt, answer: describeAnswer(question, moving) },
    ];
  });
  return { ...quotePassage(quiz, passage), trait: traitId, outcome: outcomeId, impact, answers };
}

export function compare(quiz: Quiz): ComparisonRow[] {
  return quiz.comparison.map((row) => ({
    id: row.id,
    label: row.label,
    scored: row.scored,
    quotes: Object.fromEntries(
      Object.entries(row.passages).map(([outcome, p]) => [outcome, quotePassage(quiz, p)]),
    ),
  }));
}

/** How many reasons a result leads with: the strongest few, not one per trait. */
export const KEY_REASONS = 3;

/**
 * The reasons a result shows: those for the recommended outcomes that name at least one
 * answer, strongest first, at most KEY_REASONS. A balanced result's best reason for each
 * side is kept before any second reason for either.
 */
export function keyReasons(reasons: readonly Reason[], leaders: readonly string[]): Reason[] {
  const named = reasons.filter((r) => leaders.includes(r.outcome) && r.answers.length > 0);
  const best = leaders.flatMap((o) => named.find((r) => r.outcome === o) ?? []);
  const rest = named.filter((r) => !best.includes(r));
  return [...best, ...rest].slice(0, KEY_REASONS).sort((a, b) => b.impact - a.impact);
}

/**
 * A passage cut after its first sentence: the short quote a reason shows, and the rest
 * ("" for a passage of one sentence). The two put together are the passage exactly.
 */
export function splitQuote(text: string): { short: string; rest: string } {
  const first = /^[\s\S]+?[.!?](?=\s+\S)/.exec(text)?.[0];
  if (!first) return { short: text, rest: "" };
  return { short: first, rest: text.slice(first.length).trimStart() };
}
