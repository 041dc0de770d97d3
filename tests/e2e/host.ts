// A trainer's page on another origin (another port on 127.0.0.1), under the strict policy
// a careful trainer would set: scripts and styles only from itself and the quiz's origin,
// no inline code. Tests give it pages as HTML, with {{quiz}} standing for the quiz origin
// and {{host}} for its own.

import { mkdtempSync, writeFileSync } from "node:fs";
import type { Server } from "node:http";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll } from "vitest";
import { startServer } from "../../scripts/serve";
import { baseUrl } from "./harness";

export function hostPolicy(quizOrigin: string): string {
  return [
    "default-src 'self'",
    `script-src 'self' ${quizOrigin}`,
    `style-src 'self' ${quizOrigin}`,
    `connect-src 'self' ${quizOrigin}`,
    // 'self': a page of the host's own in a frame, standing for a third party's (an ad).
    `frame-src 'self' ${quizOrigin}`,
    `img-src 'self' ${quizOrigin}`,
    "base-uri 'none'",
    "object-src 'none'",
  ].join("; ");
}

/**
 * Serves `pages` (path -> HTML or CSS) from a fresh folder for the file's tests, under
 * hostPolicy, or under what `policy` makes of it.
 */
export function useHost(
  pages: Record<string, string>,
  policy: (standard: string) => string = (standard) => standard,
) {
  const quizOrigin = baseUrl ? new URL(baseUrl).origin : "";
  const state: { url: string; origin: string; server?: Server } = { url: "", origin: "" };
  beforeAll(async () => {
    if (!baseUrl) return;
    const root = mkdtempSync(join(tmpdir(), "coursefit-host-"));
    const { server, url } = await startServer({
      root,
      port: 0,
      headers: { "Content-Security-Policy": policy(hostPolicy(quizOrigin)) },
    });
    Object.assign(state, { server, url, origin: new URL(url).origin });
    // Written once the port is known, so that {{host}} can stand for the host's own origin.
    for (const [path, body] of Object.entries(pages)) {
      const text = body.replaceAll("{{quiz}}", quizOrigin).replaceAll("{{host}}", state.origin);
      writeFileSync(join(root, path), text);
    }
  });
  afterAll(() => {
    state.server?.closeAllConnections();
    state.server?.close();
  });
  return { quizOrigin, host: state };
}
