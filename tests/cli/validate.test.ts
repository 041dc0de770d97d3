import { copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Fairness, fairness } from "../../src/engine/fairness";
import type { Quiz } from "../../src/engine/schema";
import { loadQuiz } from "../helpers/quiz";
import { coursefit, escapeRegExp, expectCleanError, QUIZ, TIMEOUT } from "./run";

const percent = (share: number) => `${(share * 100).toFixed(1)}%`;

const made: string[] = [];
afterAll(() => {
  for (const dir of made) rmSync(dir, { recursive: true, force: true });
});

/** A copy of the shipped quiz, changed by `edit`, in a temp dir beside its source text. */
function brokenCopy(edit: (text: string) => string): { path: string; text: string } {
  const dir = mkdtempSync(join(tmpdir(), "coursefit-cli-"));
  made.push(dir);
  copyFileSync("quizzes/product-owner-101.txt", join(dir, "product-owner-101.txt"));
  const text = edit(readFileSync(QUIZ, "utf8"));
  const path = join(dir, "broken.yaml");
  writeFileSync(path, text);
  return { path, text };
}

/** 1-based line and column of the first occurrence of `needle` in `text`. */
function positionOf(text: string, needle: string): { line: number; col: number } {
  const offset = text.indexOf(needle);
  expect(offset).toBeGreaterThanOrEqual(0);
  const before = text.slice(0, offset).split("\n");
  return { line: before.length, col: (before.at(-1)?.length ?? 0) + 1 };
}

describe("coursefit validate", { timeout: TIMEOUT }, () => {
  let quiz: Quiz;
  let report: Fairness;
  beforeAll(() => {
    quiz = loadQuiz();
    report = fairness(quiz);
  }, TIMEOUT);

  it("accepts the shipped quiz and prints its fairness report", () => {
    const run = coursefit(["validate", QUIZ]);
    expect(run.stderr).toBe("");
    expect(run.status).toBe(0);
    const lines = run.stdout.split("\n");
    expect(lines[0]).toBe(
      `${QUIZ}: valid quiz "csm-vs-cspo" 1.0.0: 13 questions, 2 outcomes, 4 traits`,
    );
    expect(run.stdout).toContain(
      `Fairness (${report.method}: ${report.answerSets.toLocaleString("en-US")} random answer sets scored`,
    );
    for (const outcome of quiz.outcomes) {
      const row = lines.find((line) => line.trim().startsWith(outcome.label));
      expect(row, outcome.id).toBeDefined();
      const cells = row
        ?.slice(outcome.label.length + 2)
        .trim()
        .split(/\s+/);
      expect(cells).toEqual([
        percent(report.wins[outcome.id] ?? -1),
        (report.highest[outcome.id] ?? -1).toFixed(1),
      ]);
    }
    const balanced = lines.find((line) => line.trim().startsWith("Balanced result"));
    expect(balanced?.trim().split(/\s+/).at(-1)).toBe(percent(report.balanced));
  });

  it("prints the same report as JSON with --json", () => {
    const run = coursefit(["validate", QUIZ, "--json"]);
    expect(run.status).toBe(0);
    expect(JSON.parse(run.stdout)).toEqual({
      ok: true,
      errors: [],
      warnings: [],
      fairness: report,
    });
  });

  it("reports each structural problem as file:line:col pointer code message", () => {
    const { path, text } = brokenCopy((t) =>
      t
        .replace("minutes: 3", "minutes: 0")
        .replace("    label: Focus\n", "    label: Focus\n    colour: blue\n"),
    );
    const run = coursefit(["validate", path]);
    expect(run.status).toBe(1);
    const minutes = positionOf(text, "minutes: 0");
    const colour = positionOf(text, "colour: blue");
    expect(run.stdout.trimEnd().split("\n")).toEqual([
      expect.stringMatching(
        new RegExp(
          `^${escapeRegExp(path)}:${minutes.line}:${minutes.col + 9} /minutes out-of-range `,
        ),
      ),
      `${path}:${colour.line}:${colour.col} /traits/1/colour unknown-field unknown field "colour"`,
    ]);
    expect(run.stderr).toBe(`coursefit: ${path}: 2 problems\n`);
  });

  it("reports a problem of meaning at its place, and --json lists it with no report", () => {
    const { path, text } = brokenCopy((t) =>
      t.replace("conclusion: conclusion", "conclusion: ending"),
    );
    const where = positionOf(text, "conclusion: ending");
    const run = coursefit(["validate", path, "--json"]);
    expect(run.status).toBe(1);
    const json = JSON.parse(run.stdout);
    expect(json).toMatchObject({ ok: false, fairness: null });
    expect(json.errors).toEqual([
      expect.objectContaining({
        file: path,
        line: where.line,
        col: where.col + "conclusion: ".length,
        pointer: "/conclusion",
        code: "unknown-reference",
      }),
    ]);
  });

  it("says clearly when the quiz file does not exist", () => {
    const run = coursefit(["validate", "quizzes/nowhere.yaml"]);
    expect(run.status).toBe(1);
    expect(run.stdout).toBe("");
    expect(
      expectCleanError(
        run.stderr,
        'coursefit: cannot read quiz "quizzes/nowhere.yaml": no such file',
      ),
    ).toHaveLength(1);
  });
});
