// The built pages, from one folder. A request's path is decoded once, here; one that
// does not decode is a 400, and one that resolves anywhere but inside the folder (through
// `..`, an encoded separator or a symbolic link) is a 403. Only GET and HEAD read files.
import { readFile, realpath, stat } from "node:fs/promises";
import { extname, isAbsolute, join, relative, resolve, sep } from "node:path";
import { Hono } from "hono";
import { FRAMEABLE_CSP } from "./headers";

const TYPES: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".json": "application/json",
  ".yaml": "text/yaml; charset=utf-8",
  ".yml": "text/yaml; charset=utf-8",
  ".svg": "image/svg+xml",
  ".txt": "text/plain; charset=utf-8",
};

/**
 * Framed by trainers' pages, wherever they are: the iframe embed, and the hidden frame in
 * which the element checks a trainer's quiz in a worker.
 */
const FRAMEABLE = new Set(["/embed.html", "/validate.html"]);

/**
 * What a trainer's page on another origin loads or fetches: the element and resize.js,
 * the chunks and styles they load, and quiz data with its source texts. Never a page.
 */
export function sharedAcrossOrigins(path: string): boolean {
  if (path.endsWith(".html")) return false;
  return (
    path === "/embed.js" ||
    path === "/resize.js" ||
    path.startsWith("/assets/") ||
    /\.(json|ya?ml|txt)$/.test(path)
  );
}

/** Errors that mean "there is no such file here", not "the server is broken". */
const ABSENT = new Set(["ENOENT", "ENOTDIR", "EISDIR", "ENAMETOOLONG", "ELOOP"]);

export function staticFiles(root: string): Hono {
  const base = resolve(root);
  const app = new Hono();

  app.get("*", async (c) => {
    const path = decodePath(new URL(c.req.url).pathname);
    if (path === undefined) return c.text("bad request", 400);
    const file = join(base, path.endsWith("/") ? `${path}index.html` : path);
    if (!inside(base, file)) return c.text("forbidden", 403);
    let body: Buffer;
    try {
      // The real path, so that a symbolic link cannot lead out of the folder either.
      const real = await realpath(file);
      if (!inside(await realpath(base), real)) return c.text("forbidden", 403);
      if (!(await stat(real)).isFile()) return c.text("not found", 404);
      body = await readFile(real);
    } catch (error) {
      if (ABSENT.has((error as NodeJS.ErrnoException).code ?? "")) {
        return c.text("not found", 404);
      }
      throw error;
    }
    const served = `/${relative(base, file).split(sep).join("/")}`;
    c.header("Content-Type", TYPES[extname(file)] ?? "application/octet-stream");
    if (FRAMEABLE.has(served)) c.header("Content-Security-Policy", FRAMEABLE_CSP);
    if (sharedAcrossOrigins(served)) c.header("Access-Control-Allow-Origin", "*");
    return c.body(new Uint8Array(body), 200);
  });

  // HEAD is answered by the GET route (Hono drops the body); nothing else reads a file.
  app.all("*", (c) => {
    c.header("Allow", "GET, HEAD");
    return c.text("method not allowed", 405);
  });
  return app;
}

/** A URL's raw path, percent-decoded; undefined when it is not valid UTF-8 or has a NUL. */
function decodePath(raw: string): string | undefined {
  try {
    const path = decodeURIComponent(raw);
    return path.includes("\0") ? undefined : path;
  } catch {
    return undefined;
  }
}

function inside(base: string, file: string): boolean {
  const rel = relative(base, file);
  return rel !== "" && rel !== ".." && !rel.startsWith(`..${sep}`) && !isAbsolute(rel);
}
