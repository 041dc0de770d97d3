// The `collect`, `trainer` and `cohort` options of the element (attributes) and the iframe
// (URL parameters) -> where results may be sent, or nothing. Without `collect` nothing is
// ever sent. `collect` with no value means the coursefit server the quiz came from.
import type { Collect } from "../ui/collect";

/** Said when a page does not name its trainer. */
const SOME_TRAINER = "the course's trainer";

export function collectOption(
  options: { collect: string | null; trainer: string | null; cohort: string | null },
  quizServer: string,
): Collect | undefined {
  if (options.collect === null) return undefined;
  let endpoint: URL;
  try {
    endpoint = new URL(options.collect.trim() || quizServer);
  } catch {
    console.warn(`coursefit: collect="${options.collect}" is not an address; nothing will be sent`);
    return undefined;
  }
  if (endpoint.protocol !== "https:" && endpoint.protocol !== "http:") {
    console.warn(`coursefit: collect must be an http(s) address; nothing will be sent`);
    return undefined;
  }
  const trainer = options.trainer?.trim() || SOME_TRAINER;
  const cohort = options.cohort?.trim();
  return { endpoint: `${endpoint.origin}/`, trainer, ...(cohort ? { cohort } : {}) };
}
