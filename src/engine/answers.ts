// What an answer means for a question: whether it is well-formed, whether a condition
// holds, and which questions are shown. Shared by the scorer, the flow machine and the
// validator so that "shown" and "counts" mean the same thing everywhere.
import { own } from "./own";
import type { Answer, Answers, Condition, Question, Quiz } from "./schema";

/** Why an answer cannot be taken for a question, or undefined when it can. */
export function answerProblem(question: Question, answer: Answer): string | undefined {
  switch (question.type) {
    case "single":
      if (typeof answer !== "string") return "expects one option id";
      return question.options.some((o) => o.id === answer)
        ? undefined
        : `has no option "${answer}"`;
    case "multiple": {
      if (!Array.isArray(answer)) return "expects a list of option ids";
      const unknown = answer.find((id) => !question.options.some((o) => o.id === id));
      if (unknown !== undefined) return `has no option "${unknown}"`;
      if (new Set(answer).size !== answer.length) return "lists an option twice";
      if (answer.length < question.minChoices)
        return `needs at least ${question.minChoices} choice(s)`;
      if (answer.length > question.maxChoices)
        return `allows at most ${question.maxChoices} choices`;
      return undefined;
    }
    case "scale":
      if (typeof answer !== "number" || !Number.isInteger(answer)) return "expects a whole number";
      return answer >= 1 && answer <= question.labels.length
        ? undefined
        : `expects a point from 1 to ${question.labels.length}`;
  }
}

/** Whether a show-if condition holds for the answer to the question it looks at. */
export function conditionHolds(condition: Condition, answer: Answer | undefined): boolean {
  if (answer === undefined) return false;
  if (typeof answer === "number") {
    return (
      condition.anyOf === undefined &&
      answer >= (condition.atLeast ?? Number.NEGATIVE_INFINITY) &&
      answer <= (condition.atMost ?? Number.POSITIVE_INFINITY)
    );
  }
  const chosen = Array.isArray(answer) ? answer : [answer];
  return condition.anyOf?.some((id) => chosen.includes(id)) ?? false;
}

/** Ticked options in the quiz's order, so the order they were ticked in never shows. */
function canonical(question: Question, answer: Answer): Answer {
  if (question.type !== "multiple" || !Array.isArray(answer)) return answer;
  return question.options.filter((o) => answer.includes(o.id)).map((o) => o.id);
}

/**
 * Walks the quiz in order, deciding which questions are shown and which answers count.
 * Conditions only look back, so one pass decides each question; an answer to a hidden
 * question, or a malformed one, counts for nothing and satisfies no condition.
 */
function walk(quiz: Quiz, answers: Answers) {
  const shown: Question[] = [];
  const counted: Record<string, Answer> = {};
  for (const question of quiz.questions) {
    const visible = (question.showIf ?? []).every((c) =>
      conditionHolds(c, own(counted, c.question)),
    );
    if (!visible) continue;
    shown.push(question);
    const answer = own(answers, question.id);
    if (answer !== undefined && answerProblem(question, answer) === undefined) {
      counted[question.id] = canonical(question, answer);
    }
  }
  return { shown, counted };
}

/** The questions shown for these answers, in quiz order. */
export function visibleQuestions(quiz: Quiz, answers: Answers): Question[] {
  return walk(quiz, answers).shown;
}

/**
 * Where the current question stands, "Question index of total": counted without the
 * current question's own answer, so that picking an option that opens a branch does not
 * change the count under the person's cursor; the branch question says so when it comes.
 */
export function questionPosition(
  quiz: Quiz,
  answers: Answers,
  current: string | null,
): { index: number; total: number } {
  const { [current ?? ""]: _picking, ...before } = answers;
  const shown = visibleQuestions(quiz, current === null ? answers : before);
  return { index: shown.findIndex((q) => q.id === current), total: shown.length };
}

/** Only the answers that count: well-formed answers to questions that are shown. */
export function countedAnswers(quiz: Quiz, answers: Answers): Record<string, Answer> {
  return walk(quiz, answers).counted;
}

/** Required questions that are shown but not (validly) answered, in quiz order. */
export function missingAnswers(quiz: Quiz, answers: Answers): Question[] {
  const { shown, counted } = walk(quiz, answers);
  return shown.filter((q) => q.required && own(counted, q.id) === undefined);
}

/** An answer in the words the taker saw. */
export function describeAnswer(question: Question, answer: Answer): string {
  if (question.type === "scale") return question.labels[Number(answer) - 1] ?? String(answer);
  const chosen = Array.isArray(answer) ? answer : [answer];
  return question.options
    .filter((o) => chosen.includes(o.id))
    .map((o) => o.label)
    .join("; ");
}

/**
 * Values in quiz order (as a share token and the compiled scorer hold them: 0 unanswered;
 * single, option index + 1; multiple, a bitmask of option indexes; scale, the point) ->
 * answers by id, options in quiz order.
 */
export function answersOfValues(quiz: Quiz, values: ArrayLike<number>): Record<string, Answer> {
  const answers: Record<string, Answer> = {};
  quiz.questions.forEach((question, i) => {
    const value = values[i] ?? 0;
    if (value === 0) return;
    if (question.type === "scale") answers[question.id] = value;
    else if (question.type === "single")
      answers[question.id] = question.options[value - 1]?.id ?? "";
    else
      answers[question.id] = question.options
        .filter((_, bit) => Math.floor(value / 2 ** bit) % 2 === 1)
        .map((option) => option.id);
  });
  return answers;
}
