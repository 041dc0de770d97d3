// The coursefit HTTP application: a value, testable with `app.request(...)` without a
// socket. listen.ts is the only place that opens one.
import { Hono } from "hono";
import { plainResponse, SECURITY_HEADERS, secureHeaders } from "./headers";
import { staticFiles } from "./static";

export type AppOptions = {
  /** The folder of built pages (dist/). */
  root: string;
  /** Headers that replace the defaults (the browser tests' host pages set their own policy). */
  headers?: Record<string, string>;
};

export function createApp({ root, headers = {} }: AppOptions): Hono {
  const app = new Hono();
  app.use(secureHeaders({ ...SECURITY_HEADERS, ...headers }));
  app.route("/", staticFiles(root));
  app.notFound(() => plainResponse(404, "not found"));
  app.onError((error) => {
    // One line for whoever runs the server; the client learns nothing of the cause.
    console.error(`coursefit: internal error: ${error.message.split("\n")[0]}`);
    return plainResponse(500, "internal error");
  });
  return app;
}
