// The whole loop in Chromium: the element on a trainer's page of another origin, under its
// strict policy, with `collect`; the taker finishes, agrees, sends and deletes; sends again;
// then the trainer signs in on the collector's summary page and sees that result counted.
// The collector is the results app on a SQLite file, serving the built pages.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import type { Server } from "node:http";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Kysely } from "kysely";
import { afterAll, beforeAll, expect, it } from "vitest";
import { startServer } from "../../scripts/serve";
import { createApp } from "../../src/server/app";
import { listen } from "../../src/server/listen";
import { openDatabase } from "../../src/store/open";
import type { Database } from "../../src/store/schema";
import { ensureTrainerKey } from "../../src/store/trainer";
import { button, complete } from "./element-steps";
import {
  CSM_ANSWERS,
  describeInBrowser,
  expectAccessible,
  expectNoProblems,
  quiz,
  useBrowser,
} from "./harness";
import { hostPolicy } from "./host";

const KEY = "the-trainer-key-of-the-browser-test-0123";
const TRAINER = "Northwind Training";
const dir = mkdtempSync(join(tmpdir(), "coursefit-collect-"));
const allowOrigins: string[] = [];
const servers: Server[] = [];
let db: Kysely<Database>;
let collector = "";
let host = "";

beforeAll(async () => {
  db = await openDatabase({ file: join(dir, "results.db") });
  await ensureTrainerKey(db, KEY);
  // allowOrigins is read on each request: the host's origin is added once it is known.
  const app = createApp({
    root: "dist",
    results: { db, quizzes: { [quiz.id]: quiz }, allowOrigins },
  });
  const started = await listen(app, { port: 0 });
  servers.push(started.server);
  collector = new URL(started.url).origin;

  const root = join(dir, "host");
  mkdirSync(root);
  const page = await startServer({
    root,
    port: 0,
    headers: { "Content-Security-Policy": hostPolicy(collector) },
  });
  servers.push(page.server);
  host = new URL(page.url).origin;
  allowOrigins.push(host);
  writeFileSync(
    join(root, "favicon.svg"),
    '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 1 1"/>',
  );
  writeFileSync(
    join(root, "index.html"),
    `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Our courses</title>
<link rel="icon" href="favicon.svg"><script type="module" src="${collector}/embed.js"></script></head>
<body><main><h1>Our courses</h1>
<coursefit-quiz collect trainer="${TRAINER}" cohort="may-2027"></coursefit-quiz></main></body></html>`,
  );
});
afterAll(async () => {
  for (const server of servers) {
    server.closeAllConnections();
    server.close();
  }
  await db?.destroy();
  rmSync(dir, { recursive: true, force: true });
});

const stored = () => db.selectFrom("results").select(["cohort", "contact", "token"]).execute();

describeInBrowser("collecting results with consent", () => {
  const browser = useBrowser();

  it("sends only after consent, deletes, and the trainer sees what was sent", async () => {
    const { page, problems } = await browser.open({ viewport: { width: 1280, height: 900 } });
    await page.goto(`${host}/`);
    const quizElement = page.locator("coursefit-quiz");
    const expected = await complete(quizElement, quiz, CSM_ANSWERS);

    await expectAccessible(page, "the result with the offer to send it");
    await button(quizElement, "Send").click();
    await expect.poll(() => page.getByRole("alert").textContent()).toContain("Tick");
    expect(await stored()).toEqual([]);

    await quizElement.getByRole("checkbox", { name: `Send my result to ${TRAINER}` }).check();
    await button(quizElement, "Send").click();
    await quizElement.getByText(/^Sent\./).waitFor();
    expect(await stored()).toEqual([{ cohort: "may-2027", contact: null, token: expected.token }]);

    await button(quizElement, "Delete it again").click();
    await quizElement.getByText(/^Deleted\./).waitFor();
    expect(await stored()).toEqual([]);

    // Its link reopened in the same browser offers sending again; sent, it stays.
    await page.goto(`${host}/#r=${expected.token}`);
    await page.reload(); // the same page with only a new fragment is not loaded again
    await quizElement.getByRole("checkbox", { name: `Send my result to ${TRAINER}` }).check();
    await button(quizElement, "Send").click();
    await quizElement.getByText(/^Sent\./).waitFor();
    expect(await stored()).toHaveLength(1);
    expectNoProblems(problems);

    // The trainer, on the collector's own summary page.
    const trainer = await browser.open();
    await trainer.page.goto(`${collector}/summary.html`);
    await trainer.page.getByLabel("Trainer key").fill(KEY);
    await trainer.page.getByRole("button", { name: "Sign in", exact: true }).click();
    await trainer.page.getByRole("button", { name: "Summarise the results sent here" }).click();
    await trainer.page.getByText("1 results counted").waitFor();
    await expectAccessible(trainer.page, "the summary of the results sent to the server");
    expectNoProblems(trainer.problems);
  });
});
