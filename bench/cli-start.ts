// How long `coursefit score` takes as a user types it, process start included: the
// compiled command (lib/, what the installed package runs) against the TypeScript sources
// through tsx, and Node doing nothing as the floor. Medians of alternating runs in one go,
// so that a noisy machine slows all three alike.
import { spawnSync } from "node:child_process";
import { COMPLETE_ANSWERS } from "../tests/helpers/answers";
import { buildCompiledCli, COMPILED_CLI } from "./compiled-cli";

const RUNS = Number(process.env.BENCH_RUNS ?? 11);
const SCORE = ["score", "csm-vs-cspo", "--answers", JSON.stringify(COMPLETE_ANSWERS)];
const COMMANDS: Record<string, string[]> = {
  "node -e 0 (floor)": ["-e", "0"],
  [`compiled (${COMPILED_CLI})`]: [COMPILED_CLI, ...SCORE],
  "sources through tsx": ["--import", "tsx", "src/cli/main.ts", ...SCORE],
};

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? Number.NaN;
}

export function runCliStartBench(): void {
  buildCompiledCli();
  const times = Object.fromEntries(Object.keys(COMMANDS).map((name) => [name, [] as number[]]));
  for (let i = 0; i < RUNS; i++) {
    for (const [name, args] of Object.entries(COMMANDS)) {
      const started = performance.now();
      const run = spawnSync(process.execPath, args, { encoding: "utf8" });
      if (run.status !== 0) throw new Error(`${name} failed: ${run.stderr}`);
      times[name]?.push(performance.now() - started);
    }
  }
  const floor = median(times["node -e 0 (floor)"] ?? []);
  console.log(`\ncoursefit score, process start included (median of ${RUNS}):`);
  for (const [name, values] of Object.entries(times)) {
    const ms = median(values);
    console.log(`  ${name}: ${Math.round(ms)} ms (${(ms / floor).toFixed(1)}x the floor)`);
  }
}

if (import.meta.url === `file://${process.argv[1]}`) runCliStartBench();
