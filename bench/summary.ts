// The summary's speed, printed by `npm run bench` (or on its own: `npx tsx bench/summary.ts`):
// - scoring: the compiled scorer per answer set, against scoreAnswers and evaluate;
// - the CLI: tokens and Result JSON Lines summarised by `coursefit summarize` (compiled,
//   as installed), wall time
//   and peak memory (maximum resident set) at two sizes, against the naive baseline in
//   the same run: `evaluate` for every row into an array.
// Medians of BENCH_SUMMARY_RUNS runs; BENCH_SUMMARY_ROWS sets the large size (1,000,000).
import { spawnSync } from "node:child_process";
import { appendFileSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { answerValues, compileQuiz, scoreValues, valuesToAnswers } from "../src/engine/compile";
import { evaluate, type Result } from "../src/engine/result";
import { scoreAnswers } from "../src/engine/score";
import { decodeAnswers } from "../src/engine/share";
import { buildCompiledCli } from "./compiled-cli";
import { builtInQuiz, QUIZ_PATH, randomValues, resultLinesOf, tokensOf } from "./summary-data";

const RUNS = Number(process.env.BENCH_SUMMARY_RUNS ?? 3);
const LARGE = Number(process.env.BENCH_SUMMARY_ROWS ?? 1_000_000);
const SMALL = Math.min(100_000, LARGE);
const DIR = ".bench/summary";

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? Number.NaN;
}

function timed(run: () => void): number {
  const start = performance.now();
  run();
  return performance.now() - start;
}

/** One CLI run: wall milliseconds and peak resident memory in MB (GNU time's %M). */
function cli(file: string): { ms: number; mb: number } {
  const start = performance.now();
  const run = spawnSync(
    "/usr/bin/time",
    ["-f", "%M", process.execPath, buildCompiledCli(), "summarize", QUIZ_PATH, file, "--json"],
    { encoding: "utf8", stdio: ["ignore", "ignore", "pipe"] },
  );
  if (run.status !== 0) throw new Error(`summarize ${file} failed: ${run.stderr}`);
  const out = run.stderr;
  const ms = performance.now() - start;
  return { ms, mb: Number(out.trim().split("\n").at(-1)) / 1024 };
}

export function runSummaryBench(): void {
  const quiz = builtInQuiz();
  const compiled = compileQuiz(quiz);
  mkdirSync(DIR, { recursive: true });

  // Scoring, in process.
  const sets = randomValues(compiled, 100_000, 11);
  const answers = sets.map((v) => valuesToAnswers(compiled, v));
  const perSet = (ms: number) => (ms * 1000) / sets.length;
  const compiledUs = median(
    Array.from({ length: RUNS }, () =>
      perSet(
        timed(() => {
          for (const v of sets) scoreValues(compiled, v);
        }),
      ),
    ),
  );
  const throughAnswers = median(
    Array.from({ length: RUNS }, () =>
      perSet(
        timed(() => {
          for (const a of answers) scoreValues(compiled, answerValues(compiled, a));
        }),
      ),
    ),
  );
  const referenceUs = median(
    Array.from({ length: RUNS }, () =>
      perSet(
        timed(() => {
          for (const a of answers) scoreAnswers(quiz, a);
        }),
      ),
    ),
  );

  // Inputs for the CLI.
  const largeTokens = tokensOf(quiz, randomValues(compiled, LARGE, 5));
  const tokensSmall = join(DIR, "tokens-small.txt");
  const tokensLarge = join(DIR, "tokens-large.txt");
  writeFileSync(tokensSmall, `${largeTokens.slice(0, SMALL).join("\n")}\n`);
  writeFileSync(tokensLarge, `${largeTokens.join("\n")}\n`);
  const jsonl = join(DIR, "results-small.jsonl");
  // Written in batches: 100,000 Results are more text than one JavaScript string holds.
  writeFileSync(jsonl, "");
  const resultSets = randomValues(compiled, SMALL, 6);
  for (let at = 0; at < resultSets.length; at += 5000) {
    appendFileSync(jsonl, `${resultLinesOf(quiz, resultSets.slice(at, at + 5000)).join("\n")}\n`);
  }

  // The naive baseline: decode each token and evaluate it into an array, in process.
  const smallTokens = readFileSync(tokensSmall, "utf8").trim().split("\n");
  const naiveMs = median(
    Array.from({ length: RUNS }, () =>
      timed(() => {
        const results: Result[] = [];
        for (const token of smallTokens) {
          const decoded = decodeAnswers(quiz, token);
          if (decoded.ok) results.push(evaluate(quiz, decoded.answers));
        }
      }),
    ),
  );

  const runs = (file: string) => {
    const all = Array.from({ length: RUNS }, () => cli(file));
    return { ms: median(all.map((r) => r.ms)), mb: median(all.map((r) => r.mb)) };
  };
  const small = runs(tokensSmall);
  const large = runs(tokensLarge);
  const lines = runs(jsonl);

  const n = (x: number) => x.toLocaleString("en");
  const s = (ms: number) => `${(ms / 1000).toFixed(2)} s`;
  console.log(`\nSummaries (medians of ${RUNS} runs)\n`);
  console.log(
    `scoring, compiled: ${compiledUs.toFixed(2)} us per answer set (target under 2); from answers by id: ${throughAnswers.toFixed(2)} us; scoreAnswers: ${referenceUs.toFixed(2)} us (${(referenceUs / compiledUs).toFixed(1)}x the compiled)`,
  );
  console.log(
    `CLI, ${n(SMALL)} tokens: ${s(small.ms)}, peak ${small.mb.toFixed(0)} MB; naive baseline (evaluate per row into an array): ${s(naiveMs)} (${(naiveMs / small.ms).toFixed(2)}x the CLI)`,
  );
  console.log(
    `CLI, ${n(LARGE)} tokens: ${s(large.ms)} (target under 5 s), peak ${large.mb.toFixed(0)} MB: ${(large.mb / small.mb).toFixed(2)}x the memory at ${n(SMALL)} (target within 1.2x)`,
  );
  console.log(
    `CLI, ${n(SMALL)} Result JSON Lines: ${s(lines.ms)} (target under 3 s), peak ${lines.mb.toFixed(0)} MB`,
  );
  writeFileSync(
    join(DIR, "results.json"),
    `${JSON.stringify({ runs: RUNS, compiledUs, throughAnswers, referenceUs, naiveMs, small, large, lines, sizes: { small: SMALL, large: LARGE } }, null, 2)}\n`,
  );
}

if (process.argv[1]?.endsWith("bench/summary.ts")) runSummaryBench();
