import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import fc from "fast-check";
import { afterAll, describe, expect, it } from "vitest";
import { evaluate } from "../../src/engine/result";
import type { Answers } from "../../src/engine/schema";
import { arbitraryAnswers } from "../helpers/arbitraries";
import { loadQuiz } from "../helpers/quiz";
import { coursefit, expectCleanError, QUIZ, TIMEOUT } from "./run";

const quiz = loadQuiz();
const dir = mkdtempSync(join(tmpdir(), "coursefit-summarize-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

// 200 distinct answer sets (by token), and what evaluate says about each.
const results = [
  ...new Map(
    fc
      .sample(arbitraryAnswers(quiz), { seed: 42, numRuns: 260 })
      .map((answers: Answers) => evaluate(quiz, answers))
      .map((r) => [r.token, r] as const),
  ).values(),
].slice(0, 200);
const expected = (rows: typeof results) => ({
  csm: rows.filter((r) => r.recommendation.kind === "outcome" && r.recommendation.outcome === "csm")
    .length,
  cspo: rows.filter(
    (r) => r.recommendation.kind === "outcome" && r.recommendation.outcome === "cspo",
  ).length,
  balanced: rows.filter(
    (r) => r.recommendation.kind === "balanced" && Object.keys(r.answers).length > 0,
  ).length,
});

function file(name: string, text: string): string {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
}

type JsonOut = {
  summary: {
    results: number;
    duplicates: number;
    byGroup: number[];
    groups: string[];
    invalid: { count: number; kept: { source: string; line: number }[] };
  };
};

function counts(out: JsonOut) {
  const by = (id: string) => out.summary.byGroup[out.summary.groups.indexOf(id)];
  return { csm: by("csm"), cspo: by("cspo"), balanced: by("balanced") };
}

describe("coursefit summarize", () => {
  it("summarises links and tokens with known counts, reporting bad rows by file and line", {
    timeout: TIMEOUT,
  }, () => {
    const lines = results.map((r, i) => (i % 2 ? `https://quiz.example/#r=${r.token}` : r.token));
    const links = file(
      "links.txt",
      [...lines.slice(0, 100), "not a link", results[0]?.token, ...lines.slice(100)].join("\n"),
    );
    const run = coursefit(["summarize", QUIZ, links, "--json"]);
    expect(run.status).toBe(0);
    const out = JSON.parse(run.stdout) as JsonOut;
    expect(out.summary.results).toBe(200);
    expect(out.summary.duplicates).toBe(1);
    expect(counts(out)).toEqual(expected(results));
    expect(run.stderr).toBe(`${links}:101: invalid: not a result link, token, JSON or CSV row\n`);
  });

  it("reads JSON Lines on stdin and CSV it wrote itself, to the same counts", {
    timeout: TIMEOUT,
  }, () => {
    const jsonl = results.map((r) => JSON.stringify({ date: "2026-05-01", detail: r })).join("\n");
    const fromStdin = coursefit(["summarize", QUIZ, "-", "--json"], jsonl);
    expect(fromStdin.status).toBe(0);
    expect(counts(JSON.parse(fromStdin.stdout))).toEqual(expected(results));

    const csv = coursefit(["summarize", QUIZ, "-", "--csv"], jsonl);
    expect(csv.status).toBe(0);
    expect(csv.stdout.startsWith("\uFEFFdate,quiz,version,token,recommendation,margin,")).toBe(
      true,
    );
    expect(csv.stdout.trimEnd().split("\r\n")).toHaveLength(201);
    const back = coursefit(["summarize", QUIZ, file("export.csv", csv.stdout), "--json"]);
    expect(counts(JSON.parse(back.stdout))).toEqual(expected(results));
  });

  it("prints the summary as text: split, strength, traits, questions and what moved people", {
    timeout: TIMEOUT,
  }, () => {
    const run = coursefit([
      "summarize",
      QUIZ,
      file("some.txt", results.map((r) => r.token).join("\n")),
    ]);
    expect(run.status).toBe(0);
    const want = expected(results);
    expect(run.stdout).toContain(`${quiz.title} (${quiz.id} ${quiz.version}): 200 results`);
    expect(run.stdout).toMatch(new RegExp(`CSM\\s+${want.csm}\\s`));
    expect(run.stdout).toMatch(new RegExp(`CSPO\\s+${want.cspo}\\s`));
    for (const heading of [
      "How strongly they lean",
      "Each trait's scores",
      "How each question was answered",
      "What moved people",
    ])
      expect(run.stdout).toContain(heading);
  });

  it("exits 1 when no row was valid, and 2 on bad arguments", { timeout: TIMEOUT }, () => {
    const bad = coursefit(["summarize", QUIZ, file("bad.txt", "nope\n{\n")]);
    expect(bad.status).toBe(1);
    expect(bad.stderr).toContain("bad.txt:1: invalid:");
    expect(bad.stderr).toContain("bad.txt:2: invalid: the line is not valid JSON");
    expect(bad.stderr).toContain("coursefit: no valid results in the input (2 rows not counted)");

    const none = coursefit(["summarize", QUIZ]);
    expect(none.status).toBe(2);
    expectCleanError(none.stderr, "coursefit: missing input files (or - for stdin)");
    const both = coursefit(["summarize", QUIZ, "-", "--json", "--csv"]);
    expect(both.status).toBe(2);
    expectCleanError(both.stderr, "coursefit: choose --json or --csv, not both");
  });

  it("reports a file it cannot read and goes on with the others", { timeout: TIMEOUT }, () => {
    const good = file("good.txt", `${results[0]?.token}\n`);
    const run = coursefit(["summarize", QUIZ, join(dir, "missing.txt"), good, "--json"]);
    expect(run.status).toBe(0);
    expect(run.stderr).toContain("missing.txt: cannot read: no such file");
    expect((JSON.parse(run.stdout) as JsonOut).summary.results).toBe(1);
  });
});
