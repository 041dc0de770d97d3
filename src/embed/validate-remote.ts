// Loaded only when a trainer's own quiz is embedded: the validator, the YAML parser and
// zod stay out of what the built-in quiz ships.
import "./zod-jitless";
import { parseQuizText } from "../engine/parse";
import { formatProblem } from "../engine/problem";
import type { Quiz } from "../engine/schema";
import { validateQuiz } from "../engine/validate";

export type RemoteQuiz = { ok: true; quiz: Quiz } | { ok: false; problems: string[] };

const SOURCE_FILE = /^[\w.-]+\.txt$/;

export async function validateRemoteQuiz(
  text: string,
  url: URL,
  fetchText: (url: URL) => Promise<string>,
): Promise<RemoteQuiz> {
  const fileName = decodeURIComponent(url.pathname.split("/").pop() || "quiz.json");
  // The source documents sit beside the quiz; fetch the ones it names before validating.
  const parsed = parseQuizText(text, fileName);
  const named = parsed.ok ? sourceFiles(parsed.value) : [];
  const sources = new Map<string, string>();
  await Promise.all(
    named.map(async (file) => {
      try {
        sources.set(file, await fetchText(new URL(file, url)));
      } catch {
        // Reported by the validator as source-missing, with its position.
      }
    }),
  );
  const validation = validateQuiz(text, { fileName, loadSource: (file) => sources.get(file) });
  return validation.ok
    ? { ok: true, quiz: validation.quiz }
    : { ok: false, problems: validation.problems.map(formatProblem) };
}

function sourceFiles(value: unknown): string[] {
  const sources = (value as { sources?: unknown } | null)?.sources;
  if (!Array.isArray(sources)) return [];
  return sources.flatMap((s) => {
    const file = (s as { file?: unknown } | null)?.file;
    return typeof file === "string" && SOURCE_FILE.test(file) ? [file] : [];
  });
}
