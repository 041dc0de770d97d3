// The package as a user installs it: `npm pack`, then `npm install <tarball>` into an empty
// folder, then every command and `import "coursefit/engine"`, on plain Node (no tsx, no
// dev dependency). Here, not in the unit run, because it needs the built pages (the global
// setup builds them) and a few minutes (npm compiles better-sqlite3 from source).
import { type ChildProcess, execFileSync, spawn, spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { evaluate } from "../../src/engine/result";
import { encodeAnswers } from "../../src/engine/share";
import { COMPLETE_ANSWERS } from "../helpers/answers";
import { loadQuiz } from "../helpers/quiz";

const ROOT = resolve(".");
const INSTALL_MS = 600_000;
let app = "";
let bin = "";

function npm(args: string[], cwd: string): string {
  return execFileSync("npm", [...args, "--no-audit", "--no-fund"], {
    cwd,
    encoding: "utf8",
    stdio: ["ignore", "pipe", "pipe"],
  });
}

/** Runs the installed command; PATH without node_modules/.bin, so no repository tool leaks in. */
function installed(args: string[], input = "") {
  return spawnSync(process.execPath, [bin, ...args], { cwd: app, input, encoding: "utf8" });
}

beforeAll(() => {
  if (!existsSync("dist/index.html")) npm(["run", "build"], ROOT);
  npm(["run", "build:cli"], ROOT);
  app = mkdtempSync(join(tmpdir(), "coursefit-package-"));
  const packed = JSON.parse(
    npm(["pack", "--ignore-scripts", "--json", "--pack-destination", app], ROOT),
  ) as { filename: string }[];
  const tarball = join(app, packed[0]?.filename ?? "");
  writeFileSync(join(app, "package.json"), JSON.stringify({ private: true, type: "module" }));
  npm(["install", "--prefer-offline", tarball], app);
  bin = join(app, "node_modules/coursefit/bin/coursefit.js");
}, INSTALL_MS);

afterAll(() => {
  if (app) rmSync(app, { recursive: true, force: true });
});

describe("the installed package", () => {
  it("brings only its runtime dependencies", () => {
    for (const dev of ["tsx", "typescript", "vite", "react", "vitest"]) {
      expect(existsSync(join(app, "node_modules", dev)), dev).toBe(false);
    }
    for (const shipped of ["lib/cli/main.js", "dist/index.html", "dist/embed.js", "quizzes"]) {
      expect(existsSync(join(app, "node_modules/coursefit", shipped)), shipped).toBe(true);
    }
    expect(existsSync(join(app, "node_modules/coursefit/src")), "sources").toBe(false);
  });

  it("validates, scores, takes and summarises the built-in quiz", () => {
    const validate = installed(["validate", "csm-vs-cspo"]);
    expect(validate.stderr).toBe("");
    expect(validate.status).toBe(0);

    const quiz = loadQuiz();
    const expected = evaluate(quiz, COMPLETE_ANSWERS);
    const score = installed([
      "score",
      "csm-vs-cspo",
      "--answers",
      JSON.stringify(COMPLETE_ANSWERS),
      "--json",
    ]);
    expect(score.status).toBe(0);
    expect(JSON.parse(score.stdout).recommendation).toEqual(expected.recommendation);

    const take = installed(["take", "csm-vs-cspo"], "\n1\nq\n");
    expect(take.stdout).toContain(quiz.questions[0]?.prompt);

    const token = encodeAnswers(quiz, COMPLETE_ANSWERS);
    const summary = installed(["summarize", "csm-vs-cspo", "-", "--json"], `${token}\n${token}\n`);
    expect(summary.status).toBe(0);
    const { summary: counted } = JSON.parse(summary.stdout);
    expect([counted.results, counted.duplicates]).toEqual([1, 1]);
  });

  it("serves the pages with `coursefit serve`", async () => {
    let server: ChildProcess | undefined;
    try {
      server = spawn(process.execPath, [bin, "serve", "--port", "0", "--db", "results.db"], {
        cwd: app,
        env: { ...process.env, COURSEFIT_TRAINER_KEY: "a-trainer-key-for-the-package-test" },
      });
      const url = await new Promise<string>((found, failed) => {
        let out = "";
        server?.stdout?.on("data", (chunk: Buffer) => {
          out += chunk.toString();
          const match = /running at (http:\/\/127\.0\.0\.1:\d+)/.exec(out);
          if (match?.[1]) found(match[1]);
        });
        server?.once("exit", (code) => failed(new Error(`serve ended (${code}): ${out}`)));
      });
      const page = await fetch(`${url}/`);
      expect(page.status).toBe(200);
      expect(await page.text()).toContain(`<title>${loadQuiz().title}`);
      expect((await fetch(`${url}/embed.js`)).status).toBe(200);
    } finally {
      server?.kill("SIGINT");
    }
  });

  it("exports coursefit/engine, with its types", () => {
    const quizPath = join(app, "node_modules/coursefit/quizzes/csm-vs-cspo.yaml");
    writeFileSync(
      join(app, "consumer.ts"),
      `import { readFileSync } from "node:fs";
import { type Result, decodeAnswers, encodeAnswers, evaluate, validateQuiz } from "coursefit/engine";
const checked = validateQuiz(readFileSync(${JSON.stringify(quizPath)}, "utf8"), {
  fileName: "csm-vs-cspo.yaml",
  loadSource: (file) => readFileSync(new URL(file, "file://${quizPath}"), "utf8"),
});
if (!checked.ok) throw new Error(checked.problems.map((p) => p.message).join("; "));
const answers = ${JSON.stringify(COMPLETE_ANSWERS)};
const decoded = decodeAnswers(checked.quiz, encodeAnswers(checked.quiz, answers));
if (!decoded.ok) throw new Error(decoded.error.message);
const result: Result = evaluate(checked.quiz, decoded.answers);
console.log(JSON.stringify(result.recommendation));
`,
    );
    const tsc = spawnSync(
      process.execPath,
      [
        join(ROOT, "node_modules/typescript/bin/tsc"),
        "--noEmit",
        "--strict",
        "--skipLibCheck",
        "--module",
        "esnext",
        "--moduleResolution",
        "bundler",
        "--target",
        "es2022",
        "--types",
        "node",
        "--typeRoots",
        join(ROOT, "node_modules/@types"),
        "consumer.ts",
      ],
      { cwd: app, encoding: "utf8" },
    );
    expect(tsc.stdout).toBe("");
    expect(tsc.status).toBe(0);

    const js = readFileSync(join(app, "consumer.ts"), "utf8")
      .replace("type Result, ", "")
      .replace(": Result", "");
    writeFileSync(join(app, "consumer.mjs"), js);
    const run = spawnSync(process.execPath, ["consumer.mjs"], { cwd: app, encoding: "utf8" });
    expect(run.stderr).toBe("");
    expect(JSON.parse(run.stdout)).toEqual(evaluate(loadQuiz(), COMPLETE_ANSWERS).recommendation);
  });
});
