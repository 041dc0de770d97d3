// One untrusted input row -> the answers it carries, or why it cannot be counted. A row
// is a result link, a bare token, a Result JSON (as `coursefit score --json` prints it,
// or as a `coursefit-complete` event's detail, logged on its own or wrapped), or a CSV
// record from this project's export. Scores a row carries are never read: the answers
// are scored again with the current quiz.

import { answerProblem } from "../answers";
import { answerValues, type CompiledQuiz } from "../compile";
import { own } from "../own";
import type { Answer } from "../schema";
import { decodeValues } from "../share";

export type RowInput =
  | {
      kind: "answers";
      values: Int32Array;
      /** From an older version of the quiz whose answers still apply. */
      rescored: boolean;
      day: number | undefined;
      /** What makes two rows the same result: the token as written, else the answers. */
      key: string;
    }
  | { kind: "other-version"; reason: string }
  | { kind: "invalid"; reason: string };

const TOKEN = /^[A-Za-z0-9_-]{8,2000}$/;
const DAY_MS = 86_400_000;

const invalid = (reason: string): RowInput => ({ kind: "invalid", reason });

/** A link or a token, e.g. `https://quiz.example/#r=AQ...` or `AQ...`. */
export function fromLinkOrToken(compiled: CompiledQuiz, text: string): RowInput {
  const match = /[#&?]r=([^&#\s]*)/.exec(text);
  const token = match ? (match[1] ?? "") : text;
  if (!TOKEN.test(token)) {
    return invalid(
      match ? "the link carries no result code" : "not a result link, token, JSON or CSV row",
    );
  }
  return fromToken(compiled, token, undefined);
}

function fromToken(compiled: CompiledQuiz, token: string, day: number | undefined): RowInput {
  const decoded = decodeValues(compiled.quiz, token);
  if (decoded.ok) {
    return {
      kind: "answers",
      values: decoded.values,
      rescored: false,
      day,
      key: token,
    };
  }
  if (decoded.error.kind === "quiz-changed") {
    return { kind: "other-version", reason: "the link was made for another version of the quiz" };
  }
  return invalid(decoded.error.message.replace(/^This link/, "the result code"));
}

/** Answers by question id from an older (or the same) version: do they all still fit? */
function fromAnswers(
  compiled: CompiledQuiz,
  raw: unknown,
  sameVersion: boolean,
  day: number | undefined,
): RowInput {
  if (raw === null || typeof raw !== "object" || Array.isArray(raw)) {
    return invalid("it has no answers object");
  }
  const answers: Record<string, Answer> = {};
  for (const [id, given] of Object.entries(raw)) {
    const question = compiled.quiz.questions.find((q) => q.id === id);
    const problem = !question
      ? `question "${id}" is not in this version of the quiz`
      : !isAnswer(given)
        ? `question "${id}" has an answer of the wrong type`
        : answerProblem(question, given);
    if (problem) {
      const why = question && isAnswer(given) ? `question "${id}" ${problem}` : problem;
      return sameVersion ? invalid(why) : { kind: "other-version", reason: why };
    }
    answers[id] = given as Answer;
  }
  const values = answerValues(compiled, answers);
  return {
    kind: "answers",
    values,
    rescored: !sameVersion,
    day,
    key: `answers:${values.join(",")}`,
  };
}

/**
 * The shape of an answer (schema.ts's answerSchema), checked by hand: the summary's worker
 * then carries no zod, whose eval probe a strict Content-Security-Policy reports.
 */
function isAnswer(value: unknown): value is Answer {
  return (
    typeof value === "string" ||
    typeof value === "number" ||
    (Array.isArray(value) && value.every((v) => typeof v === "string"))
  );
}

/**
 * A Result JSON, or a logged event that wraps one (`detail`, `result`), with an optional
 * date; or a row of `coursefit serve`'s own export (`quiz` and `version` side by side, a `day`).
 */
export function fromJson(compiled: CompiledQuiz, value: unknown): RowInput {
  if (value === null || typeof value !== "object" || Array.isArray(value)) {
    return invalid("the JSON is not a result object");
  }
  const outer = value as Record<string, unknown>;
  const inner = [outer.detail, outer.result].find((v) => v && typeof v === "object");
  const result = (inner ?? outer) as Record<string, unknown>;
  const day = dayOf(outer.date ?? outer.time ?? outer.timestamp ?? result.date ?? result.day);
  // The server's rows keep answers in its own per-question shape: only their token is read.
  const serverRow = typeof result.quiz === "string";
  const quiz = (serverRow ? { id: result.quiz, version: result.version } : result.quiz) as
    | Record<string, unknown>
    | undefined;
  if (!quiz || typeof quiz.id !== "string") return invalid("the result names no quiz");
  if (quiz.id !== compiled.quiz.id) return invalid(`the result is for another quiz ("${quiz.id}")`);
  if (serverRow) {
    return typeof result.token === "string"
      ? fromToken(compiled, result.token, day)
      : invalid("the row has no token");
  }
  const sameVersion = quiz.version === compiled.quiz.version;
  if (sameVersion && typeof result.token === "string") {
    const fromTokenRow = fromToken(compiled, result.token, day);
    if (fromTokenRow.kind === "answers") return fromTokenRow;
    if (fromTokenRow.kind === "invalid" || result.answers === undefined) return fromTokenRow;
  }
  if (result.answers === undefined) return invalid("the result has neither a token nor answers");
  return fromAnswers(compiled, result.answers, sameVersion, day);
}

/** A CSV record of this project's export (see csv.ts), as header -> field. */
export function fromCsvRecord(compiled: CompiledQuiz, record: Record<string, string>): RowInput {
  const day = dayOf(own(record, "date"));
  const version = own(record, "version");
  const quizId = own(record, "quiz");
  if (quizId && quizId !== compiled.quiz.id)
    return invalid(`the row is for another quiz ("${quizId}")`);
  const sameVersion = !version || version === compiled.quiz.version;
  const token = own(record, "token");
  const tokenRow = token ? fromToken(compiled, token, day) : undefined;
  if (tokenRow && tokenRow.kind !== "other-version" && sameVersion) return tokenRow;
  const answers: Record<string, unknown> = {};
  for (const question of compiled.quiz.questions) {
    const cell = unescapeCell(own(record, `answer:${question.id}`) ?? "").trim();
    if (cell === "") continue;
    answers[question.id] =
      question.type === "scale"
        ? Number(cell)
        : question.type === "multiple"
          ? cell.split("|")
          : cell;
  }
  if (Object.keys(answers).length === 0)
    return tokenRow ?? invalid("the row has no token and no answers");
  return fromAnswers(compiled, answers, sameVersion && tokenRow === undefined, day);
}

/** Formula escaping (a leading ' before = + - @) undone for what we read back. */
export function unescapeCell(cell: string): string {
  return /^'[=+\-@\t\r]/.test(cell) ? cell.slice(1) : cell;
}

/** A date (ISO text or epoch milliseconds) -> its day (UTC); undefined when there is none. */
export function dayOf(value: unknown): number | undefined {
  if (typeof value !== "string" && typeof value !== "number") return undefined;
  const ms = typeof value === "number" ? value : Date.parse(value);
  return Number.isFinite(ms) ? Math.floor(ms / DAY_MS) : undefined;
}

/** A day (days since 1970-01-01) as YYYY-MM-DD. */
export function dayText(day: number): string {
  return new Date(day * DAY_MS).toISOString().slice(0, 10);
}
