// Files as an attacker would hand them to the CLI: terminal control sequences in a quiz's
// text, and paths that are no regular file (a device that never ends, a FIFO that never
// opens, a source text linked to /dev/zero).
import { execFileSync } from "node:child_process";
import {
  copyFileSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { escapeControls } from "../../src/cli/terminal";
import { COMPLETE_ANSWERS } from "../helpers/answers";
import { coursefit, expectCleanError, QUIZ, type Run, TIMEOUT } from "./run";

const dir = mkdtempSync(join(tmpdir(), "coursefit-untrusted-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const SOURCE = "product-owner-101.txt";
const original = readFileSync(QUIZ, "utf8");

/** A copy of the shipped quiz in `dir`, changed by `edit`, beside its source text. */
function quizCopy(name: string, edit: (text: string) => string, source = true): string {
  const path = join(dir, name);
  writeFileSync(path, edit(original));
  if (source) copyFileSync(join("quizzes", SOURCE), join(dir, SOURCE));
  return path;
}

// Clear the screen, rename the window; a C1 CSI and a right-to-left override besides.
const HOSTILE_TITLE = "CSM \u001b[2J\u001b]0;x\u0007 or \u009b31m CSPO \u202e?";
const titled = quizCopy("titled.yaml", (t) =>
  t.replace(
    'title: "CSM or CSPO: which Scrum course fits you?"',
    `title: ${JSON.stringify(HOSTILE_TITLE)}`,
  ),
);
// An unknown key that writes to the clipboard (OSC 52).
const OSC52 = "\u001b]52;c;ZXZpbA==\u0007";
const keyed = quizCopy("keyed.yaml", (t) => `${JSON.stringify(OSC52)}: 1\n${t}`);

const ANSWERS = JSON.stringify(COMPLETE_ANSWERS);

/** No raw ESC, BEL, C1 or bidi control reaches the terminal, on either stream. */
function expectNoControls(run: Run) {
  for (const [name, text] of [
    ["stdout", run.stdout],
    ["stderr", run.stderr],
  ] as const) {
    for (const raw of ["\u0007", "\u001b", "\u009b", "\u202e"])
      expect(text, name).not.toContain(raw);
    expect(escapeControls(text), name).toBe(text);
  }
}

describe("control characters from a quiz file", { timeout: TIMEOUT }, () => {
  it("are escaped in validate's problems", () => {
    const run = coursefit(["validate", keyed]);
    expect(run.status).toBe(1);
    expectNoControls(run);
    expect(run.stdout).toContain("\\u001b]52;c;ZXZpbA==\\u0007");
  });

  it("are escaped in validate's report and score's result", () => {
    const validate = coursefit(["validate", titled]);
    expect(validate.stderr).toBe("");
    expect(validate.status).toBe(0);
    expectNoControls(validate);
    const score = coursefit(["score", titled, "--answers", ANSWERS]);
    expect(score.status, score.stderr).toBe(0);
    expectNoControls(score);
    expect(score.stdout).toContain("CSM \\u001b[2J\\u001b]0;x\\u0007 or \\u009b31m CSPO \\u202e?");
  });

  it("keep score --json valid JSON that decodes to the file's own text", () => {
    const run = coursefit(["score", titled, "--answers", ANSWERS, "--json"]);
    expect(run.status, run.stderr).toBe(0);
    expectNoControls(run);
    expect(JSON.parse(run.stdout).quiz.title).toBe(HOSTILE_TITLE);
  });

  it("are escaped in take", () => {
    const run = coursefit(["take", titled], "q\n");
    expect(run.status).toBe(0);
    expectNoControls(run);
    expect(run.stdout).toContain("\\u001b[2J");
  });
});

describe("paths that are not regular files", { timeout: TIMEOUT }, () => {
  it("refuses /dev/zero with one clear line", () => {
    const run = coursefit(["validate", "/dev/zero"]);
    expect(run.status).toBe(1);
    expect(
      expectCleanError(
        run.stderr,
        'coursefit: cannot read quiz "/dev/zero": it is a device, not a regular file',
      ),
    ).toHaveLength(1);
  });

  it("refuses a FIFO at once instead of waiting for a writer", () => {
    const fifo = join(dir, "pipe.yaml");
    execFileSync("mkfifo", [fifo]);
    const run = coursefit(["validate", fifo]);
    expect(run.status).toBe(1);
    expectCleanError(
      run.stderr,
      `coursefit: cannot read quiz "${fifo}": it is a named pipe, not a regular file`,
    );
  });

  it("refuses a source text that is a symbolic link to /dev/zero", () => {
    const sub = mkdtempSync(join(dir, "linked-"));
    const path = join(sub, "quiz.yaml");
    writeFileSync(path, original);
    symlinkSync("/dev/zero", join(sub, SOURCE));
    const run = coursefit(["validate", path]);
    expect(run.status).toBe(1);
    expectCleanError(
      run.stderr,
      `coursefit: cannot read source text "${join(sub, SOURCE)}": it is a device, not a regular file`,
    );
  });

  it("refuses a quiz over the size limit without reading it whole", () => {
    const path = join(dir, "huge.yaml");
    writeFileSync(path, `${original}\n# ${"x".repeat(2 * 1024 * 1024)}\n`);
    const run = coursefit(["score", path, "--answers", "{}"]);
    expect(run.status).toBe(1);
    expectCleanError(
      run.stderr,
      /^coursefit: cannot read quiz ".*huge\.yaml": it is 2,\d{3},\d{3} bytes; a quiz file may be at most 1,048,576 bytes$/,
    );
  });

  it("says when a file is not UTF-8", () => {
    const path = join(dir, "latin1.yaml");
    writeFileSync(path, Buffer.from(original.replace("which", "caf\u00e9"), "latin1"));
    const run = coursefit(["validate", path]);
    expect(run.status).toBe(1);
    expectCleanError(run.stderr, `coursefit: cannot read quiz "${path}": it is not UTF-8 text`);
  });
});

describe("escapeControls", () => {
  it("escapes C0 but the newline, DEL, C1 and bidi controls, and nothing else", () => {
    expect(escapeControls("a\u0000\t\r\u007f\u0085\u061c\u200f\u2066\u202a b é ✓\n")).toBe(
      "a\\u0000\\u0009\\u000d\\u007f\\u0085\\u061c\\u200f\\u2066\\u202a b é ✓\n",
    );
  });

  it("keeps a carriage return that ends a CRLF line, as CSV output needs", () => {
    expect(escapeControls("a,b\r\nc\rd\r")).toBe("a,b\r\nc\\u000dd\\u000d");
  });
});
