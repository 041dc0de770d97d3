// The one Result shape that the page, the embed's events, the CLI's --json and the
// summary all share.

import { scoreCompiled } from "./compile";
import {
  type ComparisonRow,
  compare,
  explain,
  type Quote,
  quotePassage,
  type Reason,
} from "./explain";
import type { Answer, Answers, Quiz } from "./schema";
import { encodeAnswers } from "./share";

export type Result = {
  quiz: { id: string; version: string; title: string };
  /** The answers that counted: shown questions, well-formed answers. */
  answers: Record<string, Answer>;
  /** Every outcome, highest score first; scores are 0..100. */
  scores: { outcome: string; label: string; score: number }[];
  /** Per trait: its share of the result (0..1) and each outcome's score on it (0..100). */
  breakdown: { trait: string; label: string; weight: number; scores: Record<string, number> }[];
  /** "none": no answer that counts gave any points (an all-optional quiz left blank). */
  recommendation:
    | { kind: "outcome"; outcome: string; label: string }
    | { kind: "balanced"; outcomes: string[]; labels: string[] }
    | { kind: "none" };
  /** The lead of the top outcome over the next, in points out of 100. */
  margin: number;
  /** How strongly the result leans, from the margin. */
  strength: "none" | "balanced" | "slight" | "clear" | "strong";
  reasons: Reason[];
  /** The source's closing words, quoted when the result is balanced. */
  conclusion?: Quote;
  comparison: ComparisonRow[];
  /** The answers as a share token, for `#r=<token>` links. */
  token: string;
};

export function evaluate(quiz: Quiz, answers: Answers): Result {
  // The compiled scorer gives the reference scorer's figures exactly (tests/engine/compile.test.ts).
  const scores = scoreCompiled(quiz, answers);
  const label = (id: string) => quiz.outcomes.find((o) => o.id === id)?.label ?? id;
  const { recommendation, margin } = scores;
  // Nothing scored: every outcome is at 0, which is no result at all, not a balance.
  const nothing = scores.traits.every((t) => t.weight === 0);
  return {
    quiz: { id: quiz.id, version: quiz.version, title: quiz.title },
    answers: scores.answers,
    scores: scores.ranking.map((r) => ({ ...r, label: label(r.outcome) })),
    breakdown: scores.traits.map((t) => ({
      trait: t.trait,
      label: quiz.traits.find((q) => q.id === t.trait)?.label ?? t.trait,
      weight: Math.round(t.weight * 1000) / 1000,
      scores: Object.fromEntries(
        Object.entries(t.scores).map(([o, s]) => [o, Math.round(s * 10) / 10]),
      ),
    })),
    recommendation: nothing
      ? { kind: "none" }
      : recommendation.kind === "outcome"
        ? { ...recommendation, label: label(recommendation.outcome) }
        : { ...recommendation, labels: recommendation.outcomes.map(label) },
    margin,
    strength: nothing
      ? "none"
      : recommendation.kind === "balanced"
        ? "balanced"
        : strengthOf(quiz, margin),
    reasons: nothing ? [] : explain(quiz, scores),
    ...(recommendation.kind === "balanced" && !nothing
      ? { conclusion: quotePassage(quiz, quiz.conclusion) }
      : {}),
    comparison: compare(quiz),
    token: encodeAnswers(quiz, scores.answers),
  };
}

/** With a tie margin of 0, strengths are measured in steps of this many points. */
const STRENGTH_STEP = 5;

/**
 * A lead under the tie margin is balanced; then slight up to twice it, clear up to four
 * times it, else strong. A tie margin of 0 (any lead decides) would make every lead
 * strong, so then the steps are STRENGTH_STEP points: slight under 10, clear under 20.
 */
function strengthOf(quiz: Quiz, margin: number): Result["strength"] {
  const tie = quiz.scoring.tieMargin;
  const step = tie > 0 ? tie : STRENGTH_STEP;
  if (margin < tie) return "balanced";
  if (margin < 2 * step) return "slight";
  if (margin < 4 * step) return "clear";
  return "strong";
}
