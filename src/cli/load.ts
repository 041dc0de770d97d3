// A quiz path -> the file's text and its source documents -> validateQuiz. A file that
// cannot be read is a clear error naming it; a quiz with problems is the caller's call
// (validate reports them, score and take refuse to go on).
import {
  closeSync,
  constants,
  existsSync,
  fstatSync,
  openSync,
  readSync,
  type Stats,
} from "node:fs";
import { dirname, isAbsolute, join, relative } from "node:path";
import { MAX_FILE_BYTES } from "../engine/parse";
import { formatProblem } from "../engine/problem";
import type { Quiz } from "../engine/schema";
import { type Validation, validateQuiz } from "../engine/validate";
import { CliError } from "./errors";
import { BUNDLED_QUIZZES } from "./paths";

const EXTENSIONS = [".yaml", ".yml", ".json"];

/**
 * The file a quiz argument names: the path itself when it exists, otherwise, for a bare
 * name such as "csm-vs-cspo", the bundled quiz of that name. Reported as given, or
 * relative to the working directory, so that problems read `quizzes/x.yaml:3:5`.
 */
export function resolveQuizPath(arg: string): string {
  if (existsSync(arg) || !/^[a-z0-9][a-z0-9-]*$/.test(arg)) return arg;
  for (const extension of EXTENSIONS) {
    const candidate = join(BUNDLED_QUIZZES, `${arg}${extension}`);
    if (existsSync(candidate)) {
      const shown = relative(process.cwd(), candidate);
      return shown.startsWith("..") || isAbsolute(shown) ? candidate : shown;
    }
  }
  return arg;
}

/** Reads and validates a quiz; throws CliError only when a file cannot be read. */
export function readQuiz(path: string): Validation {
  const text = readText(path, "quiz");
  return validateQuiz(text, {
    fileName: path,
    loadSource: (file) => {
      const source = join(dirname(path), file);
      // A missing source is the validator's to report, with the position that names it.
      if (!existsSync(source)) return undefined;
      return readText(source, "source text");
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

/**
 * A file's text, refusing anything but a regular file (a FIFO would block for ever,
 * /dev/zero never end) and reading at most the size limit plus one byte.
 */
function readText(path: string, what: string): string {
  const fail = (why: string) => new CliError(`cannot read ${what} "${path}": ${why}`);
  let fd: number;
  try {
    // Non-blocking, so that opening a FIFO returns at once and fstat can refuse it.
    fd = openSync(path, constants.O_RDONLY | constants.O_NONBLOCK);
  } catch (error) {
    throw fail(describeFsError(error));
  }
  try {
    const stats = fstatSync(fd);
    if (!stats.isFile()) throw fail(`${describeKind(stats)}, not a regular file`);
    const tooLarge = (size: string) =>
      fail(`it is ${size} bytes; a ${what} file may be at most ${count(MAX_FILE_BYTES)} bytes`);
    if (stats.size > MAX_FILE_BYTES) throw tooLarge(count(stats.size));
    const buffer = Buffer.alloc(MAX_FILE_BYTES + 1);
    let length = 0;
    while (length < buffer.length) {
      const read = readSync(fd, buffer, length, buffer.length - length, null);
      if (read === 0) break;
      length += read;
    }
    if (length > MAX_FILE_BYTES) throw tooLarge(`more than ${count(MAX_FILE_BYTES)}`);
    try {
      return new TextDecoder("utf-8", { fatal: true }).decode(buffer.subarray(0, length));
    } catch {
      throw fail("it is not UTF-8 text");
    }
  } catch (error) {
    if (error instanceof CliError) throw error;
    throw fail(describeFsError(error));
  } finally {
    closeSync(fd);
  }
}

const count = (n: number) => n.toLocaleString("en-US");

function describeKind(stats: Stats): string {
  if (stats.isDirectory()) return "it is a directory";
  if (stats.isFIFO()) return "it is a named pipe";
  if (stats.isCharacterDevice() || stats.isBlockDevice()) return "it is a device";
  if (stats.isSocket()) return "it is a socket";
  return "it is not a file";
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
