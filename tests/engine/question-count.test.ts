// The range of question counts the intro promises: the fewest and the most a person can
// be shown, worked out from the show-if branches and checked against real answer sets.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { visibleQuestions } from "../../src/engine/answers";
import { questionCount } from "../../src/engine/question-count";
import { arbitraryAnswers } from "../helpers/arbitraries";
import { buildQuiz } from "../helpers/build-quiz";
import { loadQuiz } from "../helpers/quiz";

const single = (id: string, showIf?: unknown) => ({
  id,
  type: "single",
  prompt: `${id}?`,
  ...(showIf ? { showIf } : {}),
  options: [
    { id: "o1", label: "One", weights: { a: { x: 1 } } },
    { id: "o2", label: "Two", weights: { a: { y: 1 } } },
  ],
});

describe("questionCount", () => {
  it('gives 12 to 13 for the shipped quiz: one question follows only "Something else"', () => {
    expect(questionCount(loadQuiz())).toEqual({ min: 12, max: 13 });
  });

  it("gives one number when nothing branches", () => {
    expect(questionCount(buildQuiz())).toEqual({ min: 3, max: 3 });
  });

  it("never counts two branches that exclude each other as both shown", () => {
    const quiz = buildQuiz({
      questions: [
        single("q1"),
        single("if-one", [{ question: "q1", anyOf: ["o1"] }]),
        single("if-two", [{ question: "q1", anyOf: ["o2"] }]),
      ],
    });
    // Counting every conditional question would promise 3; at most 2 are ever shown.
    expect(questionCount(quiz)).toEqual({ min: 2, max: 2 });
  });

  it("follows chains and scale ranges", () => {
    const quiz = buildQuiz({
      questions: [
        single("q1"),
        single("q2", [{ question: "q1", anyOf: ["o1"] }]),
        single("q3", [{ question: "q2", anyOf: ["o2"] }]),
        {
          id: "s",
          type: "scale",
          prompt: "S?",
          labels: ["1", "2", "3", "4", "5"],
          agree: { a: { x: 1 } },
          disagree: { a: { y: 1 } },
        },
        single("q5", [{ question: "s", atLeast: 4 }]),
      ],
    });
    expect(questionCount(quiz)).toEqual({ min: 2, max: 5 });
  });

  it("holds every count a real answer set gives, and reaches both ends", () => {
    const quiz = loadQuiz();
    const { min, max } = questionCount(quiz);
    const seen = new Set<number>();
    fc.assert(
      fc.property(arbitraryAnswers(quiz), (answers) => {
        const shown = visibleQuestions(quiz, answers).length;
        seen.add(shown);
        expect(shown).toBeGreaterThanOrEqual(min);
        expect(shown).toBeLessThanOrEqual(max);
      }),
      { numRuns: 300 },
    );
    expect([...seen].sort()).toEqual([min, max]);
  });
});
