// The results API through app.request, on SQLite and (with DATABASE_URL) PostgreSQL.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import SQLite from "better-sqlite3";
import type { Kysely } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { evaluate } from "../../src/engine/result";
import type { Answers } from "../../src/engine/schema";
import { encodeAnswers } from "../../src/engine/share";
import { createApp } from "../../src/server/app";
import { openDatabase } from "../../src/store/open";
import type { Database } from "../../src/store/schema";
import { COMPLETE_ANSWERS } from "../helpers/answers";
import { loadQuiz } from "../helpers/quiz";
import { DATABASES } from "../store/databases";
import { makeSite } from "./site";

const quiz = loadQuiz();
const ANSWERS: Answers = COMPLETE_ANSWERS;
const TOKEN = encodeAnswers(quiz, ANSWERS);
const TRAINER = "https://trainer.example";
const site = makeSite();
afterAll(site.remove);

let counter = 0;
const submissionId = () => `submission-${Date.now()}-${counter++}-abcdef`;

describe.each(DATABASES)("the results API on $name", ({ open }) => {
  let db: Kysely<Database>;
  let close: () => Promise<void>;
  let app: ReturnType<typeof createApp>;
  beforeAll(async () => {
    ({ db, close } = await open());
    app = createApp({
      root: site.root,
      results: {
        db,
        quizzes: { [quiz.id]: quiz },
        allowOrigins: [TRAINER],
        rate: { limit: 1000, windowMs: 60_000 },
      },
    });
  });
  afterAll(() => close());

  const post = (body: unknown, headers: Record<string, string> = {}) =>
    app.request("/api/results", {
      method: "POST",
      headers: { Origin: TRAINER, "Content-Type": "application/json", ...headers },
      body: typeof body === "string" ? body : JSON.stringify(body),
    });
  const count = async () => (await db.selectFrom("results").select("id").execute()).length;

  it("stores the result recomputed from the token, never the posted scores", async () => {
    const expected = evaluate(quiz, ANSWERS);
    const response = await post({
      quiz: quiz.id,
      token: TOKEN,
      submission: submissionId(),
      cohort: "spring",
      // A tampered Result posted beside the token: ignored.
      recommendation: { kind: "outcome", outcome: "cspo" },
      margin: 99,
      scores: [{ outcome: "cspo", score: 100 }],
    });
    expect(response.status).toBe(201);
    expect(response.headers.get("access-control-allow-origin")).toBe(TRAINER);
    expect(response.headers.get("x-content-type-options")).toBe("nosniff");
    const { id, secret } = (await response.json()) as { id: string; secret: string };
    expect(typeof secret).toBe("string");
    const row = await db
      .selectFrom("results")
      .selectAll()
      .where("id", "=", id)
      .executeTakeFirstOrThrow();
    expect(row).toMatchObject({
      quiz: quiz.id,
      version: quiz.version,
      cohort: "spring",
      recommendation:
        expected.recommendation.kind === "outcome" ? expected.recommendation.outcome : "balanced",
      margin: expected.margin,
      token: TOKEN,
    });
    expect(row.day).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(JSON.stringify(row)).not.toMatch(/127\.0\.0\.1|Mozilla|user-agent/i);
  });

  it("stores a retried submission once", async () => {
    const submission = submissionId();
    const before = await count();
    const first = await post({ quiz: quiz.id, token: TOKEN, submission });
    const again = await post({ quiz: quiz.id, token: TOKEN, submission });
    expect([first.status, again.status]).toEqual([201, 200]);
    expect(((await again.json()) as { id: string }).id).toBe(
      ((await first.json()) as { id: string }).id,
    );
    expect(await count()).toBe(before + 1);
  });

  it("deletes a result with its secret, and only with it", async () => {
    const { id, secret } = (await (
      await post({ quiz: quiz.id, token: TOKEN, submission: submissionId() })
    ).json()) as {
      id: string;
      secret: string;
    };
    const remove = (body: unknown) =>
      app.request(`/api/results/${id}`, {
        method: "DELETE",
        headers: { Origin: TRAINER, "Content-Type": "application/json" },
        body: JSON.stringify(body),
      });
    expect((await remove({ secret: "guess" })).status).toBe(404);
    expect((await remove({ secret })).status).toBe(204);
    expect(await db.selectFrom("results").select("id").where("id", "=", id).execute()).toEqual([]);
  });

  it.each([
    ["a disallowed origin", { Origin: "https://evil.example" }, undefined, 403],
    ["no origin at all", { Origin: "" }, undefined, 403],
    ["a body that is not JSON", {}, "quiz=csm-vs-cspo", 400],
    ["a form post", { "Content-Type": "application/x-www-form-urlencoded" }, undefined, 415],
    [
      "a body over 8 KB",
      {},
      JSON.stringify({ quiz: "x", token: "a".repeat(9000), submission: "s".repeat(20) }),
      413,
    ],
    [
      "a forged token",
      {},
      JSON.stringify({ quiz: "csm-vs-cspo", token: "AAAAAAAAAAAA", submission: "s".repeat(20) }),
      422,
    ],
    [
      "an unknown quiz",
      {},
      JSON.stringify({ quiz: "constructor", token: "AAAA", submission: "s".repeat(20) }),
      404,
    ],
    [
      "SQL in the submission id",
      {},
      JSON.stringify({
        quiz: "csm-vs-cspo",
        token: "AAAA",
        submission: "x'); drop table results;--",
      }),
      400,
    ],
  ])("refuses %s with a clear status and stores nothing", async (_what, headers, body, status) => {
    const before = await count();
    const response = await post(
      body ?? { quiz: quiz.id, token: TOKEN, submission: submissionId() },
      headers,
    );
    expect(response.status).toBe(status);
    expect(((await response.json()) as { error: string }).error).toMatch(/\w/);
    expect(await count()).toBe(before);
  });

  it("answers a preflight from an allowed origin only", async () => {
    const preflight = (origin: string) =>
      app.request("/api/results", {
        method: "OPTIONS",
        headers: { Origin: origin, "Access-Control-Request-Method": "POST" },
      });
    const ok = await preflight(TRAINER);
    expect(ok.status).toBe(204);
    expect(ok.headers.get("access-control-allow-methods")).toBe("POST, DELETE");
    const refused = await preflight("https://evil.example");
    expect(refused.status).toBe(403);
    expect(refused.headers.get("access-control-allow-origin")).toBeNull();
  });
});

