import { describe, expect, it } from "vitest";
import { coursefit, expectCleanError, QUIZ, TIMEOUT } from "./run";

const GENERAL_USAGE =
  "usage: coursefit <validate|score|take|serve> [<quiz>] [options]  (coursefit --help for more)";

describe("coursefit command line", { timeout: TIMEOUT }, () => {
  it("prints usage for --help and exits 0", () => {
    const run = coursefit(["--help"]);
    expect(run.status).toBe(0);
    expect(run.stderr).toBe("");
    expect(run.stdout).toContain("  coursefit validate <quiz> [--json]\n");
    expect(run.stdout).toContain("  coursefit score <quiz> --answers <json|token> [--json]\n");
    expect(run.stdout).toContain("  coursefit take <quiz>\n");
    expect(run.stdout).toContain("2 bad command line");
  });

  it("prints one command's usage for <command> -h", () => {
    const run = coursefit(["score", "-h"]);
    expect(run.status).toBe(0);
    expect(run.stdout.split("\n")[0]).toBe(
      "Usage: coursefit score <quiz> --answers <json|token> [--json]",
    );
  });

  it("refuses an unknown command with exit 2 and a usage hint", () => {
    const run = coursefit(["grade", QUIZ]);
    expect(run.status).toBe(2);
    expect(run.stdout).toBe("");
    expect(expectCleanError(run.stderr, 'coursefit: unknown command "grade"')).toEqual([
      'coursefit: unknown command "grade"',
      GENERAL_USAGE,
    ]);
  });

  it("refuses no command at all", () => {
    const run = coursefit([]);
    expect(run.status).toBe(2);
    expect(run.stderr).toBe(`coursefit: missing command\n${GENERAL_USAGE}\n`);
  });

  it("refuses an unknown flag, and a flag the command does not take", () => {
    const unknown = coursefit(["validate", QUIZ, "--verbose"]);
    expect(unknown.status).toBe(2);
    expect(unknown.stderr).toBe(
      'coursefit: unknown option "--verbose"\nusage: coursefit validate <quiz> [--json]  (coursefit --help for more)\n',
    );
    const misplaced = coursefit(["take", QUIZ, "--answers", "{}"]);
    expect(misplaced.status).toBe(2);
    expect(misplaced.stderr.split("\n")[0]).toBe('coursefit: "take" does not take --answers');
  });

  it("refuses a missing quiz path, a missing --answers and an extra argument", () => {
    const noQuiz = coursefit(["validate"]);
    expect(noQuiz.status).toBe(2);
    expect(noQuiz.stderr.split("\n")[0]).toBe("coursefit: missing quiz path");
    const noAnswers = coursefit(["score", QUIZ]);
    expect(noAnswers.status).toBe(2);
    expect(noAnswers.stderr.split("\n")[0]).toBe("coursefit: missing --answers");
    const extra = coursefit(["validate", QUIZ, "other.yaml"]);
    expect(extra.status).toBe(2);
    expect(extra.stderr.split("\n")[0]).toBe('coursefit: unexpected argument "other.yaml"');
  });
});
