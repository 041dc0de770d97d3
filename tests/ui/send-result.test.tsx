// @vitest-environment jsdom
// Sending a result with consent, against the real results API (the Hono app on a SQLite
// file, reached through app.request as the browser's fetch): nothing without the tick, a
// name or email only with its own tick, a failed send kept and retried without storing
// twice, deletion now and later from the same browser.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { render, screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import type { Kysely } from "kysely";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { evaluate } from "../../src/engine/result";
import { createApp } from "../../src/server/app";
import { openDatabase } from "../../src/store/open";
import type { Database } from "../../src/store/schema";
import type { Collect } from "../../src/ui/collect";
import { SendResult } from "../../src/ui/SendResult";
import { loadQuiz } from "../helpers/quiz";
import { makeSite } from "../server/site";
import { CSM_ANSWERS } from "./support";

const quiz = loadQuiz();
const result = evaluate(quiz, CSM_ANSWERS);
const HOST = "https://trainer.example";
const collect: Collect = {
  endpoint: "https://quiz.trainer.example/",
  trainer: "Northwind Training",
};
const site = makeSite();
const dir = mkdtempSync(join(tmpdir(), "coursefit-send-"));
let db: Kysely<Database>;
let app: ReturnType<typeof createApp>;

/** The browser's fetch, as a page on HOST makes it; `lose` drops the answer after it arrived. */
function browserFetch(lose: { next: boolean } = { next: false }) {
  return vi.fn(async (url: URL | string, init?: RequestInit) => {
    const headers = new Headers(init?.headers);
    headers.set("Origin", HOST);
    const response = await app.request(String(url), { ...init, headers });
    if (lose.next) {
      lose.next = false;
      throw new TypeError("Failed to fetch");
    }
    return response;
  });
}

const rows = () => db.selectFrom("results").selectAll().execute();

beforeAll(async () => {
  db = await openDatabase({ file: join(dir, "results.db") });
  app = createApp({
    root: site.root,
    results: { db, quizzes: { [quiz.id]: quiz }, allowOrigins: [HOST] },
  });
});
afterAll(async () => {
  await db.destroy();
  site.remove();
  rmSync(dir, { recursive: true, force: true });
});
beforeEach(async () => {
  localStorage.clear();
  await db.deleteFrom("results").execute();
});
afterEach(() => vi.unstubAllGlobals());

const sendButton = () => screen.getByRole("button", { name: "Send" });

describe("sending a result to the trainer", () => {
  it("sends nothing until the taker ticks the box, and keeps what they typed", async () => {
    const fetch = browserFetch();
    vi.stubGlobal("fetch", fetch);
    const user = userEvent.setup();
    render(<SendResult quiz={quiz} result={result} collect={collect} />);
    expect(screen.getByRole("checkbox", { name: /Send my result to/ })).not.toBeChecked();
    await user.type(screen.getByLabelText(/Your name or email/), "taker@example.com");
    await user.click(sendButton());
    expect(screen.getByRole("alert")).toHaveTextContent(
      "Tick “Send my result to Northwind Training”",
    );
    expect(fetch).not.toHaveBeenCalled();
    expect(screen.getByLabelText(/Your name or email/)).toHaveValue("taker@example.com");
    expect(await rows()).toEqual([]);
  });

  it("shows what is sent: the answers and the recommendation, nothing about the taker", async () => {
    render(<SendResult quiz={quiz} result={result} collect={collect} />);
    const preview = screen.getByText("What is sent").closest("details");
    expect(preview).toHaveTextContent("no name, no address, no device details");
    const week = quiz.questions.find((q) => q.id === "week");
    expect(preview).toHaveTextContent(week?.prompt ?? "missing");
    expect(preview).toHaveTextContent(/Recommendation:/);
  });

  it("sends the result alone, then a name only with its own tick", async () => {
    vi.stubGlobal("fetch", browserFetch());
    const user = userEvent.setup();
    const { unmount } = render(<SendResult quiz={quiz} result={result} collect={collect} />);
    await user.click(screen.getByRole("checkbox", { name: /Send my result to/ }));
    await user.type(screen.getByLabelText(/Your name or email/), "taker@example.com");
    await user.click(sendButton());
    expect(screen.getByRole("alert")).toHaveTextContent("may contact me");
    expect(await rows()).toEqual([]);

    await user.clear(screen.getByLabelText(/Your name or email/));
    await user.click(sendButton());
    expect(await screen.findByText(/^Sent\./)).toBeInTheDocument();
    const [row] = await rows();
    expect(row?.contact).toBeNull();
    expect(row?.token).toBe(result.token);
    unmount();

    localStorage.clear();
    await db.deleteFrom("results").execute();
    render(<SendResult quiz={quiz} result={result} collect={collect} />);
    await user.click(screen.getByRole("checkbox", { name: /Send my result to/ }));
    await user.type(screen.getByLabelText(/Your name or email/), "taker@example.com");
    await user.click(screen.getByRole("checkbox", { name: /may contact me/ }));
    await user.click(sendButton());
    await screen.findByText(/^Sent\./);
    expect((await rows())[0]?.contact).toBe("taker@example.com");
  });

  it("says a failed send failed, keeps the result, and a retry stores it once", async () => {
    const lose = { next: true };
    vi.stubGlobal("fetch", browserFetch(lose));
    const user = userEvent.setup();
    render(<SendResult quiz={quiz} result={result} collect={collect} />);
    await user.click(screen.getByRole("checkbox", { name: /Send my result to/ }));
    await user.click(sendButton());
    expect(await screen.findByRole("alert")).toHaveTextContent(
      "Your result was not sent: the server could not be reached",
    );
    // The request did arrive; only its answer was lost.
    expect(await rows()).toHaveLength(1);
    await user.click(sendButton());
    await screen.findByText(/^Sent\./);
    expect(await rows()).toHaveLength(1);
  });

  it("passes on a busy server's Retry-After", async () => {
    vi.stubGlobal(
      "fetch",
      vi.fn(async () =>
        Response.json(
          { error: "the results store is busy" },
          {
            status: 503,
            headers: { "Retry-After": "5" },
          },
        ),
      ),
    );
    const user = userEvent.setup();
    render(<SendResult quiz={quiz} result={result} collect={collect} />);
    await user.click(screen.getByRole("checkbox", { name: /Send my result to/ }));
    await user.click(sendButton());
    expect(await screen.findByRole("alert")).toHaveTextContent(
      "the results store is busy. Try again in 5 seconds.",
    );
    expect(screen.getByRole("checkbox", { name: /Send my result to/ })).toBeChecked();
  });

  it("deletes it again, now or later from the same browser", async () => {
    vi.stubGlobal("fetch", browserFetch());
    const user = userEvent.setup();
    const first = render(<SendResult quiz={quiz} result={result} collect={collect} />);
    await user.click(screen.getByRole("checkbox", { name: /Send my result to/ }));
    await user.click(sendButton());
    await screen.findByText(/^Sent\./);
    first.unmount();

    // Later, the same result reopened in this browser.
    render(<SendResult quiz={quiz} result={result} collect={collect} />);
    expect(screen.getByText(/^Sent\./)).toBeInTheDocument();
    await user.click(screen.getByRole("button", { name: "Delete it again" }));
    expect(await screen.findByText(/^Deleted\./)).toBeInTheDocument();
    expect(await rows()).toEqual([]);
  });
});
