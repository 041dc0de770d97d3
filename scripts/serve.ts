// Serves the built pages (dist/, or the folder given) on 127.0.0.1 under a strict
// Content-Security-Policy, the same one the browser tests hold the pages to. `npm start`
// runs it after building; PORT changes the port.
import { fileURLToPath } from "node:url";
import { createApp } from "../src/server/app";
import { keepServing, listen } from "../src/server/listen";

/** The pages of `root` on a port of 127.0.0.1 (0: a free one), for `npm start` and the tests. */
export function startServer({
  root = "dist",
  port = 4173,
  headers = {} as Record<string, string>,
} = {}) {
  return listen(createApp({ root, headers }), { port });
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  keepServing();
  const { url } = await startServer({
    root: process.argv[2] ?? "dist",
    port: Number(process.env.PORT ?? 4173),
  });
  console.log(`coursefit is running at ${url} (Ctrl+C to stop)`);
}
