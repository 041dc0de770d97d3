// @vitest-environment jsdom
// The summary page's sign-in to its own coursefit server, against the real trainer API (the
// Hono app on a SQLite file; fetch goes to app.request with a cookie jar, as a browser's
// would): hidden where no collector answers, a wrong key refused with the typed key kept,
// the results handed on as a JSON Lines file that the summaries read.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { render, screen, waitFor } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import type { Kysely } from "kysely";
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { encodeAnswers } from "../../src/engine/share";
import { Ingest } from "../../src/engine/summary/ingest";
import { createApp } from "../../src/server/app";
import { openDatabase } from "../../src/store/open";
import type { Database } from "../../src/store/schema";
import { ensureTrainerKey } from "../../src/store/trainer";
import { ServerResults } from "../../src/summary/ServerResults";
import { loadQuiz } from "../helpers/quiz";
import { makeSite } from "../server/site";
import { BALANCED_ANSWERS, CSM_ANSWERS } from "./support";

const quiz = loadQuiz();
const KEY = "the-trainer-key-of-this-test-0123456789";
const site = makeSite();
const dir = mkdtempSync(join(tmpdir(), "coursefit-server-results-"));
let db: Kysely<Database>;
let app: ReturnType<typeof createApp>;

/** The page's fetch, same-origin, keeping the session cookie as a browser does. */
function browser() {
  const jar = new Map<string, string>();
  return vi.fn(async (url: string, init?: RequestInit) => {
    const headers = new Headers(init?.headers);
    if (jar.size > 0) headers.set("Cookie", [...jar].map(([k, v]) => `${k}=${v}`).join("; "));
    const { pathname, search } = new URL(url, "http://localhost/summary.html");
    const response = await app.request(pathname + search, { ...init, headers });
    for (const cookie of response.headers.getSetCookie()) {
      const [pair = ""] = cookie.split(";");
      const [name = "", value = ""] = pair.split("=");
      if (value === "") jar.delete(name);
      else jar.set(name, value);
    }
    return response;
  });
}

/** jsdom's File has no text(). */
function textOf(file: File | undefined): Promise<string> {
  return new Promise((done) => {
    const reader = new FileReader();
    reader.onload = () => done(String(reader.result));
    reader.readAsText(file ?? new Blob());
  });
}

beforeAll(async () => {
  db = await openDatabase({ file: join(dir, "results.db") });
  await ensureTrainerKey(db, KEY);
  app = createApp({
    root: site.root,
    results: { db, quizzes: { [quiz.id]: quiz }, allowOrigins: [] },
  });
  for (const [i, answers] of [CSM_ANSWERS, BALANCED_ANSWERS].entries()) {
    const response = await app.request("/api/results", {
      method: "POST",
      headers: { Origin: "http://localhost", "Content-Type": "application/json" },
      body: JSON.stringify({
        quiz: quiz.id,
        token: encodeAnswers(quiz, answers),
        cohort: i === 0 ? "may" : "june",
        submission: `submission-of-the-test-${i}`,
      }),
    });
    expect(response.status).toBe(201);
  }
});
afterAll(async () => {
  await db.destroy();
  site.remove();
  rmSync(dir, { recursive: true, force: true });
});
afterEach(() => vi.unstubAllGlobals());

describe("results sent to this server, on the summary page", () => {
  it("is not offered by a server that collects nothing (npm start)", async () => {
    const plain = createApp({ root: site.root });
    const fetch = vi.fn(async (url: string) => {
      const answer = await plain.request(new URL(url, "http://localhost/").pathname);
      expect(answer.status).toBe(200); // asked without an error in the console
      return answer;
    });
    vi.stubGlobal("fetch", fetch);
    const { container } = render(<ServerResults quizId={quiz.id} onFile={() => {}} />);
    await waitFor(() => expect(fetch).toHaveBeenCalled());
    expect(container).toBeEmptyDOMElement();
  });

  it("refuses a wrong key, keeping it, then signs in and hands on the cohort's results", async () => {
    vi.stubGlobal("fetch", browser());
    const files: File[] = [];
    const user = userEvent.setup();
    render(<ServerResults quizId={quiz.id} onFile={(file) => files.push(file)} />);
    const field = await screen.findByLabelText("Trainer key");
    await user.type(field, "not-the-key");
    await user.click(screen.getByRole("button", { name: "Sign in" }));
    expect(await screen.findByRole("alert")).toHaveTextContent("that is not the trainer key");
    expect(field).toHaveValue("not-the-key");

    await user.clear(field);
    await user.type(field, KEY);
    await user.click(screen.getByRole("button", { name: "Sign in" }));
    await user.type(await screen.findByLabelText("Cohort (optional)"), "may");
    await user.click(screen.getByRole("button", { name: "Summarise the results sent here" }));
    await waitFor(() => expect(files).toHaveLength(1));

    const ingest = new Ingest(quiz);
    ingest.push("server", await textOf(files[0]));
    ingest.end("server");
    expect(ingest.summary.results).toBe(1);
    expect(ingest.summary.invalid.count).toBe(0);

    await user.click(screen.getByRole("button", { name: "Sign out" }));
    expect(await screen.findByLabelText("Trainer key")).toBeInTheDocument();
  });
});
