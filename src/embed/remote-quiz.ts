// A trainer's own quiz, from a URL: fetched by the element, then parsed and validated in a
// Web Worker, so that no quiz file, however hostile, holds up the host page.
//
// Why a worker inside a hidden frame: the element runs on the trainer's page, but its code
// comes from the quiz's origin, and a browser starts a worker only from the page's own
// origin. A `blob:` worker would be the page's, but many careful pages forbid `blob:` in
// their policy (the test host does); slicing the validator into short tasks would mean
// rewriting every check and still leave one long task to parse the file. So validate.html,
// on the quiz's origin, starts the worker, and the element talks to it over a MessagePort.
// Measured in Chromium on the validator's worst cases: no long task over 50 ms on the host
// page (tests/e2e/embed-worker.test.ts); on the main thread the same check was one task
// of over a second.
//
// A host page whose policy forbids framing the quiz's origin (frame-src) gets the check on
// its main thread, as before, with a console note saying what to allow: the trainer chose
// the quiz, and showing it late beats not showing it.

import type { RemoteQuiz } from "./validate-remote";
import type { FromWorker, ToWorker } from "./validate-service";

export type { RemoteQuiz };

/**
 * A file's bytes, read only up to `limit` + 1, so that a huge file is refused by its size
 * (before it is decoded) without being downloaded whole.
 */
export type FetchBytes = (url: URL, limit: number) => Promise<Uint8Array>;

/** How long the worker may work without a word before the check is stopped. */
export const CHECK_LIMIT_MS = 10_000;
/** How long validate.html may take to start its worker once it has loaded. */
const READY_LIMIT_MS = 10_000;
const FRAME_DIRECTIVES = new Set(["frame-src", "child-src", "default-src"]);

/**
 * fetchBytes, saying so when the page's own Content-Security-Policy refused the request: a
 * refused fetch fails just like one the server refused (CORS) or the network lost, and only
 * the policy's violation report tells them apart, so it is listened for meanwhile.
 */
const fetchBytes: FetchBytes = async (from, limit) => {
  const policy = watchPolicy(from);
  try {
    return await fetchAll(from, limit);
  } catch (error) {
    const refused = await policy.refused();
    if (!refused) throw error;
    throw new Error(
      `${from.href}: this page's Content-Security-Policy does not let it load files from ${from.origin} (${refused}); the page you embed the quiz in has its own policy`,
    );
  } finally {
    policy.stop();
  }
};

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

const fetchAll: FetchBytes = async (from, limit) => {
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

/** Where the checker frame comes from (validate.html beside embed.js) and where it is put. */
export type Checker = { page: URL; within: ParentNode };

export async function loadRemoteQuiz(url: URL, checker: Checker): Promise<RemoteQuiz> {
  const checked = await checkInFrame(url, checker);
  if (checked) return checked;
  console.warn(
    `coursefit: ${url.href} is checked on this page's main thread, which a large quiz can hold up: this page does not let ${checker.page.href} load in a frame (allow frame-src ${checker.page.origin} in its Content-Security-Policy).`,
  );
  const { checkRemoteQuiz } = await import("./validate-remote");
  return checkRemoteQuiz(url, fetchBytes);
}

/** The check in validate.html's worker; undefined when the frame cannot be used. */
function checkInFrame(url: URL, { page, within }: Checker): Promise<RemoteQuiz | undefined> {
  return new Promise((resolve) => {
    const frame = document.createElement("iframe");
    frame.hidden = true;
    frame.title = "Quiz checker";
    const channel = new MessageChannel();
    // The host page's policy refused the frame (frame-src, or what it falls back on).
    const refused = (event: SecurityPolicyViolationEvent) => {
      if (
        FRAME_DIRECTIVES.has(event.effectiveDirective) &&
        event.blockedURI.startsWith(page.origin)
      )
        finish(undefined);
    };
    let starting: ReturnType<typeof setTimeout> | undefined;
    const finish = (result: RemoteQuiz | undefined) => {
      clearTimeout(starting);
      document.removeEventListener("securitypolicyviolation", refused);
      channel.port1.close();
      // Removing the frame ends its worker, mid-check or not.
      frame.remove();
      resolve(result);
    };
    document.addEventListener("securitypolicyviolation", refused);
    frame.addEventListener("load", () => {
      frame.contentWindow?.postMessage({ source: "coursefit", type: "validate" }, page.origin, [
        channel.port2,
      ]);
      starting = setTimeout(() => finish(undefined), READY_LIMIT_MS);
    });
    void askWorker(channel.port1, url, fetchBytes, CHECK_LIMIT_MS, () =>
      clearTimeout(starting),
    ).then(finish);
    frame.src = page.href;
    within.append(frame);
  });
}

/**
 * Asks the worker on the other end of `port` to check the quiz at `url`, fetching the files
 * it asks for. The check is stopped when the worker is silent for `limitMs` (time spent
 * fetching is not counted); `onReady` is called once the worker has answered.
 */
export function askWorker(
  port: MessagePort,
  url: URL,
  fetch: FetchBytes,
  limitMs: number,
  onReady: () => void = () => {},
): Promise<RemoteQuiz> {
  return new Promise((resolve) => {
    let silence: ReturnType<typeof setTimeout> | undefined;
    let fetching = 0;
    const stop = () => {
      port.onmessage = null;
      resolve({
        ok: false,
        tooSlow: true,
        problems: [
          `${url.href}: checking this quiz took longer than ${limitMs / 1000} s, so it was stopped`,
        ],
      });
    };
    const send = (message: ToWorker, transfer: Transferable[] = []) => {
      port.postMessage(message, transfer);
      clearTimeout(silence);
      if (fetching === 0) silence = setTimeout(stop, limitMs);
    };
    port.onmessage = (event: MessageEvent<FromWorker>) => {
      clearTimeout(silence);
      const message = event.data;
      if (message.type === "ready") {
        onReady();
        send({ type: "check", url: url.href });
      } else if (message.type === "fetch") {
        fetching++;
        const answer = (reply: ToWorker, transfer?: Transferable[]) => {
          fetching--;
          send(reply, transfer);
        };
        fetch(new URL(message.url), message.limit).then(
          (bytes) => answer({ type: "fetched", id: message.id, bytes }, [bytes.buffer]),
          (error: unknown) =>
            answer({
              type: "fetch-failed",
              id: message.id,
              message: error instanceof Error ? error.message : String(error),
            }),
        );
      } else {
        port.onmessage = null;
        resolve(message.result);
      }
    };
  });
}
