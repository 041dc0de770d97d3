// Taking the quiz inside <coursefit-quiz> on a host page, as a person does: under the host
// page's h1 the steps are h2, and options are picked by the labels they read.
import type { Locator, Page } from "playwright-core";
import { visibleQuestions } from "../../src/engine/answers";
import { evaluate, type Result } from "../../src/engine/result";
import type { Answer, Answers, Question, Quiz } from "../../src/engine/schema";
import { headline } from "../../src/ui/texts";

export type Scope = Page | Locator;

/** A step's heading inside the element: under the host page's h1, steps are h2. */
export function stepHeading(scope: Scope, name: string) {
  return scope.getByRole("heading", { level: 2, name, exact: true });
}

export function button(scope: Scope, name: string | RegExp) {
  return scope.getByRole("button", { name, exact: typeof name === "string" });
}

export function optionIn(scope: Scope, q: Question, option: string | number) {
  if (q.type === "scale")
    return scope.getByRole("radio", { name: q.labels[Number(option) - 1], exact: true });
  const label = q.options.find((o) => o.id === option)?.label;
  if (!label) throw new Error(`question "${q.id}" has no option "${option}"`);
  return scope.getByRole(q.type === "multiple" ? "checkbox" : "radio", {
    name: label,
    exact: true,
  });
}

export async function give(scope: Scope, q: Question, answer: Answer) {
  for (const option of Array.isArray(answer) ? answer : [answer])
    await optionIn(scope, q, option).click();
}

/** Answers the shown questions from the `from`-th (which must be on screen), ending on the review. */
export async function answerAll(scope: Scope, of: Quiz, answers: Answers, from = 0) {
  for (const q of visibleQuestions(of, answers).slice(from)) {
    await stepHeading(scope, q.prompt).waitFor();
    const answer = answers[q.id];
    if (answer === undefined) throw new Error(`no answer for "${q.id}"`);
    await give(scope, q, answer);
    await button(scope, /^(Next|Review my answers)$/).click();
  }
  await stepHeading(scope, "Check your answers").waitFor();
}

/** From the review to the result; returns the result the engine gives for these answers. */
export async function submit(scope: Scope, of: Quiz, answers: Answers): Promise<Result> {
  await button(scope, "See my result").click();
  const expected = evaluate(of, answers);
  await stepHeading(scope, headline(of, expected)).waitFor();
  return expected;
}

export async function complete(scope: Scope, of: Quiz, answers: Answers): Promise<Result> {
  await button(scope, "Start the quiz").click();
  await answerAll(scope, of, answers);
  return submit(scope, of, answers);
}
