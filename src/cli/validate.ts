// `coursefit validate <quiz> [--json]`: every problem as `file:line:col pointer code
// message` (exit 1), or a fairness report for a valid quiz (exit 0).
import { fairness } from "../engine/fairness";
import { formatProblem } from "../engine/problem";
import { formatFairness } from "./format";
import type { Io } from "./io";
import { readQuiz } from "./load";

export function validateCommand(path: string, options: { json: boolean }, io: Io): number {
  const validation = readQuiz(path);
  const report = validation.ok ? fairness(validation.quiz) : null;
  if (options.json) {
    io.print(
      JSON.stringify(
        {
          ok: validation.ok,
          errors: validation.problems,
          warnings: validation.ok ? validation.warnings : [],
          fairness: report,
        },
        null,
        2,
      ),
    );
    return validation.ok ? 0 : 1;
  }
  if (!validation.ok) {
    io.print(...validation.problems.map(formatProblem));
    const n = validation.problems.length;
    io.warn(`coursefit: ${path}: ${n} ${n === 1 ? "problem" : "problems"}`);
    return 1;
  }
  const { quiz } = validation;
  io.print(
    `${path}: valid quiz "${quiz.id}" ${quiz.version}: ${quiz.questions.length} questions, ${quiz.outcomes.length} outcomes, ${quiz.traits.length} traits`,
    "",
    ...formatFairness(quiz, report ?? fairness(quiz)),
  );
  // Checks the work budget cut short: the quiz is valid, and the trainer is told.
  if (validation.warnings.length > 0) io.warn(...validation.warnings.map(formatProblem));
  return 0;
}
