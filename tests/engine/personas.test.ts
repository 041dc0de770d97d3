import { describe, expect, it } from "vitest";
import { fairness } from "../../src/engine/fairness";
import { evaluate } from "../../src/engine/result";
import { loadQuiz } from "../helpers/quiz";
import { personas } from "./personas";

const quiz = loadQuiz();

describe("the CSM-vs-CSPO quiz", () => {
  it.each(personas)("puts $name where the article does ($expected)", ({ answers, expected }) => {
    const result = evaluate(quiz, answers);
    expect(Object.keys(result.answers)).toEqual(Object.keys(answers));
    if (expected === "balanced") {
      expect(result.recommendation).toMatchObject({
        kind: "balanced",
        outcomes: expect.arrayContaining(["csm", "cspo"]),
      });
      expect(new Set(result.reasons.map((r) => r.outcome))).toEqual(new Set(["csm", "cspo"]));
      expect(result.conclusion?.passage).toBe("conclusion");
    } else {
      expect(result.recommendation).toMatchObject({ kind: "outcome", outcome: expected });
      expect(result.reasons[0]?.outcome).toBe(expected);
    }
  });

  it("asks 10 to 14 questions and covers every trait with several of them", () => {
    expect(quiz.questions.length).toBeGreaterThanOrEqual(10);
    expect(quiz.questions.length).toBeLessThanOrEqual(14);
    for (const trait of quiz.traits) {
      const touching = quiz.questions.filter((q) =>
        q.type === "scale"
          ? trait.id in q.agree || trait.id in q.disagree
          : q.options.some((o) => trait.id in o.weights),
      );
      expect(touching.length, trait.id).toBeGreaterThanOrEqual(4);
    }
  });

  it("favours neither outcome under random answers", () => {
    const report = fairness(quiz);
    const csm = report.wins.csm ?? 0;
    const cspo = report.wins.cspo ?? 0;
    expect(Math.abs(csm - cspo)).toBeLessThanOrEqual(0.1);
    expect(csm + cspo + report.balanced).toBeCloseTo(1, 3);
    expect(report.highest.csm).toBeGreaterThan(80);
    expect(report.highest.cspo).toBeGreaterThan(80);
  });
});
