import { readFileSync } from "node:fs";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { evaluate } from "../../src/engine/result";
import type { Answers, Quiz } from "../../src/engine/schema";
import { scoreAnswers } from "../../src/engine/score";
import { decodeAnswers } from "../../src/engine/share";
import { arbitraryAnswers } from "../helpers/arbitraries";
import { buildQuiz } from "../helpers/build-quiz";
import { loadQuiz } from "../helpers/quiz";

const quiz = loadQuiz();
const sourceText = readFileSync("quizzes/product-owner-101.txt", "utf8");

/** The same answers given in another order: other keys first, ticks reversed. */
function reorder(answers: Answers, order: number[]): Answers {
  const entries = Object.entries(answers).map(
    ([q, a]) => [q, Array.isArray(a) ? [...a].reverse() : a] as const,
  );
  return Object.fromEntries(order.map((i) => entries[i]).filter((e) => e !== undefined));
}

describe("evaluate on the CSM-vs-CSPO quiz", () => {
  it("quotes only text found word for word in the shipped source", () => {
    fc.assert(
      fc.property(arbitraryAnswers(quiz), (answers) => {
        const result = evaluate(quiz, answers);
        const quotes = [
          ...result.reasons,
          ...(result.conclusion ? [result.conclusion] : []),
          ...result.comparison.flatMap((row) => Object.values(row.quotes)),
        ];
        for (const q of quotes) expect(sourceText).toContain(q.quote);
      }),
      { numRuns: 300 },
    );
  });

  it("gives every reason the passage its outcome names for its trait", () => {
    fc.assert(
      fc.property(arbitraryAnswers(quiz), (answers) => {
        for (const reason of evaluate(quiz, answers).reasons) {
          const outcome = quiz.outcomes.find((o) => o.id === reason.outcome);
          expect(reason.passage).toBe(outcome?.passages[reason.trait]);
        }
      }),
      { numRuns: 300 },
    );
  });

  it("does not depend on the order in which answers were given", () => {
    const answersWithOrder = arbitraryAnswers(quiz).chain((answers) =>
      fc.tuple(
        fc.constant(answers),
        fc.shuffledSubarray(
          Object.keys(answers).map((_, i) => i),
          { minLength: Object.keys(answers).length },
        ),
      ),
    );
    fc.assert(
      fc.property(answersWithOrder, ([answers, order]) => {
        expect(evaluate(quiz, reorder(answers, order))).toEqual(evaluate(quiz, answers));
      }),
      { numRuns: 300 },
    );
  });

  it("keeps scores within 0..100 and the margin equal to the lead", () => {
    fc.assert(
      fc.property(arbitraryAnswers(quiz), (answers) => {
        const { scores, margin, recommendation, breakdown } = evaluate(quiz, answers);
        for (const s of scores) expect(s.score).toBeGreaterThanOrEqual(0);
        for (const s of scores) expect(s.score).toBeLessThanOrEqual(100);
        expect(margin).toBeCloseTo((scores[0]?.score ?? 0) - (scores[1]?.score ?? 0), 5);
        expect(recommendation.kind === "balanced").toBe(
          margin < quiz.scoring.tieMargin || margin === 0,
        );
        const weights = breakdown.reduce((sum, t) => sum + t.weight, 0);
        expect([0, 1]).toContain(Math.round(weights * 100) / 100);
      }),
      { numRuns: 300 },
    );
  });

  it("never lowers an outcome's score when an answer it was given gives it more", () => {
    const change = arbitraryAnswers(quiz).chain((answers) =>
      fc.record({
        answers: fc.constant(answers),
        question: fc.constantFrom(
          ...quiz.questions.filter((q) => q.type !== "scale" && answers[q.id] !== undefined),
        ),
        trait: fc.constantFrom(...quiz.traits.map((t) => t.id)),
        outcome: fc.constantFrom(...quiz.outcomes.map((o) => o.id)),
        extra: fc.double({ min: 0.01, max: 10, noNaN: true }),
      }),
    );
    fc.assert(
      fc.property(change, ({ answers, question, trait, outcome, extra }) => {
        if (question.type === "scale") return;
        const chosen = ([] as string[]).concat(answers[question.id] as string | string[]);
        const raised = structuredClone(quiz) as Quiz;
        const target = raised.questions.find((q) => q.id === question.id);
        if (!target || target.type === "scale") return;
        const option = target.options.find((o) => o.id === chosen[0]);
        if (!option) return;
        option.weights[trait] = {
          ...option.weights[trait],
          [outcome]: (option.weights[trait]?.[outcome] ?? 0) + extra,
        };
        const before =
          scoreAnswers(quiz, answers).ranking.find((r) => r.outcome === outcome)?.score ?? 0;
        const after =
          scoreAnswers(raised, answers).ranking.find((r) => r.outcome === outcome)?.score ?? 0;
        expect(after).toBeGreaterThanOrEqual(before);
      }),
      { numRuns: 500 },
    );
  });

  it("carries a token that decodes to exactly the answers that counted", () => {
    fc.assert(
      fc.property(arbitraryAnswers(quiz), (answers) => {
        const result = evaluate(quiz, answers);
        expect(decodeAnswers(quiz, result.token)).toEqual({ ok: true, answers: result.answers });
      }),
      { numRuns: 200 },
    );
  });

  it("shows the article's comparison on all five of its dimensions, training unscored", () => {
    const { comparison } = evaluate(quiz, {});
    expect(comparison.map((row) => [row.id, row.scored])).toEqual([
      ["role", true],
      ["focus", true],
      ["training", false],
      ["audience", true],
      ["collaboration", true],
    ]);
    const training = comparison.find((row) => row.id === "training");
    for (const quote of Object.values(training?.quotes ?? {})) {
      expect(quote.quote).toMatch(
        /two-day .* Certified Scrum Trainer \(CST\) and pass an online exam/,
      );
    }
  });
});

