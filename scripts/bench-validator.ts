// The validator's worst cases, timed through the CLI as a trainer runs it: quizzes shaped
// for the most work (many outcomes, traits, options, chained show-if), each validated by
// `coursefit validate` in a process of its own, compiled as the installed package runs it.
// The unit tests prove the work is bounded by the budget (tests/engine/budget.test.ts);
// this measures what the budget costs here.
import { spawnSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { buildCompiledCli } from "../bench/compiled-cli";
import { HOSTILE_SOURCE, type HostileShape, hostileQuiz } from "../tests/helpers/hostile-quiz";

const SHAPES: HostileShape[] = [
  { outcomes: 10, traits: 10, questions: 30, options: 10, unreachable: true },
  { outcomes: 40, traits: 40, questions: 40, options: 31, unreachable: true },
  { outcomes: 6, traits: 2, questions: 1000, options: 3 },
  { outcomes: 10, traits: 10, questions: 300, options: 10, chain: 299 },
  { outcomes: 20, traits: 20, questions: 120, options: 31, chain: 119, unreachable: true },
];

export function benchValidator(): string[] {
  const cli = buildCompiledCli();
  const dir = mkdtempSync(join(tmpdir(), "coursefit-bench-"));
  writeFileSync(join(dir, "source.txt"), HOSTILE_SOURCE);
  return SHAPES.map((shape, i) => {
    const file = join(dir, `hostile-${i}.json`);
    const text = JSON.stringify(hostileQuiz(shape));
    writeFileSync(file, text);
    const started = performance.now();
    const run = spawnSync(process.execPath, [cli, "validate", file], { encoding: "utf8" });
    const seconds = (performance.now() - started) / 1000;
    const { outcomes, traits, questions, options, chain = 0 } = shape;
    return `${outcomes} outcomes x ${traits} traits x ${questions} questions x ${options} options, chain ${chain} (${Math.round(text.length / 1024)} KB): exit ${run.status}, ${seconds.toFixed(2)} s`;
  });
}

if (import.meta.url === `file://${process.argv[1]}`) {
  console.log("coursefit validate on the validator's worst cases (process start included):");
  for (const line of benchValidator()) console.log(`  ${line}`);
}
