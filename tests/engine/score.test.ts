import { describe, expect, it } from "vitest";
import { mostPointsFor, pointsFor, scoreAnswers } from "../../src/engine/score";
import { buildQuiz } from "../helpers/build-quiz";

const quiz = buildQuiz();
const score = (answers: Parameters<typeof scoreAnswers>[1]) => scoreAnswers(quiz, answers);

describe("scoreAnswers", () => {
  it("divides each trait's points by the most its answered questions could give", () => {
    const s = score({ q1: "o1", q2: "o2" });
    // a: x earned 2 of 2, y earned 0 of 1; b: x 0 of 1, y 1 of 1.
    expect(s.traits).toEqual([
      { trait: "a", weight: 0.25, scores: { x: 100, y: 0 } },
      { trait: "b", weight: 0.75, scores: { x: 0, y: 100 } },
    ]);
    expect(s.ranking).toEqual([
      { outcome: "y", score: 75 },
      { outcome: "x", score: 25 },
    ]);
    expect(s.recommendation).toEqual({ kind: "outcome", outcome: "y" });
    expect(s.margin).toBe(50);
  });

  it("slides a scale answer linearly between its disagree and agree points", () => {
    const s = score({ q1: "o1", q2: "o2", q3: 3 });
    // a: x = (2 + 0.5*2) / (2 + 2) = 75; y = (0 + 0.5*2) / (1 + 2) = 33.3.
    expect(s.traits[0]?.scores.x).toBe(75);
    expect(s.traits[0]?.scores.y).toBeCloseTo(33.33, 2);
    expect(s.ranking).toEqual([
      { outcome: "y", score: 83.3 },
      { outcome: "x", score: 18.8 },
    ]);
  });

  it("counts a trait by its weight, not by how many questions touch it", () => {
    const many = Array.from({ length: 6 }, (_, i) => ({
      id: `a${i}`,
      type: "single",
      prompt: "?",
      options: [
        { id: "x", label: "x", weights: { a: { x: 1 } } },
        { id: "y", label: "y", weights: { a: { y: 1 } } },
      ],
    }));
    const lopsided = buildQuiz({
      questions: [
        ...many,
        {
          id: "b0",
          type: "single",
          prompt: "?",
          options: [
            { id: "x", label: "x", weights: { b: { x: 1 } } },
            { id: "y", label: "y", weights: { b: { y: 1 } } },
          ],
        },
      ],
      scoring: { traitWeights: { a: 1, b: 1 }, tieMargin: 5 },
    });
    const answers = Object.fromEntries([...many.map((q) => [q.id, "x"]), ["b0", "y"]]);
    const s = scoreAnswers(lopsided, answers);
    expect(s.ranking.map((r) => r.score)).toEqual([50, 50]);
    expect(s.recommendation).toEqual({ kind: "balanced", outcomes: ["x", "y"] });
  });

  it("leaves out traits that no answered question touches", () => {
    const s = score({ q3: 3 });
    expect(s.traits.map((t) => t.weight)).toEqual([1, 0]);
    expect(s.ranking.map((r) => r.score)).toEqual([50, 50]);
  });

  it("calls a lead under the tie margin balanced, and a lead at the margin a win", () => {
    const tied = buildQuiz({ scoring: { traitWeights: { a: 1, b: 3 }, tieMargin: 50.1 } });
    expect(scoreAnswers(tied, { q1: "o1", q2: "o2" }).recommendation).toEqual({
      kind: "balanced",
      outcomes: ["y", "x"],
    });
    const atMargin = buildQuiz({ scoring: { traitWeights: { a: 1, b: 3 }, tieMargin: 50 } });
    expect(scoreAnswers(atMargin, { q1: "o1", q2: "o2" }).recommendation).toEqual({
      kind: "outcome",
      outcome: "y",
    });
  });

  it("never lets the file's order decide an exact tie, even with a tie margin of 0", () => {
    const noMargin = buildQuiz({ scoring: { traitWeights: { a: 1, b: 1 }, tieMargin: 0 } });
    const s = scoreAnswers(noMargin, { q3: 3 });
    expect(s.recommendation.kind).toBe("balanced");
    expect(s.margin).toBe(0);
  });

  it("ignores answers to hidden questions, malformed answers and unknown questions", () => {
    const gated = buildQuiz({
      questions: [
        ...buildQuiz().questions.slice(0, 2),
        { ...buildQuiz().questions[2], showIf: [{ question: "q1", anyOf: ["o2"] }] },
      ],
    });
    const hidden = scoreAnswers(gated, { q1: "o1", q2: "o2", q3: 5 });
    expect(hidden.answers).toEqual({ q1: "o1", q2: "o2" });
    expect(hidden.ranking).toEqual(score({ q1: "o1", q2: "o2" }).ranking);
    expect(score({ q1: "nope", q2: ["o1"], q3: 9, zzz: "o1" }).answers).toEqual({});
  });

  it("scores nothing at all as an exact tie at zero", () => {
    const s = score({});
    expect(s.ranking.map((r) => r.score)).toEqual([0, 0]);
    expect(s.recommendation.kind).toBe("balanced");
  });

  it("reads only a quiz's own weights, never what every object inherits", () => {
    const [q1] = quiz.questions;
    if (!q1) throw new Error("no question");
    // ({}).constructor.length is 1: a plain lookup would score a point from nowhere.
    expect(pointsFor(q1, "o1", "constructor", "length")).toBe(0);
    expect(mostPointsFor(q1, "constructor", "length")).toBe(0);
  });
});
