// Words the views share, so each idea is phrased one way everywhere.
import type { Result } from "../engine/result";
import type { Quiz } from "../engine/schema";

export function outcomeName(quiz: Quiz, id: string): string {
  const outcome = quiz.outcomes.find((o) => o.id === id);
  return outcome?.shortLabel ?? outcome?.label ?? id;
}

export function headline(quiz: Quiz, result: Result): string {
  const r = result.recommendation;
  if (r.kind === "none") return NOTHING_TO_SCORE.title;
  return r.kind === "outcome"
    ? `${outcomeName(quiz, r.outcome)} fits you best`
    : `Your answers are balanced between ${r.outcomes.map((o) => outcomeName(quiz, o)).join(" and ")}`;
}

/** A result with no answer that counts (every question optional, and none answered). */
export const NOTHING_TO_SCORE = {
  title: "There is nothing to score yet",
  body: "None of your answers gave points to any course, so there is no result to show. Go back and answer a few questions to see which course fits you.",
};

/** How strongly the result leans, in words, with the scores as whole numbers. */
export function leaning(quiz: Quiz, result: Result): string {
  const [first, second] = result.scores;
  if (!first || !second || result.recommendation.kind === "none") return "";
  const figures = `${formatScore(first.score)} to ${formatScore(second.score)} out of 100`;
  if (result.recommendation.kind === "balanced") {
    return `Neither leads by ${formatScore(quiz.scoring.tieMargin)} points or more (${figures}), so either fits what you told us.`;
  }
  const how = { strong: "strongly", clear: "clearly", slight: "slightly" } as const;
  const word = result.strength in how ? how[result.strength as keyof typeof how] : "slightly";
  return `Your answers lean ${word} toward ${outcomeName(quiz, first.outcome)}: ${figures}.`;
}

/** A score as people read it: a whole number (tenths of a point are false precision). */
export function formatScore(score: number): string {
  return String(Math.round(score));
}

const DATE = new Intl.DateTimeFormat("en-US", {
  year: "numeric",
  month: "long",
  day: "numeric",
  timeZone: "UTC",
});

/** A YYYY-MM-DD date as "June 1, 2023", whatever the visitor's locale or time zone. */
export function formatDate(iso: string): string {
  return DATE.format(new Date(`${iso}T00:00:00Z`));
}
