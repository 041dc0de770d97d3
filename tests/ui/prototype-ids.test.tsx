// @vitest-environment jsdom
// Ids are any lower-case word, and Object.prototype's names are words too. A quiz whose
// question, option, trait and outcome ids are such names runs like any other: in the
// machine and the views, in the Result, and in the CLI. Of those names the id rule
// accepts only "constructor" as it is spelled (ids are lower case, without "_"), so the
// others come lower-cased; answers and tokens, which carry any key, get them as spelled.
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { cleanup, screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { visibleQuestions } from "../../src/engine/answers";
import { own } from "../../src/engine/own";
import { evaluate } from "../../src/engine/result";
import type { Answer, Answers } from "../../src/engine/schema";
import { coursefit, TIMEOUT } from "../cli/run";
import { buildQuiz, SOURCE_TEXT } from "../helpers/build-quiz";
import { clickNext, labelsFor, questionHeading, renderApp } from "./support";

const NAMES = [
  "constructor",
  "tostring",
  "valueof",
  "hasownproperty",
  "isprototypeof",
  "propertyisenumerable",
  "tolocalestring",
];

const definition = {
  traits: [
    { id: "constructor", label: "Trait C" },
    { id: "valueof", label: "Trait V" },
  ],
  outcomes: [
    {
      id: "constructor",
      label: "Outcome C",
      summary: "C.",
      passages: { constructor: "x-why", valueof: "x-why" },
    },
    {
      id: "tostring",
      label: "Outcome T",
      summary: "T.",
      passages: { constructor: "y-why", valueof: "y-why" },
    },
  ],
  questions: NAMES.slice(0, 4).map((id, i) => ({
    id,
    type: i === 3 ? "multiple" : "single",
    ...(i === 3 ? { maxChoices: 2 } : {}),
    prompt: `Question ${id}?`,
    required: i % 2 === 1,
    options: NAMES.slice(i, i + 3).map((option, j) => ({
      id: option,
      label: `${id} answer ${option}`,
      weights: { [j % 2 ? "valueof" : "constructor"]: { [j % 2 ? "tostring" : "constructor"]: 1 } },
    })),
  })),
  scoring: { traitWeights: { constructor: 1, valueof: 1 }, tieMargin: 5 },
};
const quiz = buildQuiz(definition);

/** Answers to any of the questions, with junk keys named after Object.prototype. */
const answersArbitrary = fc
  .tuple(
    ...quiz.questions.map((q) =>
      q.type === "multiple"
        ? fc.option(
            fc.subarray(
              q.options.map((o) => o.id),
              { minLength: 1, maxLength: 2 },
            ),
          )
        : fc.option(fc.constantFrom(...(q.type === "single" ? q.options.map((o) => o.id) : []))),
    ),
  )
  .map((values) => {
    const answers: Record<string, Answer> = JSON.parse('{"__proto__": "x", "toString": "y"}');
    quiz.questions.forEach((q, i) => {
      const value = values[i];
      if (value !== null && value !== undefined) answers[q.id] = value;
    });
    return answers as Answers;
  })
  // Required questions that are shown must have an answer to reach the result.
  .filter((answers) =>
    visibleQuestions(quiz, answers).every((q) => !q.required || own(answers, q.id) !== undefined),
  );

describe("ids named after Object.prototype", () => {
  it("score, explain and share only what was answered", () => {
    fc.assert(
      fc.property(answersArbitrary, (answers) => {
        const result = evaluate(quiz, answers);
        const answered = quiz.questions.filter((q) => own(answers, q.id) !== undefined);
        expect(Object.keys(result.answers).sort()).toEqual(answered.map((q) => q.id).sort());
        const text = JSON.stringify(result);
        expect(text).not.toMatch(/native code|function/);
        for (const reason of result.reasons)
          for (const given of reason.answers)
            expect(answered.map((q) => q.id)).toContain(given.question);
      }),
    );
  });

  it("run through the machine and the views: the review shows no answer nobody gave", async () => {
    await fc.assert(
      fc.asyncProperty(answersArbitrary, async (answers) => {
        cleanup();
        const user = userEvent.setup();
        renderApp(quiz);
        await user.click(screen.getByRole("button", { name: "Start the quiz" }));
        for (const question of visibleQuestions(quiz, answers)) {
          expect(questionHeading()).toHaveTextContent(question.prompt);
          const value = own(answers, question.id);
          if (value !== undefined)
            for (const label of labelsFor(quiz, question.id, value))
              await user.click(screen.getByLabelText(label));
          await clickNext(user);
        }
        expect(questionHeading()).toHaveTextContent("Check your answers");
        const rows = screen
          .getAllByRole("term")
          .map((term) => term.nextElementSibling?.textContent);
        const expected = visibleQuestions(quiz, answers).map((q) => {
          const value = own(answers, q.id);
          return value === undefined ? "Not answered" : labelsFor(quiz, q.id, value).join(";");
        });
        expect(rows.map((r) => r?.replace(/\s+/g, ""))).toEqual(
          expected.map((e) => e.replace(/\s+/g, "")),
        );
        await user.click(screen.getByRole("button", { name: "See my result" }));
        expect(document.body.textContent).not.toMatch(/native code|function Object/);
      }),
      { numRuns: 15 },
    );
  }, 120_000);

  it(
    "run in the CLI: take skips an unanswered optional question and scores the rest",
    () => {
      const dir = mkdtempSync(join(tmpdir(), "coursefit-proto-"));
      writeFileSync(join(dir, "source.txt"), SOURCE_TEXT);
      const file = join(dir, "proto.json");
      writeFileSync(file, JSON.stringify({ ...baseDefinition(), ...definition }));
      // Intro; constructor skipped; tostring: 1; valueof skipped; hasownproperty: 1; submit.
      const run = coursefit(["take", file], "\n\n1\n\n1\n\n");
      expect(run.stderr).toBe("");
      expect(run.stdout).not.toMatch(/native code|function Object/);
      const review = run.stdout.split("Review your answers")[1] ?? "";
      expect(review).toMatch(/Question constructor\?\s+= \(no answer\)/);
      expect(review).toMatch(/Question valueof\?\s+= \(no answer\)/);
    },
    TIMEOUT,
  );
});

/** The fields buildQuiz fills in, as a file would hold them. */
function baseDefinition() {
  const { questions: _q, traits: _t, outcomes: _o, scoring: _s, ...rest } = buildQuiz();
  return rest;
}
