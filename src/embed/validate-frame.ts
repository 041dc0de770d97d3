// validate.html: a hidden frame that the element puts on a trainer's page to check a
// trainer's quiz in a Web Worker. A page may only start a worker from its own origin,
// and the element runs on the trainer's page while its code comes from the quiz's
// origin; this frame is on the quiz's origin, so it can. It only passes the element's
// MessagePort on: the worker and the element then talk directly.
const worker = new Worker(new URL("./validate-worker.ts", import.meta.url), { type: "module" });

addEventListener("message", (event: MessageEvent) => {
  const data = event.data as { source?: unknown; type?: unknown } | null;
  if (event.source !== parent || data?.source !== "coursefit" || data.type !== "validate") return;
  const port = event.ports[0];
  if (port) worker.postMessage(null, [port]);
});
