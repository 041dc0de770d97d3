// Runs the real CLI in a child process, as a user would: `node --import tsx src/cli/main.ts`.
import { spawnSync } from "node:child_process";
import { expect } from "vitest";

export const QUIZ = "quizzes/csm-vs-cspo.yaml";
/** tsx compiles on start-up; on a loaded 2-core machine a run can take several seconds. */
export const TIMEOUT = 60_000;

export type Run = { status: number | null; stdout: string; stderr: string };

export function coursefit(args: string[], input = "", script = "src/cli/main.ts"): Run {
  const run = spawnSync(process.execPath, ["--import", "tsx", script, ...args], {
    cwd: process.cwd(),
    input,
    encoding: "utf8",
    timeout: TIMEOUT - 5_000,
  });
  if (run.error) throw run.error;
  return { status: run.status, stdout: run.stdout, stderr: run.stderr };
}

/** Text with every run of whitespace made one space: wrapped lines read as one. */
export function squash(text: string): string {
  return text.replace(/\s+/g, " ");
}

/** stderr holds exactly the expected `coursefit: ...` line(s) and never a stack trace. */
export function expectCleanError(stderr: string, firstLine: string | RegExp): string[] {
  const lines = stderr.trimEnd().split("\n");
  expect(lines[0]).toMatch(firstLine);
  expect(stderr).not.toMatch(/^\s+at /m);
  expect(stderr).not.toMatch(/\.ts:\d+:\d+/);
  return lines;
}

export function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}
