// The trainer's key and sessions. The key is kept only as a salted scrypt hash, a
// session only as the SHA-256 of its cookie: a copy of the database signs no one in.
import { createHash, randomBytes, scryptSync, timingSafeEqual } from "node:crypto";
import type { Kysely } from "kysely";
import type { Database } from "./schema";

const KEY = "trainer_key";

function scrypt(key: string, salt: string): string {
  return scryptSync(key, salt, 32).toString("hex");
}

/**
 * Makes `given` the trainer key, or, without one, keeps the stored key or creates one.
 * Answers a key created now (to print once), else undefined.
 */
export async function ensureTrainerKey(
  db: Kysely<Database>,
  given: string | undefined,
): Promise<string | undefined> {
  const stored = await db
    .selectFrom("settings")
    .select("value")
    .where("name", "=", KEY)
    .executeTakeFirst();
  if (!given && stored) return undefined;
  const key = given ?? randomBytes(24).toString("base64url");
  const salt = randomBytes(16).toString("hex");
  const value = `${salt}$${scrypt(key, salt)}`;
  await db
    .insertInto("settings")
    .values({ name: KEY, value })
    .onConflict((oc) => oc.column("name").doUpdateSet({ value }))
    .execute();
  return given ? undefined : key;
}

/** Whether `key` is the trainer key, compared in constant time. */
export async function isTrainerKey(db: Kysely<Database>, key: string): Promise<boolean> {
  const stored = await db
    .selectFrom("settings")
    .select("value")
    .where("name", "=", KEY)
    .executeTakeFirst();
  const [salt = "", hash = ""] = (stored?.value ?? "").split("$");
  const given = Buffer.from(scrypt(key, salt), "hex");
  const expected = Buffer.from(hash, "hex");
  return expected.length === given.length && timingSafeEqual(given, expected);
}

const sha256 = (token: string) => createHash("sha256").update(token).digest("hex");

export async function createSession(
  db: Kysely<Database>,
  ttlMs: number,
  now = Date.now(),
): Promise<string> {
  const token = randomBytes(32).toString("base64url");
  await db.deleteFrom("sessions").where("expires", "<", now).execute();
  await db
    .insertInto("sessions")
    .values({ token_hash: sha256(token), expires: now + ttlMs })
    .execute();
  return token;
}

export async function hasSession(
  db: Kysely<Database>,
  token: string,
  now = Date.now(),
): Promise<boolean> {
  const row = await db
    .selectFrom("sessions")
    .select("expires")
    .where("token_hash", "=", sha256(token))
    .executeTakeFirst();
  return row !== undefined && Number(row.expires) > now;
}

export async function endSession(db: Kysely<Database>, token: string): Promise<void> {
  await db.deleteFrom("sessions").where("token_hash", "=", sha256(token)).execute();
}
