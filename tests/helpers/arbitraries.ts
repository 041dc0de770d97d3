// fast-check generators of answers that a person could really give to a quiz.
import fc from "fast-check";
import type { Answer, Question, Quiz } from "../../src/engine/schema";

export function arbitraryAnswer(question: Question): fc.Arbitrary<Answer> {
  if (question.type === "scale") return fc.integer({ min: 1, max: question.labels.length });
  const ids = question.options.map((o) => o.id);
  if (question.type === "single") return fc.constantFrom(...ids);
  return fc.shuffledSubarray(ids, {
    minLength: question.minChoices,
    maxLength: question.maxChoices,
  });
}

/** Answers to any subset of the questions (hidden ones included: the engine must ignore them). */
export function arbitraryAnswers(quiz: Quiz): fc.Arbitrary<Record<string, Answer>> {
  const perQuestion = Object.fromEntries(quiz.questions.map((q) => [q.id, arbitraryAnswer(q)]));
  return fc.record(perQuestion, { requiredKeys: [] }) as fc.Arbitrary<Record<string, Answer>>;
}
