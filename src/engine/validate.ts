// Quiz text -> a typed Quiz, or every problem with its file:line:col and JSON Pointer.
// Three passes, each only on what the one before accepted: parse, structure, meaning.
import type { z } from "zod";
import { Budget, VALIDATION_BUDGET } from "./budget";
import { findWinningAnswers } from "./fairness";
import { parseQuizText } from "./parse";
import { type Path, type Problem, toPointer } from "./problem";
import { type Quiz, quizSchema } from "./schema";
import { checkSemantics } from "./semantics";

export type ValidateOptions = {
  /** The name reported in every problem; its extension picks JSON or YAML. */
  fileName: string;
  /** Reads a source document named by the quiz (a file beside it); undefined if missing. */
  loadSource: (file: string) => string | undefined;
  /** The work the searches may do (see budget.ts); tests pass a smaller one. */
  budget?: Budget;
};

/**
 * `warnings` are checks that the work budget cut short (see budget.ts): the quiz is
 * accepted, and the trainer is told what was not shown.
 */
export type Validation =
  | { ok: true; quiz: Quiz; problems: []; warnings: Problem[] }
  | { ok: false; problems: Problem[] };

export function validateQuiz(
  text: string,
  { fileName, loadSource, budget = new Budget(VALIDATION_BUDGET) }: ValidateOptions,
): Validation {
  const parsed = parseQuizText(text, fileName);
  if (!parsed.ok) {
    const { failure, position } = parsed;
    return {
      ok: false,
      problems: [
        {
          file: fileName,
          ...position,
          pointer: toPointer(failure.path),
          code: failure.code,
          message: failure.message,
        },
      ],
    };
  }
  const problem = (path: Path, code: string, message: string, at?: "key" | "value"): Problem => ({
    file: fileName,
    ...parsed.locate(path, at),
    pointer: toPointer(path),
    code,
    message,
  });

  const structure = quizSchema.safeParse(parsed.value);
  if (!structure.success) {
    const root = parsed.value;
    return {
      ok: false,
      problems: sortProblems(
        structure.error.issues.flatMap((issue) => fromSchemaIssue(issue, root, problem)),
      ),
    };
  }
  const quiz = structure.data;
  const { findings, warnings } = checkSemantics(quiz, loadSource, budget.share(2));
  if (findings.length === 0) {
    // Only a consistent quiz can be scored, so reachability comes last.
    quiz.outcomes.forEach((outcome, i) => {
      const reach = findWinningAnswers(quiz, outcome.id, budget.share(quiz.outcomes.length - i));
      if (reach.kind === "never")
        findings.push({
          path: ["outcomes", i],
          code: "outcome-unreachable",
          message: `no set of answers makes "${outcome.id}" win`,
        });
      if (reach.kind === "unknown")
        warnings.push({
          path: ["outcomes", i],
          code: "outcome-not-shown-reachable",
          message: `"${outcome.id}" was not shown to be reachable within the budget: no answers tried made it win`,
        });
    });
  }
  const located = (list: typeof findings) =>
    sortProblems(list.map((f) => problem(f.path, f.code, f.message, f.at)));
  if (findings.length > 0) return { ok: false, problems: located(findings) };
  return { ok: true, quiz, problems: [], warnings: located(warnings) };
}

