// How many questions a person may be shown: the fewest and the most over every way of
// answering, so the intro can promise the real range ("12 to 13 questions"). Only the
// answers that a later show-if condition looks at can change the count, so only those
// are tried, one representative per kind of answer a condition can tell apart.
import { answerProblem, conditionHolds } from "./answers";
import { own } from "./own";
import type { Answer, Question, Quiz } from "./schema";

export type QuestionCount = { min: number; max: number };

/** Ways of answering tried before settling for the safe bounds (always shown, all). */
const BUDGET = 20_000;
/** Sets of named options tried for one multiple choice: 2^12 at most. */
const MAX_NAMED = 12;

export function questionCount(quiz: Quiz): QuestionCount {
  const mentioned = mentionedOptions(quiz);
  let min = Number.POSITIVE_INFINITY;
  let max = 0;
  let tried = 0;

  // Depth first, in quiz order: conditions only look back, so one pass decides each question.
  const visit = (index: number, shown: number, counted: Record<string, Answer>): boolean => {
    if (++tried > BUDGET) return false;
    const question = quiz.questions[index];
    if (!question) {
      min = Math.min(min, shown);
      max = Math.max(max, shown);
      return true;
    }
    const visible = (question.showIf ?? []).every((c) =>
      conditionHolds(c, own(counted, c.question)),
    );
    if (!visible) return visit(index + 1, shown, counted);
    const looked = own(mentioned, question.id);
    if (looked === undefined) return visit(index + 1, shown + 1, counted);
    const answers = telling(question, looked);
    if (answers === undefined) return false;
    for (const answer of answers) {
      const next = answer === undefined ? counted : { ...counted, [question.id]: answer };
      if (!visit(index + 1, shown + 1, next)) return false;
    }
    return true;
  };

  if (visit(0, 0, {})) return { min, max };
  return { min: quiz.questions.filter((q) => !q.showIf).length, max: quiz.questions.length };
}

/** For each question a condition looks at, the options it names. */
function mentionedOptions(quiz: Quiz): Record<string, Set<string>> {
  const mentioned: Record<string, Set<string>> = {};
  for (const question of quiz.questions)
    for (const condition of question.showIf ?? []) {
      const set = own(mentioned, condition.question) ?? new Set<string>();
      for (const id of condition.anyOf ?? []) set.add(id);
      mentioned[condition.question] = set;
    }
  return mentioned;
}

/**
 * One answer for each outcome a condition can tell apart; undefined is "skipped". None
 * (undefined) when a multiple choice names too many options to try every set of them.
 */
function telling(question: Question, mentioned: Set<string>): (Answer | undefined)[] | undefined {
  const answers: (Answer | undefined)[] = question.required ? [] : [undefined];
  if (question.type === "scale") {
    for (let point = 1; point <= question.labels.length; point++) answers.push(point);
    return answers;
  }
  const named = question.options.filter((o) => mentioned.has(o.id)).map((o) => o.id);
  const others = question.options.filter((o) => !mentioned.has(o.id)).map((o) => o.id);
  if (question.type === "single") return [...answers, ...named, ...others.slice(0, 1)];
  if (named.length > MAX_NAMED) return undefined;
  // A multiple choice: every set of named options, made up to the minimum with unnamed ones.
  for (let mask = 0; mask < 2 ** named.length; mask++) {
    const picked = named.filter((_, i) => mask & (1 << i));
    const answer = [
      ...picked,
      ...others.slice(0, Math.max(0, question.minChoices - picked.length)),
    ];
    if (answer.length > 0 && answerProblem(question, answer) === undefined) answers.push(answer);
  }
  return answers;
}
