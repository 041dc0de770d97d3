// The Web Worker that checks a trainer's quiz; validate.html starts it and hands it the
// element's MessagePort.
import { serveChecks } from "./validate-service";

self.onmessage = (event: MessageEvent) => {
  const port = event.ports[0];
  if (port) serveChecks(port);
};