function fromSchemaIssue(
  issue: z.core.$ZodIssue,
  root: unknown,
  problem: (path: Path, code: string, message: string, at?: "key" | "value") => Problem,
): Problem[] {
  const path = issue.path.filter((p): p is string | number => typeof p !== "symbol");
  // Zod leaves the offending value out of its issues unless asked (issue.input is always
  // undefined), so whether a field is missing or of the wrong type is read from the file.
  const found = valueAt(root, path);
  switch (issue.code) {
    case "unrecognized_keys":
      return issue.keys.map((key) =>
        problem([...path, key], "unknown-field", `unknown field "${key}"`, "key"),
      );
    case "invalid_type":
      return found.present
        ? [
            problem(
              path,
              "wrong-type",
              `expected ${expectedType(issue.expected)}, found ${describe(found.value)}`,
            ),
          ]
        : [problem(path, "missing-field", `"${path.at(-1)}" is required`)];
    case "invalid_union": {
      // A discriminated union already puts "type" at the end of the path when the
      // discriminator is what failed; add it only when it is not there.
      const at = path.at(-1) === "type" ? path : [...path, "type"];
      const given = valueAt(root, at);
      return [
        problem(
          at,
          "bad-question-type",
          given.present
            ? `type must be "single", "multiple" or "scale", not ${describe(given.value)}`
            : 'every question needs a type: "single", "multiple" or "scale"',
        ),
      ];
    }
    case "too_small":
    case "too_big":
      // An empty (or all-blank) text is a bad value rather than a number out of range.
      if (issue.origin === "string") return [problem(path, "invalid-value", sizeMessage(issue))];
      return [
        problem(
          path,
          issue.origin === "array" ? "wrong-count" : "out-of-range",
          sizeMessage(issue),
        ),
      ];
    case "invalid_format":
      return [problem(path, "bad-format", formatMessage(issue))];
    default:
      return [
        problem(path, "invalid-value", ownMessage(issue.message) ?? "this value is not allowed"),
      ];
  }
}

/** The value at `path` in the parsed file, and whether it is there at all. */
function valueAt(root: unknown, path: Path): { present: boolean; value: unknown } {
  let value = root;
  for (const part of path) {
    if (value === null || typeof value !== "object" || !Object.hasOwn(value, part))
      return { present: false, value: undefined };
    value = (value as Record<string | number, unknown>)[part];
  }
  return { present: true, value };
}

/** The schema's own message, or undefined when Zod fell back to its generic wording. */
function ownMessage(message: string): string | undefined {
  return /^(Too small|Too big|Invalid)\b/.test(message) ? undefined : message;
}

function sizeMessage(issue: z.core.$ZodIssueTooSmall | z.core.$ZodIssueTooBig): string {
  const own = ownMessage(issue.message);
  if (own) return own;
  const small = issue.code === "too_small";
  const limit = Number(small ? issue.minimum : issue.maximum);
  if (issue.origin === "array")
    return `must have ${small ? "at least" : "at most"} ${limit} ${limit === 1 ? "item" : "items"}`;
  if (issue.origin === "string")
    return small ? "must not be empty" : `must be at most ${limit} characters`;
  const bound =
    issue.inclusive === false
      ? small
        ? "more than"
        : "less than"
      : small
        ? "at least"
        : "at most";
  return `must be ${bound} ${limit}`;
}

function formatMessage(issue: z.core.$ZodIssueInvalidStringFormat): string {
  const own = ownMessage(issue.message);
  if (own) return own;
  switch (issue.format) {
    case "date":
      return "must be a real date written YYYY-MM-DD, such as 2023-06-01";
    case "url":
      return "must be a full web address, such as https://example.com/course";
    default:
      return `must be a valid ${issue.format}`;
  }
}

function expectedType(expected: string): string {
  switch (expected) {
    case "string":
      return "text";
    case "number":
      return "a number";
    case "int":
      return "a whole number";
    case "boolean":
      return "true or false";
    case "array":
      return "a list";
    case "object":
    case "record":
      return "an object (name: value pairs)";
    default:
      return expected;
  }
}

function describe(value: unknown): string {
  if (value === null) return "null";
  if (Array.isArray(value)) return "a list";
  if (typeof value === "object") return "an object";
  if (typeof value === "string") return `the text ${JSON.stringify(value.slice(0, 40))}`;
  if (typeof value === "number") return `the number ${value}`;
  return String(value);
}

function sortProblems(problems: Problem[]): Problem[] {
  return problems.sort((a, b) => a.line - b.line || a.col - b.col);
}
