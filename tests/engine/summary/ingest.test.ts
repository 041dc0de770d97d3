import { describe, expect, it } from "vitest";
import { answerValues, compileQuiz } from "../../../src/engine/compile";
import { evaluate } from "../../../src/engine/result";
import { type Answers, quizSchema } from "../../../src/engine/schema";
import { encodeAnswers } from "../../../src/engine/share";
import { BOM, toCsv } from "../../../src/engine/summary/csv";
import { Ingest, MAX_LINE_CHARS } from "../../../src/engine/summary/ingest";
import { type ScoredRow, scoreRow } from "../../../src/engine/summary/summary";
import type { StoredResult } from "../../../src/store/results";
import { loadQuiz } from "../../helpers/quiz";

const quiz = loadQuiz();
const compiled = compileQuiz(quiz);
const A = { week: "events", stalled: "obstacle", "current-role": "scrum-master" };
const B = { week: "deciding", "current-role": "product" };
const C = { week: "coaching", stalled: "priorities", "current-role": "product", proud: ["value"] };
const token = (answers: Answers) => encodeAnswers(quiz, answers);

function ingest(files: Record<string, string | string[]>) {
  const rows: ScoredRow[] = [];
  const issues: string[] = [];
  const run = new Ingest(quiz, {
    row: (row) => rows.push(row),
    issue: (kind, issue) => issues.push(`${kind} ${issue.source}:${issue.line} ${issue.reason}`),
  });
  for (const [name, content] of Object.entries(files)) {
    for (const chunk of Array.isArray(content) ? content : [content]) run.push(name, chunk);
    run.end(name);
  }
  return { summary: run.summary, rows, issues };
}

