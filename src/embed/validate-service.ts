// The worker's side of checking a trainer's quiz: the element sends the quiz's address
// over a MessagePort; every file is fetched by the element, on the host page (so the host
// page's own connect-src and the trainer's CORS settings decide, as they always did), and
// only the parsing and validation run here, off the host page's main thread.
import { checkRemoteQuiz, type RemoteQuiz } from "./validate-remote";

/** From the element to the worker. */
export type ToWorker =
  | { type: "check"; url: string }
  | { type: "fetched"; id: number; bytes: Uint8Array }
  | { type: "fetch-failed"; id: number; message: string };

/** From the worker to the element: first "ready", then any number of "fetch", then "done". */
export type FromWorker =
  | { type: "ready" }
  | { type: "fetch"; id: number; url: string; limit: number }
  | { type: "done"; result: RemoteQuiz };

/** Answers checks sent over `port`, asking the other side for each file. */
export function serveChecks(port: MessagePort): void {
  const waiting = new Map<
    number,
    { done: (bytes: Uint8Array) => void; fail: (e: Error) => void }
  >();
  let nextId = 0;
  const send = (message: FromWorker) => port.postMessage(message);
  port.onmessage = (event: MessageEvent<ToWorker>) => {
    const message = event.data;
    if (message.type === "check") {
      const fetchBytes = (url: URL, limit: number) =>
        new Promise<Uint8Array>((done, fail) => {
          const id = nextId++;
          waiting.set(id, { done, fail });
          send({ type: "fetch", id, url: url.href, limit });
        });
      void checkRemoteQuiz(new URL(message.url), fetchBytes).then(
        (result) => send({ type: "done", result }),
        (error: unknown) =>
          send({
            type: "done",
            result: { ok: false, problems: [`${message.url}: could not be checked (${error})`] },
          }),
      );
      return;
    }
    const request = waiting.get(message.id);
    waiting.delete(message.id);
    if (message.type === "fetched") request?.done(message.bytes);
    else request?.fail(new Error(message.message));
  };
  send({ type: "ready" });
}