describe("explanations", () => {
  const tiny = buildQuiz();

  it("names only the ticks that moved a trait toward the reason's outcome", () => {
    const result = evaluate(quiz, { own: ["vision", "events"], week: "deciding" });
    const role = result.reasons.filter((r) => r.trait === "role");
    expect(role.find((r) => r.outcome === "cspo")?.answers).toContainEqual({
      question: "own",
      prompt: "Which of these would you happily be answerable for?",
      answer: "The product vision",
    });
    expect(role.find((r) => r.outcome === "csm")?.answers ?? []).not.toContainEqual(
      expect.objectContaining({ answer: expect.stringContaining("vision") }),
    );
  });

  it("orders reasons by how much each trait moved the result, naming the answers that moved it", () => {
    const result = evaluate(tiny, { q1: "o1", q2: "o2" });
    expect(result.reasons.map((r) => [r.trait, r.outcome, r.impact])).toEqual([
      ["b", "y", 75],
      ["a", "x", 25],
    ]);
    expect(result.reasons[0]?.answers).toEqual([{ question: "q2", prompt: "Q2?", answer: "Two" }]);
    expect(result.reasons[0]).toMatchObject({
      quote: "Y suits people who shape products.",
      passage: "y-why",
      source: { title: "Source", author: "Author", date: "2024-01-01" },
    });
    expect(result.conclusion).toBeUndefined();
    expect(result.strength).toBe("strong");
  });

  it("explains both sides of a balanced result and quotes the conclusion", () => {
    const result = evaluate(tiny, { q3: 3 });
    expect(result.recommendation).toEqual({
      kind: "balanced",
      outcomes: ["x", "y"],
      labels: ["Outcome X", "Outcome Y"],
    });
    expect(new Set(result.reasons.map((r) => r.outcome))).toEqual(new Set(["x", "y"]));
    expect(result.conclusion?.quote).toBe("Both are fine.");
    expect(result.strength).toBe("balanced");
  });

  it("gives a balanced side a reason even when every trait leans slightly the other way", () => {
    const close = buildQuiz({ scoring: { traitWeights: { a: 1, b: 3 }, tieMargin: 60 } });
    const result = evaluate(close, { q1: "o1", q2: "o2" });
    expect(result.recommendation.kind).toBe("balanced");
    expect(new Set(result.reasons.map((r) => r.outcome))).toEqual(new Set(["x", "y"]));
  });

  it("names how strongly the result leans from the margin", () => {
    const strengths = [4.9, 5, 9.9, 10, 19.9, 20].map((tieMargin) =>
      evaluate(buildQuiz({ scoring: { traitWeights: { a: 1, b: 1 }, tieMargin } }), {
        q1: "o1",
        q2: "o2",
        q3: 2,
      }),
    );
    // The margin here is fixed by the answers; only the tie margin moves.
    expect(new Set(strengths.map((r) => r.margin)).size).toBe(1);
    expect(strengths.map((r) => r.strength)).toEqual(
      strengths.map(({ margin }, i) => {
        const tie = [4.9, 5, 9.9, 10, 19.9, 20][i] ?? 0;
        return margin < tie
          ? "balanced"
          : margin < 2 * tie
            ? "slight"
            : margin < 4 * tie
              ? "clear"
              : "strong";
      }),
    );
  });
});