describe("reading results", () => {
  it("reads links and tokens one per line, with CRLF and a BOM, and reports bad lines by line", () => {
    const text = `\uFEFF${token(A)}\r\nhttps://quiz.example/#r=${token(B)}\r\n\r\nnot a token!\r\nhttps://quiz.example/#x=1\r\n${token(C).slice(0, -2)}xx\r\n`;
    const { summary, issues } = ingest({ "links.txt": text });
    expect(summary.results).toBe(2);
    expect(summary.invalid.count).toBe(3);
    expect(issues.map((i) => i.split(" ").slice(0, 2).join(" "))).toEqual([
      "invalid links.txt:4",
      "invalid links.txt:5",
      "invalid links.txt:6",
    ]);
  });

  it("gives the same summary whatever the chunks a stream is cut into", () => {
    const text = [A, B, C, A].map((a) => JSON.stringify(evaluate(quiz, a))).join("\n");
    const whole = ingest({ "r.jsonl": text }).summary;
    const bytes = [...text];
    const pieces: string[] = [];
    for (let i = 0; i < bytes.length; i += 7) pieces.push(bytes.slice(i, i + 7).join(""));
    expect(ingest({ "r.jsonl": pieces }).summary).toEqual(whole);
    expect(whole.results).toBe(3);
    expect(whole.duplicates).toBe(1);
  });

  it("reads JSON Lines of logged coursefit-complete events with their dates", () => {
    const line = (answers: Answers, date: string) =>
      JSON.stringify({
        type: "coursefit-complete",
        date,
        detail: { ...evaluate(quiz, answers), link: "x" },
      });
    const { summary } = ingest({
      "events.jsonl": `${line(A, "2026-03-01T10:00:00Z")}\n${line(B, "2026-03-04")}\n{"broken":\n`,
    });
    expect(summary.results).toBe(2);
    expect(summary.invalid.kept).toEqual([
      { source: "events.jsonl", line: 3, reason: "the line is not valid JSON" },
    ]);
    expect(summary.lastDay).toBeGreaterThan(summary.firstDay ?? Infinity);
  });

  it("reads the JSON Lines that coursefit serve exports, with their days", () => {
    const older = quizSchema.parse({ ...quiz, version: "0.1.0" });
    const stored = (answers: Answers, day: string, made = quiz): StoredResult => ({
      id: "r1",
      submission: "s1",
      quiz: quiz.id,
      version: made.version,
      cohort: "may",
      contact: null,
      recommendation: "csm",
      margin: 99, // never read: every row is scored again
      strength: "clear",
      token: encodeAnswers(made, answers),
      day,
      answers: {},
    });
    const { summary, issues } = ingest({
      "server.jsonl": [
        stored(A, "2026-03-01"),
        stored(B, "2026-03-04"),
        stored(C, "2026-03-05", older),
      ]
        .map((row) => JSON.stringify(row))
        .join("\n"),
    });
    expect(summary.results).toBe(2);
    expect(summary.lastDay).toBeGreaterThan(summary.firstDay ?? Infinity);
    expect(issues).toEqual([
      "otherVersion server.jsonl:3 the link was made for another version of the quiz",
    ]);
  });

  it("reads one Result JSON document, or an array of them, pretty-printed", () => {
    expect(ingest({ "one.json": JSON.stringify(evaluate(quiz, A), null, 2) }).summary.results).toBe(
      1,
    );
    const many = JSON.stringify(
      [evaluate(quiz, A), evaluate(quiz, B), { quiz: { id: "other" } }],
      null,
      2,
    );
    const { summary } = ingest({ "many.json": many });
    expect(summary.results).toBe(2);
    expect(summary.invalid.kept[0]?.reason).toMatch(/^item 3: the result is for another quiz/);
  });

  it("re-scores a result from an older version whose answers still apply, and lists one that no longer fits", () => {
    const old = (answers: Answers) => ({
      ...evaluate(quiz, answers),
      quiz: { id: quiz.id, version: "0.9.0" },
      token: "stale",
    });
    const gone = { ...old(A), answers: { ...A, retired: "x" } };
    const { summary } = ingest({
      "old.jsonl": [old(A), old(B), gone].map((r) => JSON.stringify(r)).join("\n"),
    });
    expect(summary.results).toBe(2);
    expect(summary.rescored).toBe(2);
    expect(summary.otherVersion.kept).toEqual([
      {
        source: "old.jsonl",
        line: 3,
        reason: 'question "retired" is not in this version of the quiz',
      },
    ]);
  });

  it("lists a token made for another version of the quiz as from another version", () => {
    const edited = quizSchema.parse({ ...quiz, title: `${quiz.title} (edited)` });
    const { summary } = ingest({ "t.txt": `${encodeAnswers(edited, A)}\n` });
    expect(summary.otherVersion.count).toBe(1);
    expect(summary.results).toBe(0);
  });

  it("writes CSV that reads back to the same summary, with a BOM, quoted fields and formulas escaped", () => {
    const rows = [A, B, C].map((a) => scoreRow(compiled, answerValues(compiled, a), 20500));
    const csv = BOM + toCsv(compiled, rows);
    expect(csv.startsWith("\uFEFFdate,quiz,version,token,")).toBe(true);
    const back = ingest({ "export.csv": csv });
    expect(back.issues).toEqual([]);
    expect(back.rows.map((r) => Array.from(r.values))).toEqual(
      rows.map((r) => Array.from(r.values)),
    );
    expect(back.rows.map((r) => r.day)).toEqual([20500, 20500, 20500]);
  });

  it("escapes cells that a spreadsheet would run as formulas", () => {
    const hostile = quizSchema.parse({ ...quiz, version: "1.0.0", id: quiz.id });
    const c = compileQuiz(hostile);
    const csv = toCsv(c, [scoreRow(c, answerValues(c, A))]);
    // No cell may start with = + - @ unless escaped with a quote first.
    for (const cell of csv.split(/[,\r\n]/)) expect(cell).not.toMatch(/^[=+\-@]/);
  });

  it("reads CSV rows by their answer columns when there is no token, quoted fields across lines included", () => {
    const csv = `answer:week,answer:current-role,note\r\n"events","scrum-master","a ""quoted""\r\nnote"\r\ndeciding,product,x\r\ndeciding,nobody,x\r\n`;
    const { summary, issues } = ingest({ "hand.csv": csv });
    expect(summary.results).toBe(2);
    expect(issues).toEqual(['invalid hand.csv:5 question "current-role" has no option "nobody"']);
  });

  it("never holds an overlong line: 1 GB without a newline is one bad row", () => {
    const chunk = "x".repeat(1024 * 1024);
    const run = new Ingest(quiz);
    const before = process.memoryUsage().heapUsed;
    for (let i = 0; i < 1024; i++) run.push("huge.txt", chunk);
    run.push("huge.txt", `\n${token(A)}\n`);
    run.end("huge.txt");
    expect(process.memoryUsage().heapUsed - before).toBeLessThan(64 * MAX_LINE_CHARS);
    expect(run.summary.invalid.count).toBe(1);
    expect(run.summary.results).toBe(1);
  });
});
