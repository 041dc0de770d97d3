// The trainer's routes through app.request, on SQLite and (with DATABASE_URL) PostgreSQL.
import type { Kysely } from "kysely";
import Papa from "papaparse";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Answers } from "../../src/engine/schema";
import { encodeAnswers } from "../../src/engine/share";
import { createApp } from "../../src/server/app";
import { saveResult } from "../../src/store/results";
import type { Database } from "../../src/store/schema";
import { ensureTrainerKey } from "../../src/store/trainer";
import { loadQuiz } from "../helpers/quiz";
import { DATABASES } from "../store/databases";
import { makeSite } from "./site";

const quiz = loadQuiz();
const site = makeSite();
afterAll(site.remove);
const KEY = "the-trainer-key-for-these-tests";

describe.each(DATABASES)("the trainer's routes on $name", ({ open }) => {
  let db: Kysely<Database>;
  let close: () => Promise<void>;
  let app: ReturnType<typeof createApp>;
  let cookie = "";
  beforeAll(async () => {
    ({ db, close } = await open());
    await ensureTrainerKey(db, KEY);
    app = createApp({
      root: site.root,
      results: { db, quizzes: { [quiz.id]: quiz }, allowOrigins: [] },
    });
    const answers: Answers = { week: "events" };
    for (const [i, cohort] of ["spring", "spring", '=HYPERLINK("x")'].entries()) {
      await saveResult(db, {
        submission: `trainer-test-${i}-aaaaaaaa`,
        quiz: quiz.id,
        version: quiz.version,
        cohort,
        contact: null,
        recommendation: "csm",
        margin: 10,
        strength: "clear",
        token: encodeAnswers(quiz, answers),
        answers,
      });
    }
  });
  afterAll(() => close());

  const signIn = (key: string, headers: Record<string, string> = {}) =>
    app.request("/api/trainer/session", {
      method: "POST",
      headers: { "Content-Type": "application/json", ...headers },
      body: JSON.stringify({ key }),
    });
  const asTrainer = (path: string, init: RequestInit = {}) =>
    app.request(path, { ...init, headers: { Cookie: cookie, ...(init.headers ?? {}) } });

  it.each([
    ["GET", "/api/trainer/results"],
    ["GET", "/api/trainer/results?format=csv"],
    ["DELETE", "/api/trainer/results/x"],
    ["DELETE", "/api/trainer/cohorts/spring"],
  ])("answers %s %s with 401 without a session, or with a guessed cookie", async (method, path) => {
    expect((await app.request(path, { method })).status).toBe(401);
    const guessed = await app.request(path, {
      method,
      headers: { Cookie: "coursefit_trainer=AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA" },
    });
    expect(guessed.status).toBe(401);
  });

  it("refuses a wrong key, slower after each failure", async () => {
    const first = performance.now();
    expect((await signIn("wrong")).status).toBe(401);
    const second = performance.now();
    expect((await signIn("wrong again")).status).toBe(401);
    expect((await signIn("still wrong")).status).toBe(401);
    // The third attempt waited at least 100 + 200 ms; the first did not wait at all.
    expect(performance.now() - second).toBeGreaterThanOrEqual(290);
    expect(second - first).toBeLessThan(290);
  });

  it("refuses a sign-in from another origin", async () => {
    expect((await signIn(KEY, { Origin: "https://evil.example" })).status).toBe(403);
  });

  it("signs in with the key: an HttpOnly, SameSite=Strict cookie, Secure behind HTTPS", async () => {
    const response = await signIn(KEY);
    expect(response.status).toBe(204);
    const set = response.headers.get("set-cookie") ?? "";
    expect(set).toMatch(/HttpOnly/);
    expect(set).toMatch(/SameSite=Strict/);
    expect(set).not.toMatch(/Secure/);
    cookie = set.split(";")[0] ?? "";
    const secure = await signIn(KEY, { "X-Forwarded-Proto": "https" });
    expect(secure.headers.get("set-cookie")).toMatch(/Secure/);
  });

  it("streams the results as JSON Lines with filters", async () => {
    const all = await asTrainer("/api/trainer/results");
    expect(all.status).toBe(200);
    expect(all.headers.get("content-type")).toBe("application/x-ndjson");
    const rows = (await all.text())
      .trim()
      .split("\n")
      .map((line) => JSON.parse(line));
    expect(rows).toHaveLength(3);
    expect(rows[0]).not.toHaveProperty("secret_hash");
    expect(rows[0].answers).toEqual({ week: ["events"] });
    const spring = await asTrainer("/api/trainer/results?cohort=spring&quiz=csm-vs-cspo");
    expect((await spring.text()).trim().split("\n")).toHaveLength(2);
    expect((await asTrainer("/api/trainer/results?from=2020-13")).status).toBe(400);
    expect((await asTrainer("/api/trainer/results?cohort=x%27%20or%201=1--")).status).toBe(200);
  });

  it("streams CSV with formulae kept as text", async () => {
    const response = await asTrainer("/api/trainer/results?format=csv");
    expect(response.headers.get("content-type")).toBe("text/csv; charset=utf-8");
    const { data } = Papa.parse<string[]>((await response.text()).trim());
    expect(data[0]).toEqual([
      "id",
      "quiz",
      "version",
      "cohort",
      "day",
      "recommendation",
      "strength",
      "margin",
      "token",
      "contact",
      "answers",
    ]);
    expect(data).toHaveLength(4);
    expect(data.map((row) => row[3])).toContain('\'=HYPERLINK("x")');
  });

  it("deletes a result and a whole cohort, refusing another origin", async () => {
    const rows = (await (await asTrainer("/api/trainer/results")).text())
      .trim()
      .split("\n")
      .map((l) => JSON.parse(l));
    const id = rows.find((r) => r.cohort !== "spring").id;
    const csrf = await asTrainer(`/api/trainer/results/${id}`, {
      method: "DELETE",
      headers: { Origin: "https://evil.example" },
    });
    expect(csrf.status).toBe(403);
    expect((await asTrainer(`/api/trainer/results/${id}`, { method: "DELETE" })).status).toBe(204);
    expect((await asTrainer(`/api/trainer/results/${id}`, { method: "DELETE" })).status).toBe(404);
    const cohort = await asTrainer("/api/trainer/cohorts/spring", { method: "DELETE" });
    expect(await cohort.json()).toEqual({ deleted: 2 });
    expect((await (await asTrainer("/api/trainer/results")).text()).trim()).toBe("");
  });

  it("signs out", async () => {
    expect((await asTrainer("/api/trainer/session", { method: "DELETE" })).status).toBe(204);
    expect((await asTrainer("/api/trainer/results")).status).toBe(401);
  });
});

describe("the trainer key", () => {
  it("is generated once when none is given, and kept as a hash only", async () => {
    const { db, close } = await (DATABASES[0] as (typeof DATABASES)[number]).open();
    const printed = await ensureTrainerKey(db, undefined);
    expect(printed).toMatch(/^[A-Za-z0-9_-]{32}$/);
    expect(await ensureTrainerKey(db, undefined)).toBeUndefined();
    const stored = await db.selectFrom("settings").select("value").execute();
    expect(JSON.stringify(stored)).not.toContain(printed);
    await close();
  });
});
