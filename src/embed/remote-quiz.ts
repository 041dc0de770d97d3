// A trainer's own quiz, from a URL: fetched, then validated in the browser by a chunk
// that is loaded only now.
import type { RemoteQuiz } from "./validate-remote";

export type { RemoteQuiz };

/**
 * A file's bytes, read only up to `limit` + 1, so that a huge file is refused by its size
 * (before it is decoded) without being downloaded whole.
 */
export type FetchBytes = (url: URL, limit: number) => Promise<Uint8Array>;

const fetchBytes: FetchBytes = async (from, limit) => {
  const response = await fetch(from, { credentials: "omit" });
  if (!response.ok) throw new Error(`${from.href}: the server answered ${response.status}`);
  const reader = response.body?.getReader();
  if (!reader) return new Uint8Array(await response.arrayBuffer());
  const chunks: Uint8Array[] = [];
  let length = 0;
  while (length <= limit) {
    const { done, value } = await reader.read();
    if (done) break;
    chunks.push(value);
    length += value.length;
  }
  await reader.cancel().catch(() => {});
  const bytes = new Uint8Array(length);
  let at = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, at);
    at += chunk.length;
  }
  return bytes;
};

export async function loadRemoteQuiz(url: URL): Promise<RemoteQuiz> {
  const { MAX_FILE_BYTES, validateRemoteQuiz } = await import("./validate-remote");
  const policy = watchPolicy(url);
  let bytes: Uint8Array;
  try {
    bytes = await fetchBytes(url, MAX_FILE_BYTES);
  } catch (error) {
    const refused = await policy.refused();
    const why = refused
      ? `${url.href}: this page's Content-Security-Policy does not let it load files from ${url.origin} (${refused}); the page you embed the quiz in has its own policy`
      : error instanceof Error && error.message.startsWith(url.href)
        ? error.message
        : `${url.href}: could not be loaded (offline, or the server does not allow this page to read it)`;
    return { ok: false, problems: [why] };
  } finally {
    policy.stop();
  }
  return validateRemoteQuiz(bytes, url, fetchBytes);
}

/**
 * A fetch refused by the page's own Content-Security-Policy fails just like one the
 * server refused (CORS) or the network lost; only the policy's violation report tells
 * them apart, so it is listened for while the file loads.
 */
function watchPolicy(url: URL) {
  let directive: string | undefined;
  const heard = (event: SecurityPolicyViolationEvent) => {
    try {
      if (new URL(event.blockedURI).origin === url.origin) directive = event.effectiveDirective;
    } catch {
      // A report about something that is not an address ("inline", "eval"): not ours.
    }
  };
  document.addEventListener("securitypolicyviolation", heard);
  return {
    /** The refusing directive, once the report (a task of its own) has had time to come. */
    refused: async () => {
      if (!directive) await new Promise((done) => setTimeout(done, 50));
      return directive;
    },
    stop: () => document.removeEventListener("securitypolicyviolation", heard),
  };
}
