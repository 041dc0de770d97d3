// Quiz text -> a typed Quiz, or every problem with its file:line:col and JSON Pointer.
// Three passes, each only on what the one before accepted: parse, structure, meaning.
import type { z } from "zod";
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
};

export type Validation =
  | { ok: true; quiz: Quiz; problems: [] }
  | { ok: false; problems: Problem[] };

export function validateQuiz(text: string, { fileName, loadSource }: ValidateOptions): Validation {
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
    return {
      ok: false,
      problems: sortProblems(
        structure.error.issues.flatMap((issue) => fromSchemaIssue(issue, problem)),
      ),
    };
  }
  const quiz = structure.data;
  const findings = checkSemantics(quiz, loadSource);
  if (findings.length === 0) {
    // Only a consistent quiz can be scored, so reachability comes last.
    quiz.outcomes.forEach((outcome, i) => {
      if (!findWinningAnswers(quiz, outcome.id)) {
        findings.push({
          path: ["outcomes", i],
          code: "outcome-unreachable",
          message: `no set of answers makes "${outcome.id}" win`,
        });
      }
    });
  }
  if (findings.length > 0) {
    return {
      ok: false,
      problems: sortProblems(findings.map((f) => problem(f.path, f.code, f.message, f.at))),
    };
  }
  return { ok: true, quiz, problems: [] };
}

function fromSchemaIssue(
  issue: z.core.$ZodIssue,
  problem: (path: Path, code: string, message: string, at?: "key" | "value") => Problem,
): Problem[] {
  const path = issue.path.filter((p): p is string | number => typeof p !== "symbol");
  switch (issue.code) {
    case "unrecognized_keys":
      return issue.keys.map((key) =>
        problem([...path, key], "unknown-field", `unknown field "${key}"`, "key"),
      );
    case "invalid_type":
      return issue.input === undefined
        ? [problem(path, "missing-field", `"${path.at(-1)}" is required`)]
        : [
            problem(
              path,
              "wrong-type",
              `expected ${issue.expected}, found ${describe(issue.input)}`,
            ),
          ];
    case "invalid_union":
      return [
        problem(
          [...path, "type"],
          "bad-question-type",
          'type must be "single", "multiple" or "scale"',
        ),
      ];
    case "too_small":
    case "too_big":
      return [
        problem(path, issue.origin === "array" ? "wrong-count" : "out-of-range", issue.message),
      ];
    case "invalid_format":
      return [problem(path, "bad-format", issue.message)];
    default:
      return [problem(path, "invalid-value", issue.message)];
  }
}

function describe(value: unknown): string {
  if (value === null) return "null";
  if (Array.isArray(value)) return "a list";
  if (typeof value === "object") return "an object";
  return `${typeof value} ${JSON.stringify(value).slice(0, 40)}`;
}

function sortProblems(problems: Problem[]): Problem[] {
  return problems.sort((a, b) => a.line - b.line || a.col - b.col);
}
