// A quiz path -> the file's text and its source documents -> validateQuiz. A file that
// cannot be read is a clear error naming it; a quiz with problems is the caller's call
// (validate reports them, score and take refuse to go on).
import { existsSync, readFileSync } from "node:fs";
import { dirname, isAbsolute, join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import { decodeFile } from "../engine/parse";
import { formatProblem } from "../engine/problem";
import type { Quiz } from "../engine/schema";
import { type Validation, validateQuiz } from "../engine/validate";
import { CliError } from "./errors";

/** The quizzes shipped with the package, for `coursefit take csm-vs-cspo`. */
const BUNDLED = fileURLToPath(new URL("../../quizzes/", import.meta.url));
const EXTENSIONS = [".yaml", ".yml", ".json"];

/**
 * The file a quiz argument names: the path itself when it exists, otherwise, for a bare
 * name such as "csm-vs-cspo", the bundled quiz of that name. Reported as given, or
 * relative to the working directory, so that problems read `quizzes/x.yaml:3:5`.
 */
export function resolveQuizPath(arg: string): string {
  if (existsSync(arg) || !/^[a-z0-9][a-z0-9-]*$/.test(arg)) return arg;
  for (const extension of EXTENSIONS) {
    const candidate = join(BUNDLED, `${arg}${extension}`);
    if (existsSync(candidate)) {
      const shown = relative(process.cwd(), candidate);
      return shown.startsWith("..") || isAbsolute(shown) ? candidate : shown;
    }
  }
  return arg;
}

/** Reads and validates a quiz; throws CliError only when the file cannot be read. */
export function readQuiz(path: string): Validation {
  // Counted in bytes and decoded strictly: a file that is not UTF-8 is told so.
  const decoded = decodeFile(readBytes(path, "quiz"));
  if (!decoded.ok) {
    const { code, message } = decoded;
    return { ok: false, problems: [{ file: path, line: 1, col: 1, pointer: "", code, message }] };
  }
  const text = decoded.text;
  return validateQuiz(text, {
    fileName: path,
    loadSource: (file) => {
      try {
        return readFileSync(join(dirname(path), file), "utf8");
      } catch {
        return undefined; // the validator reports the missing source with its position
      }
    },
  });
}

/** A valid quiz, or a CliError carrying its problems (exit 1). */
export function loadQuiz(path: string): Quiz {
  const validation = readQuiz(path);
  if (validation.ok) return validation.quiz;
  const count = validation.problems.length;
  throw new CliError(
    `${path} is not a valid quiz (${count} ${count === 1 ? "problem" : "problems"})`,
    validation.problems.map(formatProblem),
  );
}

function readBytes(path: string, what: string): Uint8Array {
  try {
    return readFileSync(path);
  } catch (error) {
    throw new CliError(`cannot read ${what} "${path}": ${describeFsError(error)}`);
  }
}

function describeFsError(error: unknown): string {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  switch (code) {
    case "ENOENT":
      return "no such file";
    case "EISDIR":
      return "it is a directory, not a file";
    case "EACCES":
    case "EPERM":
      return "permission denied";
    default:
      return error instanceof Error ? error.message : String(error);
  }
}
