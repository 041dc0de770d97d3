// The edge that listens: the app on a socket, through @hono/node-server. A request that
// cannot even be read as a request (a request line such as `GET http://[`, a broken
// header) gets a 400 with the same security headers as any other answer, and the server
// goes on serving.
import { createServer, type Server } from "node:http";
import type { Socket } from "node:net";
import { getRequestListener, RequestError } from "@hono/node-server";
import type { Hono } from "hono";
import { plainResponse, SECURITY_HEADERS } from "./headers";

export type Listening = { server: Server; url: string; close: () => Promise<void> };

export function listen(
  app: Hono,
  { port = 4173, hostname = "127.0.0.1" }: { port?: number; hostname?: string } = {},
): Promise<Listening> {
  const server = createServer(
    getRequestListener(app.fetch, {
      errorHandler: (error) =>
        error instanceof RequestError
          ? plainResponse(400, "bad request")
          : plainResponse(500, "internal error"),
    }),
  );
  server.on("clientError", answerClientError);
  return new Promise((done, fail) => {
    server.once("error", fail);
    server.listen(port, hostname, () => {
      server.off("error", fail);
      const address = server.address();
      const actual = typeof address === "object" && address ? address.port : port;
      done({
        server,
        url: `http://${hostname}:${actual}/`,
        close: () =>
          new Promise((closed) => {
            server.closeAllConnections();
            server.close(() => closed());
          }),
      });
    });
  });
}

/** What Node's HTTP parser refused: answered as Node would, with our headers. */
function answerClientError(error: NodeJS.ErrnoException, socket: Socket): void {
  if (error.code === "ECONNRESET" || !socket.writable) {
    socket.destroy();
    return;
  }
  const status =
    error.code === "HPE_HEADER_OVERFLOW"
      ? "431 Request Header Fields Too Large"
      : error.code === "ERR_HTTP_REQUEST_TIMEOUT"
        ? "408 Request Timeout"
        : "400 Bad Request";
  const headers = Object.entries(SECURITY_HEADERS).map(([name, value]) => `${name}: ${value}\r\n`);
  socket.end(
    `HTTP/1.1 ${status}\r\n${headers.join("")}Content-Length: 0\r\nConnection: close\r\n\r\n`,
  );
}

/**
 * For the process that serves: an error that escaped every handler is logged in one line
 * and the server keeps serving, rather than ending for every visitor.
 */
export function keepServing(): void {
  const log = (error: unknown) => {
    const message = error instanceof Error ? error.message : String(error);
    console.error(`coursefit: internal error: ${message.split("\n")[0]}`);
  };
  process.on("uncaughtException", log);
  process.on("unhandledRejection", log);
}
