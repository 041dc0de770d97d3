// The trainer's side: sign in with the trainer key (a session cookie that is HttpOnly,
// SameSite=Strict and Secure behind HTTPS), then stream the results as JSON Lines or CSV
// with the summary page's filters, or delete a result or a cohort. Without a session
// every route answers 401.
import type { Context, MiddlewareHandler } from "hono";
import { Hono } from "hono";
import { deleteCookie, getCookie, setCookie } from "hono/cookie";
import type { Kysely } from "kysely";
import Papa from "papaparse";
import { z } from "zod";
import { type Filter, removeResults, type StoredResult, streamResults } from "../store/results";
import type { Database } from "../store/schema";
import { createSession, endSession, hasSession, isTrainerKey } from "../store/trainer";
import { readJson } from "./json";

const COOKIE = "coursefit_trainer";
const SESSION_MS = 8 * 60 * 60 * 1000;
/** After each failed sign-in the next answer waits twice as long, up to this. */
const MAX_DELAY_MS = 5_000;

const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, "must be a day, YYYY-MM-DD");
const filterSchema = z.object({
  quiz: z.string().max(100).optional(),
  version: z.string().max(50).optional(),
  cohort: z.string().max(100).optional(),
  from: day.optional(),
  to: day.optional(),
  format: z.enum(["jsonl", "csv"]).default("jsonl"),
});

export function trainerApi(db: Kysely<Database>): Hono {
  const app = new Hono();
  let failures = 0;

  // Trainer routes answer this server's own pages only: another origin is refused outright.
  const sameOrigin: MiddlewareHandler = async (c, next) => {
    const origin = c.req.header("Origin");
    if (origin !== undefined && origin !== new URL(c.req.url).origin) {
      return c.json({ error: "trainer routes answer this server's own pages only" }, 403);
    }
    await next();
  };
  const signedIn: MiddlewareHandler = async (c, next) => {
    const token = getCookie(c, COOKIE);
    if (!token || !(await hasSession(db, token))) {
      return c.json({ error: "sign in with the trainer key first" }, 401);
    }
    await next();
  };

  app.use("*", sameOrigin);

  // Whether this server collects results and this browser is signed in: always 200, so
  // that the summary page can ask without an error in the console.
  app.get("/status", async (c) => {
    const token = getCookie(c, COOKIE);
    return c.json({ collecting: true, signedIn: !!token && (await hasSession(db, token)) });
  });

  app.post("/session", async (c) => {
    const body = z.object({ key: z.string().min(1).max(200) }).safeParse(await readJson(c));
    // Every attempt waits while failures pile up, so guessing the key gets slower and slower.
    if (failures > 0) await sleep(Math.min(MAX_DELAY_MS, 100 * 2 ** (failures - 1)));
    if (!body.success || !(await isTrainerKey(db, body.data.key))) {
      failures++;
      return c.json({ error: "that is not the trainer key" }, 401);
    }
    failures = 0;
    setCookie(c, COOKIE, await createSession(db, SESSION_MS), {
      httpOnly: true,
      sameSite: "Strict",
      secure: isHttps(c),
      path: "/api/trainer",
      maxAge: SESSION_MS / 1000,
    });
    return c.body(null, 204);
  });

  app.delete("/session", async (c) => {
    const token = getCookie(c, COOKIE);
    if (token) await endSession(db, token);
    deleteCookie(c, COOKIE, { path: "/api/trainer" });
    return c.body(null, 204);
  });

  app.use("*", signedIn);

  app.get("/results", (c) => {
    const query = filterSchema.safeParse(c.req.query());
    if (!query.success) {
      const issue = query.error.issues[0];
      return c.json({ error: `${issue?.path.join(".") ?? "query"}: ${issue?.message}` }, 400);
    }
    const { format, ...filter } = query.data;
    const csv = format === "csv";
    c.header("Content-Type", csv ? "text/csv; charset=utf-8" : "application/x-ndjson");
    c.header("Content-Disposition", `attachment; filename="results.${format}"`);
    return c.body(lines(db, filter, csv ? csvLine : jsonLine, csv ? CSV_HEADER : undefined));
  });

  app.delete("/results/:id", async (c) =>
    (await removeResults(db, { id: c.req.param("id") })) > 0
      ? c.body(null, 204)
      : c.json({ error: "no such result" }, 404),
  );

  app.delete("/cohorts/:cohort", async (c) => {
    const quiz = c.req.query("quiz");
    const deleted = await removeResults(db, {
      cohort: c.req.param("cohort"),
      ...(quiz ? { quiz } : {}),
    });
    return c.json({ deleted });
  });
  return app;
}

const COLUMNS = [
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
] as const;
const CSV_HEADER = `${COLUMNS.join(",")}\r\n`;

const jsonLine = (row: StoredResult) => `${JSON.stringify(row)}\n`;

function csvLine(row: StoredResult): string {
  const cells = COLUMNS.map((column) =>
    column === "answers" ? JSON.stringify(row.answers) : (row[column] ?? ""),
  );
  // escapeFormulae: a cohort name such as "=HYPERLINK(...)" stays text in a spreadsheet.
  return `${Papa.unparse([cells], { escapeFormulae: true })}\r\n`;
}

/** The matching results as a byte stream, one line each, read from the store as it is sent. */
function lines(
  db: Kysely<Database>,
  filter: Filter,
  line: (row: StoredResult) => string,
  header?: string,
): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  const rows = streamResults(db, filter);
  return new ReadableStream({
    start(controller) {
      if (header) controller.enqueue(encoder.encode(header));
    },
    async pull(controller) {
      const next = await rows.next();
      if (next.done) controller.close();
      else controller.enqueue(encoder.encode(line(next.value)));
    },
    async cancel() {
      await rows.return(undefined);
    },
  });
}

function isHttps(c: Context): boolean {
  return new URL(c.req.url).protocol === "https:" || c.req.header("X-Forwarded-Proto") === "https";
}

const sleep = (ms: number) => new Promise((done) => setTimeout(done, ms));
