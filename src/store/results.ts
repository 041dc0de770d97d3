// The queries on results, the same for SQLite and PostgreSQL. A database that is locked,
// full or unreachable becomes StoreUnavailable, which the server answers with a 503.
import { createHash, randomBytes, randomUUID, timingSafeEqual } from "node:crypto";
import type { Kysely } from "kysely";
import type { Answer } from "../engine/schema";
import type { Database, ResultsTable } from "./schema";

export class StoreUnavailable extends Error {
  constructor(cause: unknown) {
    super(`the database is unavailable: ${cause instanceof Error ? cause.message : cause}`);
    this.name = "StoreUnavailable";
  }
}

/** SQLite's busy, locked and full; PostgreSQL's disk full, lock timeout, shutting down; no connection. */
const UNAVAILABLE = new Set([
  "SQLITE_BUSY",
  "SQLITE_LOCKED",
  "SQLITE_FULL",
  "SQLITE_IOERR",
  "53100",
  "53200",
  "53300",
  "55P03",
  "57P01",
  "57P03",
  "ECONNREFUSED",
  "ECONNRESET",
]);

async function guarded<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    const code = String((error as { code?: unknown }).code ?? "");
    if (UNAVAILABLE.has(code) || code.startsWith("SQLITE_IOERR")) throw new StoreUnavailable(error);
    throw error;
  }
}

export type NewResult = Omit<ResultsTable, "id" | "day" | "secret_hash"> & {
  answers: Record<string, Answer>;
};

export type Saved = { id: string; secret: string; created: boolean };

const hash = (secret: string) => createHash("sha256").update(secret).digest("hex");

/** Today, UTC, as YYYY-MM-DD: the only date a result keeps. */
export const today = (now = new Date()) => now.toISOString().slice(0, 10);

/**
 * Stores a result and its answers in one transaction. A retry with the same `submission`
 * stores nothing new: it answers the same id and a new deletion secret (the old one
 * never reached the taker, or the taker would not retry).
 */
export function saveResult(
  db: Kysely<Database>,
  result: NewResult,
  now = new Date(),
): Promise<Saved> {
  const secret = randomBytes(24).toString("base64url");
  const { answers, ...row } = result;
  return guarded(() =>
    db.transaction().execute(async (tx) => {
      const id = randomUUID();
      const inserted = await tx
        .insertInto("results")
        .values({ ...row, id, day: today(now), secret_hash: hash(secret) })
        .onConflict((oc) => oc.column("submission").doNothing())
        .executeTakeFirst();
      if (Number(inserted.numInsertedOrUpdatedRows ?? 0) === 0) {
        const existing = await tx
          .updateTable("results")
          .set({ secret_hash: hash(secret) })
          .where("submission", "=", row.submission)
          .returning("id")
          .executeTakeFirstOrThrow();
        return { id: existing.id, secret, created: false };
      }
      const rows = Object.entries(answers).flatMap(([question, answer]) =>
        (Array.isArray(answer) ? answer : [answer]).map((value) => ({
          result_id: id,
          question,
          value: String(value),
        })),
      );
      if (rows.length > 0) await tx.insertInto("answers").values(rows).execute();
      return { id, secret, created: true };
    }),
  );
}

/** Deletes a result when `secret` is its deletion secret; false when not (or no such result). */
export function deleteWithSecret(
  db: Kysely<Database>,
  id: string,
  secret: string,
): Promise<boolean> {
  return guarded(async () => {
    const row = await db
      .selectFrom("results")
      .select("secret_hash")
      .where("id", "=", id)
      .executeTakeFirst();
    const given = Buffer.from(hash(secret));
    const stored = Buffer.from(row?.secret_hash ?? hash(randomUUID()));
    if (!row || !timingSafeEqual(given, stored)) return false;
    await removeResults(db, { id });
    return true;
  });
}

export type Filter = {
  quiz?: string;
  version?: string;
  cohort?: string;
  /** Days, inclusive, YYYY-MM-DD. */
  from?: string;
  to?: string;
};

export type StoredResult = Omit<ResultsTable, "secret_hash"> & {
  answers: Record<string, string[]>;
};

/** The results that match `filter`, a page at a time: memory stays flat however many there are. */
export async function* streamResults(
  db: Kysely<Database>,
  filter: Filter,
  pageSize = 500,
): AsyncGenerator<StoredResult> {
  let after = "";
  for (;;) {
    const page = await guarded(() =>
      matching(db, filter)
        .select([
          "id",
          "submission",
          "quiz",
          "version",
          "cohort",
          "contact",
          "recommendation",
          "margin",
          "strength",
          "token",
          "day",
        ])
        .where("id", ">", after)
        .orderBy("id")
        .limit(pageSize)
        .execute(),
    );
    if (page.length === 0) return;
    const answers = await guarded(() =>
      db
        .selectFrom("answers")
        .selectAll()
        .where(
          "result_id",
          "in",
          page.map((r) => r.id),
        )
        .execute(),
    );
    const byResult = new Map<string, Record<string, string[]>>();
    for (const a of answers) {
      const record = byResult.get(a.result_id) ?? {};
      if (!Object.hasOwn(record, a.question)) record[a.question] = [];
      record[a.question]?.push(a.value);
      byResult.set(a.result_id, record);
    }
    for (const row of page) yield { ...row, answers: byResult.get(row.id) ?? {} };
    after = page.at(-1)?.id ?? after;
    if (page.length < pageSize) return;
  }
}

function matching(db: Kysely<Database>, filter: Filter) {
  let query = db.selectFrom("results");
  if (filter.quiz !== undefined) query = query.where("quiz", "=", filter.quiz);
  if (filter.version !== undefined) query = query.where("version", "=", filter.version);
  if (filter.cohort !== undefined) query = query.where("cohort", "=", filter.cohort);
  if (filter.from !== undefined) query = query.where("day", ">=", filter.from);
  if (filter.to !== undefined) query = query.where("day", "<=", filter.to);
  return query;
}

/** Deletes the results that match (answers go with them); answers how many. */
export function removeResults(
  db: Kysely<Database>,
  which: { id: string } | { quiz?: string; cohort: string } | { before: string },
): Promise<number> {
  return guarded(() =>
    db.transaction().execute(async (tx) => {
      let ids = tx.selectFrom("results").select("id");
      if ("id" in which) ids = ids.where("id", "=", which.id);
      else if ("before" in which) ids = ids.where("day", "<", which.before);
      else {
        ids = ids.where("cohort", "=", which.cohort);
        if (which.quiz !== undefined) ids = ids.where("quiz", "=", which.quiz);
      }
      await tx.deleteFrom("answers").where("result_id", "in", ids).execute();
      const deleted = await tx.deleteFrom("results").where("id", "in", ids).executeTakeFirst();
      return Number(deleted.numDeletedRows);
    }),
  );
}

/** Retention: deletes every result received more than `days` days before `now`. */
export function removeExpired(
  db: Kysely<Database>,
  days: number,
  now = new Date(),
): Promise<number> {
  const cutoff = new Date(now.getTime() - days * 86_400_000);
  return removeResults(db, { before: today(cutoff) });
}
