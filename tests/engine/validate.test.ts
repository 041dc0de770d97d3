import { readdirSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { MAX_FILE_BYTES, parseQuizText } from "../../src/engine/parse";
import { formatProblem, type Problem } from "../../src/engine/problem";
import { quizSchema } from "../../src/engine/schema";
import { checkSemantics } from "../../src/engine/semantics";
import { validateQuiz } from "../../src/engine/validate";

const here = dirname(fileURLToPath(import.meta.url));
const fixtures = join(here, "../fixtures");
const invalidDir = join(fixtures, "invalid");
const validDir = join(fixtures, "valid");
const quizzesDir = join(here, "../../quizzes");

/** Validates a file as the CLI would: sources are read from files beside it. */
function validateFile(dir: string, name: string, text = readFileSync(join(dir, name), "utf8")) {
  return validateQuiz(text, {
    fileName: name,
    loadSource: (file) => {
      try {
        return readFileSync(join(dir, file), "utf8");
      } catch {
        return undefined;
      }
    },
  });
}

type Expected = { code: string; pointer: string; line: number; col?: number };
const manifest = JSON.parse(readFileSync(join(invalidDir, "expected.json"), "utf8")) as Record<
  string,
  Expected
>;
const fixtureFiles = readdirSync(invalidDir).filter((f) => /\.(ya?ml|json)$/.test(f));
const quizFixtures = fixtureFiles.filter((f) => f !== "expected.json");

/** Every code the parser, the schema mapping and the semantic checks can emit. */
const ALL_CODES = [
  // parse.ts
  "file-too-large",
  "empty-file",
  "too-deep",
  "malformed-json",
  "malformed-yaml",
  "yaml-alias",
  "bad-key",
  "bad-scalar",
  "forbidden-key",
  "duplicate-key",
  // validate.ts, from the schema
  "unknown-field",
  "missing-field",
  "wrong-type",
  "bad-question-type",
  "wrong-count",
  "out-of-range",
  "bad-format",
  "invalid-value",
  // semantics.ts
  "duplicate-id",
  "unknown-reference",
  "missing-trait-weight",
  "missing-passage",
  "comparison-scored-mismatch",
  "source-missing",
  "quote-not-verbatim",
  "too-few-options",
  "moves-nothing",
  "bad-choice-limit",
  "show-if-forward",
  "show-if-mismatch",
  "show-if-never-true",
  "never-shown",
  "trait-unused",
  // validate.ts, from the fairness search
  "outcome-unreachable",
];

function expectWellFormed(problem: Problem, file: string) {
  expect(problem.file).toBe(file);
  expect(Number.isInteger(problem.line) && problem.line >= 1).toBe(true);
  expect(Number.isInteger(problem.col) && problem.col >= 1).toBe(true);
  expect(problem.pointer === "" || problem.pointer.startsWith("/")).toBe(true);
  expect(ALL_CODES).toContain(problem.code);
  expectSentence(problem.message);
}

/** A message a trainer can read: words, no Zod jargon, no leaked internals. */
function expectSentence(message: string) {
  expect(message).toMatch(/^[A-Za-z0-9"(.]/);
  expect(message.split(" ").length).toBeGreaterThanOrEqual(3);
  expect(message).not.toMatch(/undefined|\[object|NaN|>=|<=|Too small|Too big|Invalid input/);
  expect(message).not.toMatch(/\n/);
}

describe("the invalid fixtures", () => {
  it("has at least 34 fixtures, each listed in the manifest, mixing YAML and JSON", () => {
    expect(quizFixtures.length).toBeGreaterThanOrEqual(34);
    expect(new Set(quizFixtures)).toEqual(new Set(Object.keys(manifest)));
    expect(quizFixtures.some((f) => f.endsWith(".json"))).toBe(true);
    expect(quizFixtures.some((f) => f.endsWith(".yaml"))).toBe(true);
  });

  it("covers every error code (file-too-large is generated below)", () => {
    const covered = new Set(Object.values(manifest).map((e) => e.code));
    covered.add("file-too-large");
    expect([...covered].sort()).toEqual([...ALL_CODES].sort());
  });

  it.each(quizFixtures)("%s reports exactly its one rule", (name) => {
    const expected = manifest[name] as Expected;
    const result = validateFile(invalidDir, name);
    expect(result.ok).toBe(false);
    // The rule is found where the manifest says...
    const match = result.problems.find(
      (p) =>
        p.code === expected.code &&
        p.pointer === expected.pointer &&
        p.line === expected.line &&
        (expected.col === undefined || p.col === expected.col),
    );
    expect(match, JSON.stringify(result.problems, null, 1)).toBeDefined();
    // ...and nothing else is wrong with the file.
    expect(result.problems.filter((p) => p.code !== expected.code)).toEqual([]);
    for (const problem of result.problems) expectWellFormed(problem, name);
    // The CLI prints `file:line:col pointer code message`.
    const m = match as Problem;
    expect(result.problems.map(formatProblem)).toContain(
      `${name}:${expected.line}:${m.col} ${expected.pointer || "/"} ${expected.code} ${m.message}`,
    );
  });

  it("reports a file over the size limit as file-too-large", () => {
    const base = readFileSync(join(validDir, "minimal.yaml"), "utf8");
    const text = `${base}# ${"x".repeat(MAX_FILE_BYTES)}\n`;
    const result = validateFile(validDir, "huge.yaml", text);
    expect(result.ok).toBe(false);
    expect(result.problems).toEqual([
      expect.objectContaining({ code: "file-too-large", pointer: "", line: 1, col: 1 }),
    ]);
    expect(formatProblem(result.problems[0] as Problem)).toMatch(
      /^huge\.yaml:1:1 \/ file-too-large the file is \d+ bytes; a quiz may be at most 1048576$/,
    );
  });
});

describe("valid quizzes", () => {
  it("the real CSM-vs-CSPO quiz validates", () => {
    const result = validateFile(quizzesDir, "csm-vs-cspo.yaml");
    expect(result.problems).toEqual([]);
    expect(result.ok).toBe(true);
    if (result.ok) expect(result.quiz.id).toBe("csm-vs-cspo");
  });

  it("the minimal quiz validates, in YAML and in JSON, to the same quiz", () => {
    const yaml = validateFile(validDir, "minimal.yaml");
    const json = validateFile(validDir, "minimal.json");
    expect(yaml.problems).toEqual([]);
    expect(json.problems).toEqual([]);
    expect(yaml.ok && json.ok).toBe(true);
    if (yaml.ok && json.ok) expect(json.quiz).toEqual(yaml.quiz);
  });

  it("the minimal quiz still validates with a byte-order mark and CRLF line endings", () => {
    const text = `\uFEFF${readFileSync(join(validDir, "minimal.yaml"), "utf8").replace(/\n/g, "\r\n")}`;
    expect(validateFile(validDir, "minimal.yaml", text).problems).toEqual([]);
  });
});

describe("positions and messages", () => {
  it("points an unknown field at its key, not its value", () => {
    const text = readFileSync(join(validDir, "minimal.yaml"), "utf8").replace(
      "    prompt: What fills your day?\n",
      "    prompt: What fills your day?\n    colour:\n      blue\n",
    );
    const result = validateFile(validDir, "q.yaml", text);
    const lines = text.split("\n");
    const keyLine = lines.findIndex((l) => l.startsWith("    colour:")) + 1;
    expect(result.problems).toEqual([
      expect.objectContaining({
        code: "unknown-field",
        pointer: "/questions/0/colour",
        line: keyLine,
        col: 5,
      }),
    ]);
  });

  it("points an unknown JSON field at its key", () => {
    const text = readFileSync(join(validDir, "minimal.json"), "utf8").replace(
      '"minutes": 2,',
      '"minutes": 2,\n  "colour":\n    "blue",',
    );
    const result = validateFile(validDir, "q.json", text);
    expect(result.problems).toEqual([
      expect.objectContaining({ code: "unknown-field", pointer: "/colour", line: 7, col: 3 }),
    ]);
  });

  it("tells a missing field from one of the wrong type", () => {
    const base = readFileSync(join(validDir, "minimal.yaml"), "utf8");
    const missing = validateFile(validDir, "q.yaml", base.replace("minutes: 2\n", ""));
    const wrong = validateFile(validDir, "q.yaml", base.replace("minutes: 2", "minutes: [2]"));
    const nulled = validateFile(validDir, "q.yaml", base.replace("minutes: 2", "minutes:"));
    expect(missing.problems.map((p) => [p.code, p.message])).toEqual([
      ["missing-field", '"minutes" is required'],
    ]);
    expect(wrong.problems.map((p) => [p.code, p.message])).toEqual([
      ["wrong-type", "expected a number, found a list"],
    ]);
    expect(nulled.problems.map((p) => [p.code, p.line])).toEqual([["wrong-type", 6]]);
  });

  it("names a missing question type once, at the question", () => {
    const text = readFileSync(join(validDir, "minimal.yaml"), "utf8").replace(
      "  - id: day\n    type: single\n",
      "  - id: day\n",
    );
    const result = validateFile(validDir, "q.yaml", text);
    expect(result.problems).toEqual([
      expect.objectContaining({ code: "bad-question-type", pointer: "/questions/0/type" }),
    ]);
    expect(result.problems[0]?.message).toBe(
      'every question needs a type: "single", "multiple" or "scale"',
    );
  });

  it("writes every fixture's messages as readable sentences", () => {
    const messages = quizFixtures.flatMap((name) =>
      validateFile(invalidDir, name).problems.map((p) => p.message),
    );
    expect(messages.length).toBeGreaterThanOrEqual(quizFixtures.length);
    for (const message of messages) expectSentence(message);
  });

  it("sorts problems by line and column", () => {
    const text = readFileSync(join(validDir, "minimal.yaml"), "utf8")
      .replace("minutes: 2", "minutes: 0")
      .replace("tieMargin: 5", "tieMargin: -1")
      .replace("title: Alpha or Beta?", "title: 7");
    const problems = validateFile(validDir, "q.yaml", text).problems;
    expect(problems.map((p) => p.pointer)).toEqual(["/title", "/minutes", "/scoring/tieMargin"]);
  });
});

describe("semantic edge cases", () => {
  const base = readFileSync(join(validDir, "minimal.yaml"), "utf8");

  it('finds a missing trait weight even for a trait called "constructor"', () => {
    // `"constructor" in {}` is true: the check must look at the map's own keys.
    const text = base
      .replace(
        "  - id: role\n    label: Role\n",
        "  - id: role\n    label: Role\n  - id: constructor\n    label: Builder\n",
      )
      .replace(
        "passages: { role: alpha-role }",
        "passages: { role: alpha-role, constructor: alpha-role }",
      )
      .replace(
        "passages: { role: beta-role }",
        "passages: { role: beta-role, constructor: beta-role }",
      )
      .replace(
        "weights: { role: { alpha: 2 } }",
        "weights: { role: { alpha: 2 }, constructor: { alpha: 1 } }",
      )
      .replace(
        "weights: { role: { beta: 2 } }",
        "weights: { role: { beta: 2 }, constructor: { beta: 1 } }",
      );
    const result = validateFile(validDir, "q.yaml", text);
    expect(result.problems.map((p) => [p.code, p.pointer])).toEqual([
      ["missing-trait-weight", "/scoring/traitWeights"],
    ]);
  });

  it("refuses links the page would show that are not http(s), such as javascript:", () => {
    for (const url of ["javascript:alert(1)", "data:text/html,hi", "ftp://example.com/x"]) {
      const text = base.replace(
        "    passages: { role: alpha-role }\n",
        `    passages: { role: alpha-role }\n    nextStep: { label: Book, url: "${url}" }\n`,
      );
      const result = validateFile(validDir, "q.yaml", text);
      expect(result.problems.map((p) => [p.code, p.pointer])).toEqual([
        ["bad-format", "/outcomes/0/nextStep/url"],
      ]);
    }
    const ok = base.replace(
      "    passages: { role: alpha-role }\n",
      '    passages: { role: alpha-role }\n    nextStep: { label: Book, url: "https://example.com/book" }\n',
    );
    expect(validateFile(validDir, "q.yaml", ok).problems).toEqual([]);
  });

  it("decides never-shown quickly when conditions form many diamonds", () => {
    // Each question depends on the two before it, so the paths back to the first question
    // double at every step. This once took 17 s and 1 GB for 35 questions.
    const questions = Array.from({ length: 60 }, (_, k) => {
      const on = k === 0 ? [] : [k - 1, k - 2].filter((j) => j >= 0);
      const showIf = on.length
        ? `    showIf:\n${on.map((j) => `      - { question: q${j}, anyOf: [x, y] }\n`).join("")}`
        : "";
      return `  - id: q${k}\n    type: multiple\n    prompt: Pick\n    maxChoices: 2\n${showIf}    options:\n      - { id: x, label: X, weights: { role: { alpha: 1 } } }\n      - { id: y, label: Y, weights: { role: { beta: 1 } } }\n      - { id: z, label: Z, weights: { role: { alpha: 1, beta: 1 } } }\n`;
    });
    // Needs x, y and z all ticked on q0, which allows two: never shown.
    const last = `  - id: last\n    type: single\n    prompt: Last\n    showIf:\n      - { question: q59, anyOf: [x] }\n      - { question: q0, anyOf: [x] }\n      - { question: q0, anyOf: [y] }\n      - { question: q0, anyOf: [z] }\n    options:\n      - { id: x, label: X, weights: { role: { alpha: 1 } } }\n      - { id: y, label: Y, weights: { role: { beta: 1 } } }\n`;
    const text = base.replace(
      /\nquestions:\n[\s\S]*\nscoring:/,
      `\nquestions:\n${questions.join("")}${last}\nscoring:`,
    );
    const parsed = parseQuizText(text, "q.yaml");
    if (!parsed.ok) throw new Error(parsed.failure.message);
    const quiz = quizSchema.parse(parsed.value);
    const started = performance.now();
    const { findings } = checkSemantics(quiz, () =>
      readFileSync(join(validDir, "source.txt"), "utf8"),
    );
    expect(performance.now() - started).toBeLessThan(2_000);
    expect(findings.map((f) => [f.code, f.path.join("/")])).toEqual([
      ["never-shown", "questions/60/showIf"],
    ]);
  });

  it("gives up on never-shown, rather than hang, for thousands of chained questions", () => {
    const questions = Array.from(
      { length: 3000 },
      (_, k) =>
        `  - id: q${k}\n    type: single\n    prompt: Pick\n${k ? `    showIf: [{ question: q${k - 1}, anyOf: [x] }]\n` : ""}    options: [{ id: x, label: X, weights: { role: { alpha: 1 } } }, { id: y, label: Y, weights: { role: { beta: 1 } } }]\n`,
    );
    const text = base.replace(
      /\nquestions:\n[\s\S]*\nscoring:/,
      `\nquestions:\n${questions.join("")}\nscoring:`,
    );
    const parsed = parseQuizText(text, "q.yaml");
    if (!parsed.ok) throw new Error(parsed.failure.message);
    const quiz = quizSchema.parse(parsed.value);
    const { findings, warnings } = checkSemantics(quiz, () =>
      readFileSync(join(validDir, "source.txt"), "utf8"),
    );
    expect(findings).toEqual([]);
    // The chain costs the square of its length: past the budget, the questions it did not
    // check are said to be not shown reachable, as warnings.
    expect(warnings.length).toBeGreaterThan(0);
    expect(new Set(warnings.map((w) => w.code))).toEqual(new Set(["question-not-shown-reachable"]));
  }, 60_000);
});

describe("text that shows nothing", () => {
  it("fails must-not-be-empty when it is only zero-width or invisible characters", () => {
    const text = readFileSync(join(validDir, "minimal.yaml"), "utf8").replace(
      /^title: .*$/m,
      'title: "\u200b\u200c\u200d\u2060\ufeff\u202e"',
    );
    const result = validateQuiz(text, {
      fileName: "minimal.yaml",
      loadSource: () => readFileSync(join(validDir, "source.txt"), "utf8"),
    });
    expect(result.problems.map((p) => [p.pointer, p.code, p.message])).toEqual([
      ["/title", "invalid-value", "must not be empty: it has only invisible characters"],
    ]);
  });
});
