// The store's database, chosen once at start-up: PostgreSQL when a DATABASE_URL is given,
// otherwise a SQLite file. Nothing else in the store knows which it is.
import SQLite from "better-sqlite3";
import { Kysely, Migrator, PostgresDialect, SqliteDialect } from "kysely";
import pg from "pg";
import { MIGRATIONS } from "./migrations/index";
import type { Database } from "./schema";

export type StoreTarget = { url: string } | { file: string };

export async function openDatabase(target: StoreTarget): Promise<Kysely<Database>> {
  const db = new Kysely<Database>({
    dialect: "url" in target ? postgres(target.url) : sqlite(target.file),
  });
  const { error } = await new Migrator({
    db,
    provider: { getMigrations: async () => MIGRATIONS },
  }).migrateToLatest();
  if (error) {
    await db.destroy();
    throw new Error(
      `the database could not be prepared: ${error instanceof Error ? error.message : error}`,
    );
  }
  return db;
}

function postgres(url: string): PostgresDialect {
  return new PostgresDialect({ pool: new pg.Pool({ connectionString: url, max: 10 }) });
}

function sqlite(file: string): SqliteDialect {
  const database = new SQLite(file);
  // WAL: readers never block the writer; a committed write survives a killed process.
  database.pragma("journal_mode = WAL");
  database.pragma("synchronous = FULL");
  database.pragma("foreign_keys = ON");
  // A writer waits this long for another before SQLITE_BUSY (answered as 503).
  database.pragma("busy_timeout = 2000");
  return new SqliteDialect({ database });
}
