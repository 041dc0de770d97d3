// The databases the store's tests run on: a SQLite file always, and PostgreSQL when
// DATABASE_URL names one (.ci/run starts it). Each test file gets an empty database.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import pg from "pg";
import { openDatabase } from "../../src/store/open";

export const DATABASES = [
  {
    name: "SQLite",
    open: async () => {
      const dir = mkdtempSync(join(tmpdir(), "coursefit-db-"));
      const file = join(dir, "results.db");
      const db = await openDatabase({ file });
      return {
        db,
        /** How a `coursefit serve` process reaches the same database. */
        serveWith: { args: ["--db", file], env: { DATABASE_URL: "" } },
        close: async () => {
          await db.destroy();
          rmSync(dir, { recursive: true, force: true });
        },
      };
    },
  },
  ...(process.env.DATABASE_URL
    ? [
        {
          name: "PostgreSQL",
          open: async () => {
            const url = process.env.DATABASE_URL ?? "";
            // A schema of its own for each file, so files running side by side never meet.
            const schema = `t_${Math.random().toString(36).slice(2)}`;
            await admin(url, `create schema ${schema}`);
            const target = new URL(url);
            target.searchParams.set("options", `-c search_path=${schema}`);
            const db = await openDatabase({ url: target.toString() });
            return {
              db,
              serveWith: { args: [] as string[], env: { DATABASE_URL: target.toString() } },
              close: async () => {
                await db.destroy();
                await admin(url, `drop schema ${schema} cascade`);
              },
            };
          },
        },
      ]
    : []),
];

async function admin(url: string, statement: string): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(statement);
  } finally {
    await client.end();
  }
}
