// `coursefit score <quiz> --answers <json|token> [--json]`: answers -> the engine's Result,
// as JSON or as text. The answers are untrusted input: read them here, once, into Answers
// valid for the quiz, or stop with a clear error.
import { answerProblem, countedAnswers, missingAnswers } from "../engine/answers";
import { evaluate } from "../engine/result";
import { type Answer, type Answers, answerSchema, type Quiz } from "../engine/schema";
import { decodeAnswers } from "../engine/share";
import { CliError, UsageError } from "./errors";
import { formatResult } from "./format";
import type { Io } from "./io";
import { loadQuiz } from "./load";

export function scoreCommand(
  path: string,
  options: { answers: string; json: boolean },
  io: Io,
): number {
  const quiz = loadQuiz(path);
  const answers = readAnswers(quiz, options.answers);

  const counted = countedAnswers(quiz, answers);
  const hidden = Object.keys(answers).filter((id) => !Object.hasOwn(counted, id));
  if (hidden.length > 0) {
    io.warn(
      `coursefit: note: ignoring ${list(hidden)}: not shown for these answers, so ${
        hidden.length === 1 ? "it does" : "they do"
      } not count`,
    );
  }
  const missing = missingAnswers(quiz, answers);
  if (missing.length > 0) {
    throw new CliError(
      `missing ${missing.length === 1 ? "an answer" : "answers"} to required ${
        missing.length === 1 ? "question" : "questions"
      } ${list(missing.map((q) => q.id))}`,
    );
  }

  const result = evaluate(quiz, answers);
  io.print(
    options.json ? JSON.stringify(result, null, 2) : formatResult(quiz, result, path).join("\n"),
  );
  return 0;
}

/** `--answers`: a JSON object of answers when it looks like JSON, otherwise a share token. */
function readAnswers(quiz: Quiz, raw: string): Answers {
  const text = raw.trim();
  if (/^[{["]/.test(text)) return answersFromJson(quiz, text);
  const decoded = decodeAnswers(quiz, text);
  if (!decoded.ok) throw new CliError(decoded.error.message);
  return decoded.answers;
}

function answersFromJson(quiz: Quiz, text: string): Answers {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw new UsageError(
      `--answers is not valid JSON: ${error instanceof Error ? error.message : String(error)}`,
      "score",
    );
  }
  if (value === null || typeof value !== "object" || Array.isArray(value)) {
    throw new UsageError(
      `--answers must be a JSON object of question ids to answers, such as {"week":"events"}`,
      "score",
    );
  }
  const answers: Record<string, Answer> = {};
  const problems: string[] = [];
  for (const [id, given] of Object.entries(value)) {
    const question = quiz.questions.find((q) => q.id === id);
    if (!question) {
      problems.push(`"${id}" is not a question in this quiz`);
      continue;
    }
    const shape = answerSchema.safeParse(given);
    if (!shape.success) {
      problems.push(
        `question "${id}" expects an option id, a list of option ids or a number, not ${preview(given)}`,
      );
      continue;
    }
    const problem = answerProblem(question, shape.data);
    if (problem) problems.push(`question "${id}" ${problem}`);
    else answers[id] = shape.data;
  }
  if (problems.length > 0) {
    throw new CliError(`the answers do not fit ${quiz.id}: ${problems.join("; ")}`);
  }
  return answers;
}

function preview(value: unknown): string {
  const text = JSON.stringify(value) ?? String(value);
  return text.length > 40 ? `${text.slice(0, 37)}...` : text;
}

function list(ids: string[]): string {
  return ids.map((id) => `"${id}"`).join(", ");
}