describe("the results API without a database", () => {
  it("says that this server collects no results", async () => {
    const app = createApp({ root: site.root });
    const response = await app.request("/api/results", { method: "POST" });
    expect(response.status).toBe(404);
  });
});

describe("the results API under pressure", () => {
  it("answers 503 with Retry-After while the SQLite file is locked, then stores again", async () => {
    const dir = mkdtempSync(join(tmpdir(), "coursefit-locked-"));
    const file = join(dir, "results.db");
    const db = await openDatabase({ file });
    const app = createApp({
      root: site.root,
      results: { db, quizzes: { [quiz.id]: quiz }, allowOrigins: [TRAINER] },
    });
    const send = () =>
      app.request("/api/results", {
        method: "POST",
        headers: { Origin: TRAINER, "Content-Type": "application/json" },
        body: JSON.stringify({ quiz: quiz.id, token: TOKEN, submission: submissionId() }),
      });
    const other = new SQLite(file);
    other.exec("BEGIN EXCLUSIVE");
    const locked = await send();
    expect(locked.status).toBe(503);
    expect(locked.headers.get("retry-after")).toBe("5");
    other.exec("ROLLBACK");
    other.close();
    expect((await send()).status).toBe(201);
    await db.destroy();
    rmSync(dir, { recursive: true, force: true });
  }, 20_000);

  it("limits each client's submissions, in memory", async () => {
    const { db, close } = await (DATABASES[0] as (typeof DATABASES)[number]).open();
    const app = createApp({
      root: site.root,
      results: {
        db,
        quizzes: { [quiz.id]: quiz },
        allowOrigins: [TRAINER],
        rate: { limit: 2, windowMs: 60_000 },
      },
    });
    const statuses: number[] = [];
    for (let i = 0; i < 3; i++) {
      const response = await app.request("/api/results", {
        method: "POST",
        headers: { Origin: TRAINER, "Content-Type": "application/json" },
        body: JSON.stringify({ quiz: quiz.id, token: TOKEN, submission: submissionId() }),
      });
      statuses.push(response.status);
    }
    expect(statuses).toEqual([201, 201, 429]);
    await close();
  });
});
