import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  answerValues,
  compileQuiz,
  scoreCompiled,
  scoreValues,
  scoreWithDecisive,
  toScores,
} from "../../src/engine/compile";
import type { Answer, Quiz } from "../../src/engine/schema";
import { scoreAnswers } from "../../src/engine/score";
import { arbitraryAnswers } from "../helpers/arbitraries";
import { buildQuiz } from "../helpers/build-quiz";
import { loadQuiz } from "../helpers/quiz";

/** Three outcomes, a multiple choice shown by a scale point, a single shown by a tick. */
const branching = buildQuiz({
  outcomes: [
    { id: "x", label: "X", summary: "X.", passages: { a: "x-why", b: "x-why" } },
    { id: "y", label: "Y", summary: "Y.", passages: { a: "y-why", b: "y-why" } },
    { id: "z", label: "Z", summary: "Z.", passages: { a: "both", b: "both" } },
  ],
  questions: [
    {
      id: "q1",
      type: "scale",
      prompt: "Q1?",
      required: false,
      labels: ["1", "2", "3", "4", "5"],
      agree: { a: { y: 3, z: 1 } },
      disagree: { a: { x: 3 } },
    },
    {
      id: "q2",
      type: "multiple",
      prompt: "Q2?",
      minChoices: 1,
      maxChoices: 2,
      showIf: [{ question: "q1", atLeast: 3 }],
      options: [
        { id: "o1", label: "1", weights: { b: { x: 1.5 } } },
        { id: "o2", label: "2", weights: { b: { y: 0.7, z: 0.3 } } },
        { id: "o3", label: "3", weights: { b: { z: 1.1 }, a: { x: 0.1 } } },
      ],
    },
    {
      id: "q3",
      type: "single",
      prompt: "Q3?",
      required: false,
      showIf: [{ question: "q2", anyOf: ["o2", "o3"] }],
      options: [
        { id: "o1", label: "1", weights: { a: { x: 1 } } },
        { id: "o2", label: "2", weights: { b: { z: 2 } } },
      ],
    },
  ],
  scoring: { traitWeights: { a: 1, b: 2 }, tieMargin: 3 },
});

const QUIZZES: [string, Quiz][] = [
  ["the built-in quiz", loadQuiz()],
  ["the tiny quiz", buildQuiz()],
  ["a branching quiz with three outcomes", branching],
];

/** Answers as people give them, plus malformed ones the scorers must both ignore. */
function messyAnswers(quiz: Quiz): fc.Arbitrary<Record<string, Answer>> {
  const junk = fc.oneof(
    fc.constantFrom<Answer>("nope", 0, 99, 2.5, [], ["o1", "o1"], ["nope"], -1),
    fc.string().map((s) => s as Answer),
  );
  const ids = quiz.questions.map((q) => q.id);
  return fc
    .tuple(arbitraryAnswers(quiz), fc.dictionary(fc.constantFrom(...ids, "unknown"), junk))
    .map(([good, bad]) => ({ ...good, ...bad }));
}

describe("the compiled scorer", () => {
  for (const [name, quiz] of QUIZZES) {
    it(`agrees exactly with scoreAnswers on ${name}`, () => {
      fc.assert(
        fc.property(fc.oneof(arbitraryAnswers(quiz), messyAnswers(quiz)), (answers) => {
          expect(scoreCompiled(quiz, answers)).toEqual(scoreAnswers(quiz, answers));
        }),
        { numRuns: 1500 },
      );
    });

    it(`knows which answers were decisive on ${name}, as scoring without each would show`, () => {
      const compiled = compileQuiz(quiz);
      fc.assert(
        fc.property(arbitraryAnswers(quiz), (answers) => {
          const values = answerValues(compiled, answers);
          const { scores, decisive } = scoreWithDecisive(compiled, values);
          expect(toScores(compiled, scores)).toEqual(scoreAnswers(quiz, answers));
          const reference = scoreAnswers(quiz, answers);
          quiz.questions.forEach((question, i) => {
            const { [question.id]: _left, ...rest } = reference.answers;
            const without = scoreAnswers(quiz, rest).recommendation;
            const changed =
              question.id in reference.answers &&
              JSON.stringify(sorted(without)) !== JSON.stringify(sorted(reference.recommendation));
            expect(decisive[i] === 1, `question ${question.id}`).toBe(changed);
          });
        }),
        { numRuns: 500 },
      );
    });
  }

  it("counts nothing for values that do not fit, like the reference scorer", () => {
    const compiled = compileQuiz(branching);
    // q1 point 9 does not exist; q2 would tick 3 of at most 2.
    const scores = scoreValues(compiled, Int32Array.from([9, 7, 1]));
    expect(Array.from(scores.counted)).toEqual([0, 0, 0]);
    expect(toScores(compiled, scores)).toEqual(scoreAnswers(branching, {}));
  });
});

function sorted(r: { kind: string; outcome?: string; outcomes?: string[] }) {
  return r.kind === "balanced" ? { kind: r.kind, outcomes: [...(r.outcomes ?? [])].sort() } : r;
}
