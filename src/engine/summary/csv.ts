// Scored rows -> CSV, one row per result: date, quiz, version, token, recommendation,
// margin, each outcome's score, each trait score, each answer. Written by papaparse with
// formula escaping (a cell starting with = + - @ gets a leading '), so a spreadsheet never
// runs a cell as a formula; ingest.ts reads the same file back.
import Papa from "papaparse";
import { type CompiledQuiz, valuesToAnswers } from "../compile";
import { encodeAnswers } from "../share";
import { dayText } from "./input";
import { BALANCED, NONE, type ScoredRow } from "./summary";

/** Put first in a file so spreadsheet programs read it as UTF-8. */
export const BOM = "\uFEFF";

export function csvHeader(compiled: CompiledQuiz): string[] {
  const { quiz } = compiled;
  return [
    "date",
    "quiz",
    "version",
    "token",
    "recommendation",
    "margin",
    ...quiz.outcomes.map((o) => `score:${o.id}`),
    ...quiz.traits.flatMap((t) => quiz.outcomes.map((o) => `trait:${t.id}:${o.id}`)),
    ...quiz.questions.map((q) => `answer:${q.id}`),
  ];
}

export function csvCells(compiled: CompiledQuiz, row: ScoredRow): (string | number)[] {
  const { quiz } = compiled;
  const answers = valuesToAnswers(compiled, row.values);
  const group =
    quiz.outcomes[row.group]?.id ?? (row.group === quiz.outcomes.length ? BALANCED : NONE);
  return [
    row.day === undefined ? "" : dayText(row.day),
    quiz.id,
    quiz.version,
    encodeAnswers(quiz, answers),
    group,
    row.margin,
    ...Array.from(row.scores, (s) => s / 10),
    ...Array.from(row.traits, (t) => (t < 0 ? "" : t / 10)),
    ...quiz.questions.map((q) => {
      const answer = answers[q.id];
      return answer === undefined ? "" : Array.isArray(answer) ? answer.join("|") : answer;
    }),
  ];
}

/** CSV lines (CRLF-terminated): the header when asked, then the rows. */
export function toCsv(
  compiled: CompiledQuiz,
  rows: Iterable<ScoredRow>,
  withHeader = true,
): string {
  const data = Array.from(rows, (row) => csvCells(compiled, row));
  const body = Papa.unparse(withHeader ? [csvHeader(compiled), ...data] : data, {
    escapeFormulae: true,
    newline: "\r\n",
  });
  return body === "" ? "" : `${body}\r\n`;
}
