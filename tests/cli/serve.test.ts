// `coursefit serve`, as a trainer runs it: a real process on a free port with a SQLite
// file, a result sent from an allowed origin, the trainer signing in with the key that
// was printed once, and a restart that keeps both.
import type { ChildProcess } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { encodeAnswers } from "../../src/engine/share";
import { COMPLETE_ANSWERS } from "../helpers/answers";
import { loadQuiz } from "../helpers/quiz";
import { type Served, startServe, stopServe } from "../helpers/serve-process";
import { makeSite } from "../server/site";
import { TIMEOUT } from "./run";

const site = makeSite();
const dir = mkdtempSync(join(tmpdir(), "coursefit-serve-"));
const running: ChildProcess[] = [];
afterAll(() => {
  for (const child of running) child.kill();
  site.remove();
  rmSync(dir, { recursive: true, force: true });
});

const TRAINER = "https://trainer.example";
const quiz = loadQuiz();
const env = { ...process.env, DATABASE_URL: "", COURSEFIT_TRAINER_KEY: "" };

/** Starts `coursefit serve` on the test's SQLite file and pages. */
async function serve(): Promise<Served> {
  const served = await startServe(
    ["--db", join(dir, "results.db"), "--root", site.root, "--allow-origin", TRAINER],
    env,
  );
  running.push(served.child);
  return served;
}

describe("coursefit serve", { timeout: TIMEOUT }, () => {
  it("collects a result and lets the trainer sign in with the key printed once", async () => {
    const first = await serve();
    const key = /Trainer key: (\S+)/.exec(first.out)?.[1] ?? "";
    expect(key).toMatch(/^[A-Za-z0-9_-]{32}$/);
    expect((await fetch(first.url)).status).toBe(200);
    const sent = await fetch(new URL("api/results", first.url), {
      method: "POST",
      headers: { Origin: TRAINER, "Content-Type": "application/json" },
      body: JSON.stringify({
        quiz: quiz.id,
        token: encodeAnswers(quiz, COMPLETE_ANSWERS),
        submission: "serve-test-submission-1",
      }),
    });
    expect(sent.status).toBe(201);
    expect(await stopServe(first.child)).toBe(0);

    const second = await serve();
    expect(second.out).not.toContain("Trainer key");
    const session = await fetch(new URL("api/trainer/session", second.url), {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify({ key }),
    });
    expect(session.status).toBe(204);
    const cookie = (session.headers.get("set-cookie") ?? "").split(";")[0] ?? "";
    const rows = await fetch(new URL("api/trainer/results", second.url), {
      headers: { Cookie: cookie },
    });
    const lines = (await rows.text()).trim().split("\n");
    expect(lines).toHaveLength(1);
    expect(JSON.parse(lines[0] ?? "{}")).toMatchObject({
      submission: "serve-test-submission-1",
      quiz: quiz.id,
    });
    expect(await stopServe(second.child)).toBe(0);
  });
});
