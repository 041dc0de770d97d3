// The store's queries, on SQLite and (with DATABASE_URL) on PostgreSQL alike.
import type { Kysely } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  deleteWithSecret,
  type NewResult,
  removeExpired,
  removeResults,
  type StoredResult,
  saveResult,
  streamResults,
} from "../../src/store/results";
import type { Database } from "../../src/store/schema";
import { DATABASES } from "./databases";

function result(submission: string, extra: Partial<NewResult> = {}): NewResult {
  return {
    submission,
    quiz: "csm-vs-cspo",
    version: "1.0.0",
    cohort: "spring",
    contact: null,
    recommendation: "csm",
    margin: 12.5,
    strength: "clear",
    token: `token-${submission}`,
    answers: { week: "events", proud: ["a", "b"], facilitator: 4 },
    ...extra,
  };
}

async function all(db: Kysely<Database>, filter = {}): Promise<StoredResult[]> {
  const rows: StoredResult[] = [];
  for await (const row of streamResults(db, filter, 3)) rows.push(row);
  return rows;
}

describe.each(DATABASES)("the results store on $name", ({ open }) => {
  let db: Kysely<Database>;
  let close: () => Promise<void>;
  beforeAll(async () => {
    ({ db, close } = await open());
  });
  afterAll(() => close());

  it("stores a result with one row per answer, dated to the day", async () => {
    const saved = await saveResult(
      db,
      result("sub-one-aaaaaaaaaaaa"),
      new Date("2026-03-04T15:16:17Z"),
    );
    expect(saved.created).toBe(true);
    const [row] = (await all(db)).filter((r) => r.id === saved.id);
    expect(row).toMatchObject({ day: "2026-03-04", recommendation: "csm", margin: 12.5 });
    expect(row?.answers).toEqual({ week: ["events"], proud: ["a", "b"], facilitator: ["4"] });
    expect(row).not.toHaveProperty("secret_hash");
    const answers = await db
      .selectFrom("answers")
      .selectAll()
      .where("result_id", "=", saved.id)
      .execute();
    expect(answers).toHaveLength(4);
  });

  it("stores a retried submission once and answers the same id", async () => {
    const first = await saveResult(db, result("sub-retry-aaaaaaaaaa"));
    const again = await saveResult(db, result("sub-retry-aaaaaaaaaa"));
    expect(again).toMatchObject({ id: first.id, created: false });
    expect((await all(db)).filter((r) => r.submission === "sub-retry-aaaaaaaaaa")).toHaveLength(1);
    // The secret answered last is the one that deletes.
    expect(await deleteWithSecret(db, first.id, first.secret)).toBe(false);
    expect(await deleteWithSecret(db, first.id, again.secret)).toBe(true);
  });

  it("deletes a result only with its own secret", async () => {
    const saved = await saveResult(db, result("sub-delete-aaaaaaaaa"));
    expect(await deleteWithSecret(db, saved.id, "guessed")).toBe(false);
    expect(await deleteWithSecret(db, "no-such-id", saved.secret)).toBe(false);
    expect(await deleteWithSecret(db, saved.id, saved.secret)).toBe(true);
    expect((await all(db)).some((r) => r.id === saved.id)).toBe(false);
    const left = await db
      .selectFrom("answers")
      .selectAll()
      .where("result_id", "=", saved.id)
      .execute();
    expect(left).toEqual([]);
  });

  it("streams by quiz, version, cohort and days, page by page", async () => {
    for (let i = 0; i < 7; i++) {
      await saveResult(
        db,
        result(`sub-filter-${i}-aaaaaaaa`, { quiz: "filtered", cohort: i % 2 ? "odd" : "even" }),
        new Date(`2026-05-0${i + 1}T12:00:00Z`),
      );
    }
    expect(await all(db, { quiz: "filtered" })).toHaveLength(7);
    expect(await all(db, { quiz: "filtered", cohort: "odd" })).toHaveLength(3);
    expect(await all(db, { quiz: "filtered", from: "2026-05-02", to: "2026-05-04" })).toHaveLength(
      3,
    );
    expect(await all(db, { quiz: "filtered", version: "2.0.0" })).toHaveLength(0);
    expect(await all(db, { quiz: "x' or '1'='1" })).toHaveLength(0);
  });

  it("deletes a whole cohort, and what is past the retention period", async () => {
    expect(await removeResults(db, { quiz: "filtered", cohort: "even" })).toBe(4);
    expect(await all(db, { quiz: "filtered" })).toHaveLength(3);
    // Keeping 30 days back from 2026-06-04 removes 2026-05-02 and -04 (odd cohort), and
    // the first test's 2026-03-04; today's results stay.
    expect(await removeExpired(db, 30, new Date("2026-06-04T00:00:00Z"))).toBe(3);
    expect((await all(db, { quiz: "filtered" })).map((r) => r.day)).toEqual(["2026-05-06"]);
  });
});
