// The results and their answers.
import type { Kysely } from "kysely";

// biome-ignore lint/suspicious/noExplicitAny: a migration runs against the schema as it was then
export async function up(db: Kysely<any>): Promise<void> {
  // Types that SQLite and PostgreSQL read alike, so that one migration serves both.
  await db.schema
    .createTable("results")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("submission", "text", (c) => c.notNull().unique())
    .addColumn("quiz", "text", (c) => c.notNull())
    .addColumn("version", "text", (c) => c.notNull())
    .addColumn("cohort", "text")
    .addColumn("contact", "text")
    .addColumn("recommendation", "text", (c) => c.notNull())
    .addColumn("margin", "double precision", (c) => c.notNull())
    .addColumn("strength", "text", (c) => c.notNull())
    .addColumn("token", "text", (c) => c.notNull())
    .addColumn("day", "text", (c) => c.notNull())
    .addColumn("secret_hash", "text", (c) => c.notNull())
    .execute();
  await db.schema.createIndex("results_quiz_day").on("results").columns(["quiz", "day"]).execute();
  await db.schema.createIndex("results_day").on("results").column("day").execute();
  await db.schema
    .createTable("answers")
    .addColumn("result_id", "text", (c) => c.notNull().references("results.id").onDelete("cascade"))
    .addColumn("question", "text", (c) => c.notNull())
    .addColumn("value", "text", (c) => c.notNull())
    .addPrimaryKeyConstraint("answers_pk", ["result_id", "question", "value"])
    .execute();
}
