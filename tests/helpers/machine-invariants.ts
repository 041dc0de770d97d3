// The invariants every reachable snapshot of the flow machine keeps; the unit tests and
// the model-based tests both check them after every event.
import { expect } from "vitest";
import { answerProblem, missingAnswers, visibleQuestions } from "../../src/engine/answers";
import type { QuizSnapshot } from "../../src/engine/machine";
import { evaluate } from "../../src/engine/result";
import type { Question, Quiz } from "../../src/engine/schema";

export function checkInvariants(q: Quiz, snapshot: QuizSnapshot): void {
  expect(snapshot.status).toBe("active");
  const { value, context } = snapshot;
  expect(["intro", "answering", "review", "result"]).toContain(value);
  const shown = visibleQuestions(q, context.answers).map((question) => question.id);
  if (value === "answering") {
    expect(shown).toContain(context.current);
  } else {
    expect(context.current).toBeNull();
    expect(context.returnToReview).toBe(false);
  }
  if (value === "result") {
    expect(context.result).not.toBeNull();
    expect(context.result).toEqual(evaluate(q, context.answers));
    expect(missingAnswers(q, context.answers)).toEqual([]);
  } else {
    expect(context.result).toBeNull();
  }
  for (const [id, answer] of Object.entries(context.answers)) {
    const question = q.questions.find((candidate) => candidate.id === id);
    expect(question, `stored answer to unknown question "${id}"`).toBeDefined();
    expect(answerProblem(question as Question, answer)).toBeUndefined();
  }
  if (context.error)
    expect(q.questions.map((question) => question.id)).toContain(context.error.question);
}
