// `coursefit serve [--db FILE] [--allow-origin URL]... [--retain DAYS] [--port N]`: the
// built pages and, with a database, the results API and the trainer's routes. SQLite in
// a file by default; PostgreSQL when DATABASE_URL is set.
import { readdirSync } from "node:fs";
import { join } from "node:path";
import type { Quiz } from "../engine/schema";
import { createApp } from "../server/app";
import { keepServing, listen } from "../server/listen";
import { openDatabase } from "../store/open";
import { removeExpired } from "../store/results";
import { ensureTrainerKey } from "../store/trainer";
import { CliError, UsageError } from "./errors";
import type { Io } from "./io";
import { loadQuiz } from "./load";
import { BUILT_PAGES, BUNDLED_QUIZZES } from "./paths";

const DAY_MS = 86_400_000;

export type ServeOptions = {
  db: string;
  allowOrigins: string[];
  retain: string;
  rate: string;
  port: string;
  root?: string;
};

export async function serveCommand(options: ServeOptions, io: Io): Promise<number> {
  const retainDays = Number(options.retain);
  if (!Number.isInteger(retainDays) || retainDays < 1) {
    throw new UsageError(
      `--retain must be a whole number of days, not "${options.retain}"`,
      "serve",
    );
  }
  const rate = Number(options.rate);
  if (!Number.isInteger(rate) || rate < 1) {
    throw new UsageError(
      `--rate must be a whole number of results a minute, not "${options.rate}"`,
      "serve",
    );
  }
  const port = Number(options.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    throw new UsageError(`--port must be a port number, not "${options.port}"`, "serve");
  }
  for (const origin of options.allowOrigins) {
    if (!isOrigin(origin)) {
      throw new UsageError(
        `--allow-origin takes an exact origin such as https://trainer.example, not "${origin}"`,
        "serve",
      );
    }
  }

  const url = process.env.DATABASE_URL;
  const db = await openDatabase(url ? { url } : { file: options.db }).catch((error: Error) => {
    throw new CliError(error.message);
  });
  const created = await ensureTrainerKey(db, process.env.COURSEFIT_TRAINER_KEY || undefined);
  if (created) {
    io.print(
      "A trainer key was created for this database. It is shown only this once: keep it safe.",
      `  Trainer key: ${created}`,
    );
  }
  const purge = () =>
    removeExpired(db, retainDays).catch((error: Error) =>
      io.warn(`coursefit: the daily deletion of old results failed: ${error.message}`),
    );
  await purge();
  const daily = setInterval(purge, DAY_MS);

  keepServing();
  const server = await listen(
    createApp({
      root: options.root ?? BUILT_PAGES,
      results: {
        db,
        quizzes: bundledQuizzes(),
        allowOrigins: options.allowOrigins,
        rate: { limit: rate, windowMs: 60_000 },
      },
    }),
    { port },
  );
  io.print(
    `coursefit is running at ${server.url} (Ctrl+C to stop)`,
    `Results are stored in ${url ? "PostgreSQL (DATABASE_URL)" : options.db} and deleted after ${retainDays} days.`,
  );
  await new Promise<void>((stop) => {
    process.once("SIGINT", stop);
    process.once("SIGTERM", stop);
  });
  clearInterval(daily);
  await server.close();
  await db.destroy();
  return 0;
}

/** The quizzes shipped with coursefit, by id: the server scores results with its own copy. */
function bundledQuizzes(): Record<string, Quiz> {
  const quizzes: Record<string, Quiz> = {};
  for (const file of readdirSync(BUNDLED_QUIZZES)) {
    if (!/\.(ya?ml|json)$/.test(file) || file.endsWith(".schema.json")) continue;
    const quiz = loadQuiz(join(BUNDLED_QUIZZES, file));
    quizzes[quiz.id] = quiz;
  }
  return quizzes;
}

function isOrigin(text: string): boolean {
  try {
    const url = new URL(text);
    return /^https?:$/.test(url.protocol) && url.origin === text;
  } catch {
    return false;
  }
}
