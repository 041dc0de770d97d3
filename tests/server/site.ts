// A small built site in a temp folder, with a sibling folder that must never be served.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";

export const SECRET = "the secret that must never be served";

export const FILES: Record<string, string> = {
  "index.html": "<!doctype html><title>quiz</title>",
  "embed.html": "<!doctype html><title>frame</title>",
  "validate.html": "<!doctype html><title>checker</title>",
  "builder.html": "<!doctype html><title>builder</title>",
  "embed.js": "export {};",
  "resize.js": "(()=>{})();",
  "early-start.js": "void 0;",
  "assets/validate-remote-x.js": "export {};",
  "assets/index-x.css": "body{}",
  "quizzes/my-quiz.json": "{}",
  "quizzes/my-quiz.yaml": "id: x",
  "quizzes/source.txt": "text",
  "favicon.svg": "<svg/>",
};

/** `<tmp>/dist` holding FILES, beside `<tmp>/dist-secret/secret.txt`. */
export function makeSite(): { root: string; secretFile: string; remove: () => void } {
  const dir = mkdtempSync(join(tmpdir(), "coursefit-site-"));
  const root = join(dir, "dist");
  for (const [path, body] of Object.entries(FILES)) {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), body);
  }
  const secretFile = join(dir, "dist-secret", "secret.txt");
  mkdirSync(dirname(secretFile), { recursive: true });
  writeFileSync(secretFile, SECRET);
  return { root, secretFile, remove: () => rmSync(dir, { recursive: true, force: true }) };
}
