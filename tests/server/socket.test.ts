// The real server process (`scripts/serve.ts`), spoken to over raw sockets as an attacker
// would: requests that no fetch() would send, each followed by a check that the server
// is still there.
import { type ChildProcess, spawn } from "node:child_process";
import { connect } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { makeSite, SECRET } from "./site";

const site = makeSite();
let server: ChildProcess;
let port = 0;
let stderr = "";

beforeAll(async () => {
  server = spawn(process.execPath, ["--import", "tsx", "scripts/serve.ts", site.root], {
    env: { ...process.env, PORT: "0" },
    stdio: ["ignore", "pipe", "pipe"],
  });
  server.stderr?.on("data", (chunk) => {
    stderr += chunk;
  });
  port = await new Promise<number>((done, fail) => {
    let out = "";
    server.stdout?.on("data", (chunk) => {
      out += chunk;
      const match = /http:\/\/127\.0\.0\.1:(\d+)\//.exec(out);
      if (match) done(Number(match[1]));
    });
    server.once("exit", (code) => fail(new Error(`the server exited (${code}): ${stderr}`)));
  });
}, 60_000);

afterAll(() => {
  server?.kill();
  site.remove();
});

/** Sends `request` as bytes and returns everything the server answered. */
function raw(request: string): Promise<string> {
  return new Promise((done, fail) => {
    const socket = connect(port, "127.0.0.1");
    let answer = "";
    socket.setEncoding("latin1");
    socket.on("data", (chunk) => {
      answer += chunk;
    });
    socket.on("end", () => done(answer));
    socket.on("error", fail);
    socket.setTimeout(5_000, () => {
      socket.destroy();
      done(answer);
    });
    // Written, not ended: a client that half-closes at once has given up on the answer.
    socket.write(Buffer.from(request, "latin1"));
  });
}

const get = (target: string) =>
  raw(`GET ${target} HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n`);

function status(answer: string): number {
  return Number(/^HTTP\/1\.1 (\d{3})/.exec(answer)?.[1] ?? 0);
}

async function expectStillServing() {
  const answer = await get("/");
  expect(status(answer), `the server stopped answering; its stderr: ${stderr}`).toBe(200);
}

describe("the server over raw sockets", () => {
  it.each(["/%", "/%ff", "/%C0%AF", "/%E0%A4%A", "/%00", "http://[", "http://[/%ff"])(
    "answers GET %s with 400 and the security headers, and keeps serving",
    async (target) => {
      const answer = await get(target);
      expect(status(answer), answer).toBe(400);
      expect(answer).toMatch(/^content-security-policy: default-src 'self'/im);
      expect(answer).toMatch(/^x-content-type-options: nosniff/im);
      await expectStillServing();
    },
  );

  it("answers a request line that is not HTTP with 400, and keeps serving", async () => {
    const answer = await raw("GET / HTTP/1.1\r\nHost: 127.0.0.1\r\nBad Header\r\n\r\n");
    expect(status(answer)).toBe(400);
    expect(answer).toMatch(/^referrer-policy: no-referrer/im);
    await expectStillServing();
  });

  it("answers TRACE with 405 and Allow: GET, HEAD", async () => {
    const answer = await raw("TRACE / HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n");
    expect(status(answer)).toBe(405);
    expect(answer).toMatch(/^allow: GET, HEAD/im);
  });

  it("survives a path too long for the file system", async () => {
    const answer = await get(`/${"a".repeat(5_000)}.js`);
    expect(status(answer)).toBe(404);
    await expectStillServing();
  });

  // 40 ways to spell "the folder beside dist/": dots and separators, raw, encoded,
  // mixed in case, doubly encoded, over-long UTF-8, backslashes, absolute paths.
  const dots = ["..", "%2e%2e", "%2E%2E", ".%2e", "%2e.", "%252e%252e", "%c0%ae%c0%ae", "..%00"];
  const separators = ["/", "%2f", "%2F", "%5c", "\\"];
  const traversals = dots.flatMap((dot, i) =>
    separators.map((sep, j) =>
      (i + j) % 2 === 0
        ? `/${dot}${sep}dist-secret${sep}secret.txt`
        : `/assets/${dot}${sep}${dot}${sep}dist-secret/secret.txt`,
    ),
  );
  traversals.splice(
    35,
    5,
    ...[
      `/${encodeURIComponent(site.secretFile)}`,
      `//${site.secretFile}`,
      `/%2f..%2f..%2f..%2f..%2f..%2f..%2f..%2f${site.secretFile.slice(1)}`,
      `/.%2e/.%2e/dist-secret/secret.txt`,
      `/./../dist-secret/secret.txt`,
    ],
  );

  it("tries 40 encodings of traversal and never serves the sibling folder", async () => {
    expect(new Set(traversals).size).toBe(40);
    for (const target of traversals) {
      const answer = await get(target);
      expect(answer, target).not.toContain(SECRET);
      expect([400, 403, 404], `${target}: ${answer.split("\r\n")[0]}`).toContain(status(answer));
    }
    await expectStillServing();
  });
});
