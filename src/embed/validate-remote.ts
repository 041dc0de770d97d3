// Loaded only when a trainer's own quiz is embedded: the validator, the YAML parser and
// zod stay out of what the built-in quiz ships. It runs in a Web Worker (validate-worker.ts),
// or on the host page when that page allows no frame of the quiz's origin (remote-quiz.ts).
import "./zod-jitless";
import { decodeFile, MAX_FILE_BYTES, MAX_SOURCE_BYTES, parseQuizText } from "../engine/parse";
import { formatProblem } from "../engine/problem";
import type { Quiz } from "../engine/schema";
import { validateQuiz } from "../engine/validate";
import type { FetchBytes } from "./remote-quiz";

export type RemoteQuiz =
  | { ok: true; quiz: Quiz }
  /** `tooSlow`: the check was stopped at its time limit, which is all `problems` says. */
  | { ok: false; problems: string[]; tooSlow?: boolean };

/** Fetches the quiz at `url` (through `fetchBytes`) and the sources it names, and validates it. */
export async function checkRemoteQuiz(url: URL, fetchBytes: FetchBytes): Promise<RemoteQuiz> {
  let bytes: Uint8Array;
  try {
    bytes = await fetchBytes(url, MAX_FILE_BYTES);
  } catch (error) {
    const why =
      error instanceof Error && error.message.startsWith(url.href)
        ? error.message
        : `${url.href}: could not be loaded (offline, or the server does not allow this page to read it)`;
    return { ok: false, problems: [why] };
  }
  return validateRemoteQuiz(bytes, url, fetchBytes);
}

const SOURCE_FILE = /^[\w.-]+\.txt$/;

async function validateRemoteQuiz(
  bytes: Uint8Array,
  url: URL,
  fetchBytes: FetchBytes,
): Promise<RemoteQuiz> {
  const fileName = fileNameOf(url);
  const decoded = decodeFile(bytes, MAX_FILE_BYTES);
  if (!decoded.ok) {
    const at = { file: fileName, line: 1, col: 1, pointer: "" };
    return { ok: false, problems: [formatProblem({ ...at, ...decoded })] };
  }
  const text = decoded.text;
  // The source documents sit beside the quiz; fetch the ones it names before validating.
  const parsed = parseQuizText(text, fileName);
  const named = parsed.ok ? sourceFiles(parsed.value) : [];
  const sources = new Map<string, string>();
  const unreadable: string[] = [];
  await Promise.all(
    named.map(async (file) => {
      try {
        const source = decodeFile(
          await fetchBytes(new URL(file, url), MAX_SOURCE_BYTES),
          MAX_SOURCE_BYTES,
        );
        if (source.ok) sources.set(file, source.text);
        else unreadable.push(`${file}: ${source.message}`);
      } catch {
        // Reported by the validator as source-missing, with its position.
      }
    }),
  );
  const validation = validateQuiz(text, { fileName, loadSource: (file) => sources.get(file) });
  return validation.ok
    ? { ok: true, quiz: validation.quiz }
    : { ok: false, problems: [...validation.problems.map(formatProblem), ...unreadable] };
}

/**
 * The quiz file's name as the trainer wrote it, for file:line:col. An escape that is not
 * UTF-8 (`caf%E9.yaml`) cannot be decoded: the name is then shown as it is in the URL.
 */
function fileNameOf(url: URL): string {
  const name = url.pathname.split("/").pop() || "quiz.json";
  try {
    return decodeURIComponent(name);
  } catch {
    return name;
  }
}

function sourceFiles(value: unknown): string[] {
  const sources = (value as { sources?: unknown } | null)?.sources;
  if (!Array.isArray(sources)) return [];
  return sources.flatMap((s) => {
    const file = (s as { file?: unknown } | null)?.file;
    return typeof file === "string" && SOURCE_FILE.test(file) ? [file] : [];
  });
}
