// The coursefit HTTP application: a value, testable with `app.request(...)` without a
// socket. listen.ts is the only place that opens one.
import { Hono } from "hono";
import { StoreUnavailable } from "../store/results";
import { plainResponse, SECURITY_HEADERS, secureHeaders } from "./headers";
import { type ResultsOptions, resultsApi } from "./results";
import { staticFiles } from "./static";
import { trainerApi } from "./trainer";

export type AppOptions = {
  /** The folder of built pages (dist/). */
  root: string;
  /** Headers that replace the defaults (the browser tests' host pages set their own policy). */
  headers?: Record<string, string>;
  /** With a database: the results API. */
  results?: ResultsOptions;
};

export function createApp({ root, headers = {}, results }: AppOptions): Hono {
  const app = new Hono();
  app.use(secureHeaders({ ...SECURITY_HEADERS, ...headers }));
  if (results) {
    app.route("/api/results", resultsApi(results));
    app.route("/api/trainer", trainerApi(results.db));
  } else {
    // What the summary page asks to learn whether to offer a sign-in: here, no.
    app.get("/api/trainer/status", (c) => c.json({ collecting: false, signedIn: false }));
  }
  app.all("/api/*", (c) =>
    c.json({ error: results ? "not found" : "this server collects no results" }, 404),
  );
  app.route("/", staticFiles(root));
  app.notFound(() => plainResponse(404, "not found"));
  app.onError((error, c) => {
    if (error instanceof StoreUnavailable) {
      // Locked, full or unreachable: the taker's page offers to try again.
      c.header("Retry-After", "5");
      return c.json({ error: "results cannot be stored right now; try again shortly" }, 503);
    }
    // One line for whoever runs the server; the client learns nothing of the cause.
    console.error(`coursefit: internal error: ${error.message.split("\n")[0]}`);
    return plainResponse(500, "internal error");
  });
  return app;
}
