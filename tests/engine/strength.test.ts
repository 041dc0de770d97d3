// How strongly a result leans, and the result of answers that score nothing.
import { describe, expect, it } from "vitest";
import { evaluate } from "../../src/engine/result";
import { buildQuiz } from "../helpers/build-quiz";

const optionalQuiz = (tieMargin: number) => {
  const quiz = buildQuiz({ scoring: { traitWeights: { a: 1, b: 1 }, tieMargin } });
  return { ...quiz, questions: quiz.questions.map((q) => ({ ...q, required: false })) };
};

describe("strength", () => {
  it("with a tie margin of 0, measures leads in steps of 5 points, so a 1-point lead is slight", () => {
    const quiz = buildQuiz({
      scoring: { traitWeights: { a: 1, b: 1 }, tieMargin: 0 },
      questions: [
        {
          id: "q1",
          type: "single",
          prompt: "Q1?",
          options: [
            { id: "o1", label: "One", weights: { a: { x: 100, y: 99 } } },
            { id: "o2", label: "Two", weights: { a: { y: 100 } } },
            { id: "o3", label: "Three", weights: { a: { x: 100 } } },
          ],
        },
      ],
    });
    const strengths = [
      [{ q1: "o1" }, "slight"],
      [{ q1: "o3" }, "strong"],
    ] as const;
    for (const [answers, strength] of strengths) {
      const result = evaluate(quiz, answers);
      expect(result.recommendation).toMatchObject({ kind: "outcome", outcome: "x" });
      expect(result.strength, JSON.stringify([answers, result.margin])).toBe(strength);
    }
    expect(evaluate(quiz, { q1: "o1" }).margin).toBe(1);
  });

  it("keeps the tie margin as the step when it is above 0", () => {
    const result = evaluate(optionalQuiz(5), { q1: "o1", q2: "o1", q3: 1 });
    expect(result.strength).toBe("strong");
  });
});

describe("answers that score nothing", () => {
  it("give no recommendation, no strength, no reasons and no conclusion", () => {
    for (const answers of [{}, { q9: "o1" }, JSON.parse('{"__proto__": "o1"}')]) {
      const result = evaluate(optionalQuiz(5), answers);
      expect(result.recommendation).toEqual({ kind: "none" });
      expect(result.strength).toBe("none");
      expect(result.reasons).toEqual([]);
      expect(result).not.toHaveProperty("conclusion");
      expect(result.answers).toEqual({});
    }
  });

  it("still recommend as before once one answer scores", () => {
    const result = evaluate(optionalQuiz(5), { q2: "o1" });
    expect(result.recommendation).toMatchObject({ kind: "outcome", outcome: "x" });
    expect(result.reasons.length).toBeGreaterThan(0);
  });
});
