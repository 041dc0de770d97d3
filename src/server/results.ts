// The results API for takers: POST a consented result, DELETE it again with its secret.
// The server never trusts a posted score: it recomputes the Result from the token with
// its own copy of the quiz, and stores that.
import type { Context, MiddlewareHandler } from "hono";
import { Hono } from "hono";
import { bodyLimit } from "hono/body-limit";
import type { Kysely } from "kysely";
import { z } from "zod";
import { missingAnswers } from "../engine/answers";
import { own } from "../engine/own";
import { evaluate } from "../engine/result";
import type { Quiz } from "../engine/schema";
import { decodeAnswers } from "../engine/share";
import { deleteWithSecret, saveResult } from "../store/results";
import type { Database } from "../store/schema";
import { readJson } from "./json";
import { type RateLimit, rateLimit } from "./rate-limit";

export const MAX_BODY_BYTES = 8 * 1024;

export type ResultsOptions = {
  db: Kysely<Database>;
  quizzes: Readonly<Record<string, Quiz>>;
  /** Exact origins (scheme, host, port) whose pages may send results, besides this server's. */
  allowOrigins: readonly string[];
  rate?: RateLimit;
};

const submissionSchema = z.object({
  quiz: z.string().min(1).max(100),
  token: z.string().min(1).max(4096),
  cohort: z.string().trim().min(1).max(100).optional(),
  contact: z.string().trim().min(1).max(200).optional(),
  /** The client's own random id for this submission, the same on every retry. */
  submission: z.string().regex(/^[A-Za-z0-9_-]{16,64}$/),
});

const deletionSchema = z.object({ secret: z.string().min(1).max(200) });

export function resultsApi({
  db,
  quizzes,
  allowOrigins,
  rate = { limit: 30, windowMs: 60_000 },
}: ResultsOptions): Hono {
  const app = new Hono();
  const allowed = (c: Context) => {
    const origin = c.req.header("Origin");
    return origin !== undefined &&
      (allowOrigins.includes(origin) || origin === new URL(c.req.url).origin)
      ? origin
      : undefined;
  };

  // CORS for the allowed origins only, preflight included; every other origin is refused.
  const cors: MiddlewareHandler = async (c, next) => {
    const origin = allowed(c);
    if (!origin) return c.json({ error: "this origin may not send results here" }, 403);
    c.header("Access-Control-Allow-Origin", origin);
    c.header("Vary", "Origin");
    if (c.req.method === "OPTIONS") {
      c.header("Access-Control-Allow-Methods", "POST, DELETE");
      c.header("Access-Control-Allow-Headers", "Content-Type");
      c.header("Access-Control-Max-Age", "600");
      return c.body(null, 204);
    }
    await next();
  };
  const json: MiddlewareHandler = async (c, next) => {
    if (!/^application\/json\s*(;|$)/i.test(c.req.header("Content-Type") ?? "")) {
      return c.json({ error: "send JSON (Content-Type: application/json)" }, 415);
    }
    await next();
  };
  const limited = bodyLimit({
    maxSize: MAX_BODY_BYTES,
    onError: (c) => c.json({ error: `the body may be at most ${MAX_BODY_BYTES} bytes` }, 413),
  });

  app.use("*", cors);
  app.post("/", rateLimit(rate), json, limited, async (c) => {
    const body = submissionSchema.safeParse(await readJson(c));
    if (!body.success) return c.json({ error: describe(body.error) }, 400);
    const { quiz: quizId, token, cohort, contact, submission } = body.data;
    const quiz = own(quizzes, quizId);
    if (!quiz) return c.json({ error: `this server has no quiz "${quizId}"` }, 404);
    const decoded = decodeAnswers(quiz, token);
    if (!decoded.ok) return c.json({ error: decoded.error.message }, 422);
    if (missingAnswers(quiz, decoded.answers).length > 0) {
      return c.json({ error: "these answers leave required questions unanswered" }, 422);
    }
    const result = evaluate(quiz, decoded.answers);
    const rec = result.recommendation;
    const saved = await saveResult(db, {
      submission,
      quiz: quiz.id,
      version: quiz.version,
      cohort: cohort ?? null,
      contact: contact ?? null,
      recommendation: rec.kind === "outcome" ? rec.outcome : "balanced",
      margin: result.margin,
      strength: result.strength,
      token: result.token,
      answers: result.answers,
    });
    return c.json({ id: saved.id, secret: saved.secret }, saved.created ? 201 : 200);
  });

  app.delete("/:id", json, limited, async (c) => {
    const body = deletionSchema.safeParse(await readJson(c));
    if (!body.success) return c.json({ error: 'send the deletion secret as {"secret": ...}' }, 400);
    const deleted = await deleteWithSecret(db, c.req.param("id"), body.data.secret);
    return deleted
      ? c.body(null, 204)
      : c.json({ error: "no such result, or the wrong secret" }, 404);
  });

  return app;
}

function describe(error: z.ZodError): string {
  const issue = error.issues[0];
  if (!issue) return "the body is not a result submission";
  const where = issue.path.length > 0 ? issue.path.join(".") : "the body";
  return `${where}: ${issue.message}`;
}
