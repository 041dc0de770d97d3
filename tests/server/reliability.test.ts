// The collector under load and faults, as real `coursefit serve` processes on SQLite and
// (with DATABASE_URL) PostgreSQL: 10,000 submissions from 100 concurrent clients, each
// stored once; a kill -9 in the middle of a load loses no acknowledged submission and a
// retry stores none twice; two instances on one PostgreSQL count every submission once.
// Throughput and latency are printed for the record; they are not asserted (the machine
// is shared), the counts are.
import { randomBytes } from "node:crypto";
import type { Kysely } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { encodeAnswers } from "../../src/engine/share";
import type { Database } from "../../src/store/schema";
import { COMPLETE_ANSWERS } from "../helpers/answers";
import { loadQuiz } from "../helpers/quiz";
import { type Served, startServe, stopServe } from "../helpers/serve-process";
import { DATABASES } from "../store/databases";

const quiz = loadQuiz();
const TOKEN = encodeAnswers(quiz, COMPLETE_ANSWERS);
const TRAINER = "https://trainer.example";
const LOAD = 10_000;
const CLIENTS = 100;
const TIMEOUT = 300_000;

const submissionIds = (count: number) =>
  Array.from({ length: count }, () => randomBytes(12).toString("base64url"));

type Sent = { acknowledged: string[]; failed: string[]; latencies: number[]; ms: number };

/**
 * Sends each submission once, `clients` at a time; `onAck` may stop the run part-way.
 * A request the server never answered (it was killed) counts as failed, not lost.
 */
async function send(
  urls: string[],
  ids: string[],
  clients = CLIENTS,
  onAck: (count: number) => void = () => {},
): Promise<Sent> {
  const sent: Sent = { acknowledged: [], failed: [], latencies: [], ms: 0 };
  const started = performance.now();
  let next = 0;
  const client = async () => {
    while (next < ids.length) {
      const at = next++;
      const submission = ids[at] as string;
      const begun = performance.now();
      try {
        const response = await fetch(`${urls[at % urls.length]}api/results`, {
          method: "POST",
          headers: { Origin: TRAINER, "Content-Type": "application/json" },
          body: JSON.stringify({ quiz: quiz.id, token: TOKEN, submission }),
        });
        await response.arrayBuffer();
        if (response.status !== 201 && response.status !== 200) {
          sent.failed.push(submission);
          continue;
        }
        sent.latencies.push(performance.now() - begun);
        sent.acknowledged.push(submission);
        onAck(sent.acknowledged.length);
      } catch {
        sent.failed.push(submission);
      }
    }
  };
  await Promise.all(Array.from({ length: clients }, client));
  sent.ms = performance.now() - started;
  return sent;
}

function report(what: string, sent: Sent): void {
  const sorted = [...sent.latencies].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? 0;
  console.log(
    `${what}: ${sent.acknowledged.length} acknowledged in ${(sent.ms / 1000).toFixed(1)} s, ${Math.round((sent.acknowledged.length * 1000) / sent.ms)}/s, p50 ${at(0.5).toFixed(0)} ms, p99 ${at(0.99).toFixed(0)} ms`,
  );
}

/** Each stored submission id with how many rows it has. */
async function stored(db: Kysely<Database>): Promise<Map<string, number>> {
  const rows = await db
    .selectFrom("results")
    .select(["submission", (eb) => eb.fn.countAll<number>().as("rows")])
    .groupBy("submission")
    .execute();
  return new Map(rows.map((r) => [r.submission, Number(r.rows)]));
}

describe.each(DATABASES)("the collector under load on $name", ({ name, open }) => {
  let db: Kysely<Database>;
  let close: () => Promise<void>;
  let serveWith: { args: string[]; env: NodeJS.ProcessEnv };
  const running: Served[] = [];
  const serve = async () => {
    const served = await startServe(
      [...serveWith.args, "--allow-origin", TRAINER, "--rate", String(10 * LOAD)],
      { ...serveWith.env, COURSEFIT_TRAINER_KEY: "a-trainer-key-for-the-load-tests" },
    );
    running.push(served);
    return served;
  };
  beforeAll(async () => {
    ({ db, close, serveWith } = await open());
  });
  afterAll(async () => {
    for (const served of running) await stopServe(served.child, "SIGKILL");
    await close();
  });

  it(
    `stores each of ${LOAD} submissions from ${CLIENTS} concurrent clients exactly once`,
    async () => {
      await db.deleteFrom("results").execute();
      const server = await serve();
      const ids = submissionIds(LOAD);
      const sent = await send([server.url], ids);
      report(`${name}, ${LOAD} submissions`, sent);
      expect(sent.failed).toEqual([]);
      const rows = await stored(db);
      expect(rows.size).toBe(LOAD);
      expect([...rows.values()].every((count) => count === 1)).toBe(true);
      expect(ids.every((id) => rows.has(id))).toBe(true);
      await stopServe(server.child);
    },
    TIMEOUT,
  );

  it(
    "loses no acknowledged submission to a kill -9, and a retry stores none twice",
    async () => {
      await db.deleteFrom("results").execute();
      const first = await serve();
      const ids = submissionIds(3000);
      const sent = await send([first.url], ids, CLIENTS, (count) => {
        if (count === 1000) first.child.kill("SIGKILL");
      });
      report(`${name}, killed part-way`, sent);
      expect(first.child.signalCode).toBe("SIGKILL");
      expect(sent.acknowledged.length).toBeGreaterThanOrEqual(1000);
      expect(sent.failed.length).toBeGreaterThan(0);

      const afterKill = await stored(db);
      for (const id of sent.acknowledged) expect(afterKill.get(id), id).toBe(1);

      // The taker's page retries what was not acknowledged, with the same submission id;
      // here every id is sent again, acknowledged or not.
      const second = await serve();
      const retried = await send([second.url], ids);
      expect(retried.failed).toEqual([]);
      const rows = await stored(db);
      expect(rows.size).toBe(ids.length);
      expect([...rows.values()].every((count) => count === 1)).toBe(true);
      await stopServe(second.child);
    },
    TIMEOUT,
  );

  it.runIf(name === "PostgreSQL")(
    "counts every submission once across two instances on one database",
    async () => {
      await db.deleteFrom("results").execute();
      const [a, b] = [await serve(), await serve()];
      const urls = [a.url, b.url];
      const ids = submissionIds(4000);
      const sent = await send(urls, ids);
      report(`${name}, two instances`, sent);
      expect(sent.failed).toEqual([]);
      // Every submission again, each to the other instance than the first time.
      const again = await send([b.url, a.url], ids);
      expect(again.failed).toEqual([]);
      const rows = await stored(db);
      expect(rows.size).toBe(ids.length);
      expect([...rows.values()].every((count) => count === 1)).toBe(true);
      await Promise.all([stopServe(a.child), stopServe(b.child)]);
    },
    TIMEOUT,
  );
});
