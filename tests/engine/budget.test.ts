// The validator's searches have one work budget: a hostile quiz is checked in bounded
// work, and a check the budget cut short says so as a warning instead of refusing the quiz.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { Budget, VALIDATION_BUDGET } from "../../src/engine/budget";
import { fairness, findWinningAnswers } from "../../src/engine/fairness";
import { evaluate } from "../../src/engine/result";
import type { Quiz } from "../../src/engine/schema";
import { validateQuiz } from "../../src/engine/validate";
import { HOSTILE_SOURCE, type HostileShape, hostileQuiz } from "../helpers/hostile-quiz";

const validate = (shape: HostileShape, budget?: Budget) =>
  validateQuiz(JSON.stringify(hostileQuiz(shape)), {
    fileName: "hostile.json",
    loadSource: () => HOSTILE_SOURCE,
    ...(budget ? { budget } : {}),
  });

function valid(shape: HostileShape): Quiz {
  const validation = validate(shape, new Budget(VALIDATION_BUDGET / 20));
  if (!validation.ok) throw new Error(JSON.stringify(validation.problems.slice(0, 3)));
  return validation.quiz;
}

describe("the work budget", () => {
  it("accepts a 1,000-question, 6-outcome quiz whose first options make o0 win, and scores it", () => {
    const shape = { outcomes: 6, traits: 2, questions: 1000, options: 3 };
    expect(JSON.stringify(hostileQuiz(shape)).length).toBeGreaterThan(200_000);
    const validation = validate(shape);
    if (!validation.ok) throw new Error(JSON.stringify(validation.problems.slice(0, 3)));
    // o3 to o5 get points from no option: no answers were found that make them win, and
    // that is a warning, not a verdict.
    expect(validation.warnings.map((w) => [w.pointer, w.code, w.message])).toEqual(
      [3, 4, 5].map((i) => [
        `/outcomes/${i}`,
        "outcome-not-shown-reachable",
        `"o${i}" was not shown to be reachable within the budget: no answers tried made it win`,
      ]),
    );
    const first = Object.fromEntries(validation.quiz.questions.map((q) => [q.id, "a0"]));
    const result = evaluate(validation.quiz, first);
    expect(result.recommendation).toMatchObject({ kind: "outcome", outcome: "o0" });
    expect(result.scores[0]).toMatchObject({ outcome: "o0", score: 100 });
  });

  it("never spends more than it was given, and says when it ran out", () => {
    const quiz = valid({
      outcomes: 12,
      traits: 12,
      questions: 30,
      options: 12,
      unreachable: true,
    });
    for (const units of [0, 1_000, 100_000]) {
      const budget = new Budget(units);
      expect(findWinningAnswers(quiz, "o1", budget)).toEqual({ kind: "unknown" });
      expect(budget.left).toBeGreaterThanOrEqual(0);
      expect(budget.exhausted).toBe(true);
    }
    const report = fairness(quiz, undefined, new Budget(100_000));
    expect(report).toMatchObject({ method: "sampled", cutShort: true });
    expect(report.answerSets).toBeLessThan(20_000);
    expect(Object.values(report.wins).every(Number.isFinite)).toBe(true);
  });

  it("still proves an outcome unreachable when every answer set fits in the budget", () => {
    // Three options, each giving o0 2 points and one other outcome 1: o1 and o2 never win.
    const shape = { outcomes: 3, traits: 1, questions: 3, options: 3, unreachable: true };
    const validation = validate(shape);
    expect(validation.ok).toBe(false);
    expect(validation.problems.map((p) => [p.pointer, p.code])).toEqual([
      ["/outcomes/1", "outcome-unreachable"],
      ["/outcomes/2", "outcome-unreachable"],
    ]);
  });

  it("shows every outcome of a large quiz reachable within the budget when each can win", () => {
    const shape = { outcomes: 6, traits: 4, questions: 40, options: 12 };
    const validation = validate(shape);
    expect(validation).toMatchObject({ ok: true, warnings: [] });
  });

  // The fuzz target: quizzes shaped for the validator's worst case. Each is checked with
  // a small budget here (so that 1,000 of them run in seconds), and the test proves the
  // bound holds: whatever the shape, nothing is refused for want of budget, and no search
  // spends more than it was given. How long a full budget takes in seconds is measured by
  // `npm run bench`, on the worst shapes, through the CLI.
  it("checks 1,000 worst-case quizzes within the budget, never refusing one for it", () => {
    const shapes = fc
      .record({
        outcomes: fc.integer({ min: 2, max: 40 }),
        traits: fc.integer({ min: 1, max: 40 }),
        questions: fc.integer({ min: 1, max: 60 }),
        options: fc.integer({ min: 2, max: 31 }),
        chain: fc.integer({ min: 0, max: 59 }),
        unreachable: fc.boolean(),
      })
      .filter((s) => s.questions * s.options >= s.traits); // else some trait is never moved
    fc.assert(
      fc.property(shapes, (shape) => {
        const budget = new Budget(50_000);
        const validation = validate(shape, budget);
        expect(budget.left).toBeGreaterThanOrEqual(0);
        if (!validation.ok) {
          // Only a proof refuses an outcome: never a search that ran out.
          expect(validation.problems.map((p) => p.code)).toEqual(
            validation.problems.map(() => "outcome-unreachable"),
          );
          return;
        }
        // A warning only ever comes from a search that ran out.
        expect(budget.exhausted || validation.warnings.length === 0).toBe(true);
        const fair = new Budget(50_000);
        const report = fairness(validation.quiz, undefined, fair);
        expect(fair.left).toBeGreaterThanOrEqual(0);
        expect(report.cutShort || report.method === "exact" || report.answerSets === 20_000).toBe(
          true,
        );
      }),
      { numRuns: 1_000, seed: 7 },
    );
  }, 180_000);
});
