// Runs once before the browser tests: builds the production pages and serves dist/
// under the strict CSP. Without Chromium the tests are skipped, except on CI, where
// that is a failure.
import { spawn } from "node:child_process";
import { existsSync } from "node:fs";
import type { TestProject } from "vitest/node";
import { startServer } from "../../scripts/serve";

declare module "vitest" {
  export interface ProvidedContext {
    /** The built pages' address, or "" when the browser tests are skipped. */
    baseUrl: string;
  }
}

// The same default as tests/e2e/browser.ts, without loading playwright-core here.
const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";

export default async function setup(project: TestProject) {
  if (!existsSync(CHROMIUM)) {
    if (process.env.CI) {
      throw new Error(
        `browser tests cannot run: no Chromium at ${CHROMIUM}. Install Debian's chromium (apt-get install chromium) or set CHROMIUM_PATH.`,
      );
    }
    console.log(`browser tests skipped: no Chromium at ${CHROMIUM} (apt-get install chromium)`);
    project.provide("baseUrl", "");
    return;
  }

  await buildPages();
  const { server, url } = await startServer({ root: "dist", port: 0 });
  project.provide("baseUrl", url);
  return () =>
    new Promise<void>((done) => {
      server.closeAllConnections();
      server.close(() => done());
    });
}

function buildPages(): Promise<void> {
  return new Promise((done, fail) => {
    // Vitest sets NODE_ENV=test, which would give React's development build.
    const build = spawn("npx", ["tsx", "scripts/build.ts"], {
      stdio: "inherit",
      env: { ...process.env, NODE_ENV: "production" },
    });
    build.once("error", (error) =>
      fail(new Error(`the production build could not start: ${error.message}`)),
    );
    build.once("exit", (code, signal) => {
      if (code === 0) done();
      else
        fail(
          new Error(
            `the production build failed (${signal ?? `exit code ${code}`}): see its output above`,
          ),
        );
    });
  });
}
