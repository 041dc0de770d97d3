// The static pages through the app itself (`app.request`, no socket): headers, types,
// methods and CORS.
import { symlinkSync } from "node:fs";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { createApp } from "../../src/server/app";
import { CSP, FRAMEABLE_CSP } from "../../src/server/headers";
import { FILES, makeSite, SECRET } from "./site";

const site = makeSite();
afterAll(site.remove);
const app = createApp({ root: site.root });

function expectSecure(response: Response, policy = CSP) {
  expect(response.headers.get("content-security-policy")).toBe(policy);
  expect(response.headers.get("x-content-type-options")).toBe("nosniff");
  expect(response.headers.get("referrer-policy")).toBe("no-referrer");
  expect(response.headers.get("cache-control")).toBe("no-store");
}

describe("the static pages", () => {
  it.each([
    ["/", "text/html; charset=utf-8", FILES["index.html"]],
    ["/index.html", "text/html; charset=utf-8", FILES["index.html"]],
    ["/embed.js", "text/javascript; charset=utf-8", FILES["embed.js"]],
    ["/assets/index-x.css", "text/css; charset=utf-8", FILES["assets/index-x.css"]],
    ["/quizzes/my-quiz.json", "application/json", FILES["quizzes/my-quiz.json"]],
    ["/favicon.svg", "image/svg+xml", FILES["favicon.svg"]],
  ])("serves %s as %s under the strict policy", async (path, type, body) => {
    const response = await app.request(path);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe(type);
    expectSecure(response);
    expect(await response.text()).toBe(body);
  });

  it("lets any page frame embed.html and the quiz checker, and nothing else", async () => {
    expectSecure(await app.request("/embed.html"), FRAMEABLE_CSP);
    expectSecure(await app.request("/validate.html"), FRAMEABLE_CSP);
    expect(FRAMEABLE_CSP).toContain("frame-ancestors *");
    for (const page of ["/", "/index.html", "/builder.html"]) {
      expect((await app.request(page)).headers.get("content-security-policy")).toContain(
        "frame-ancestors 'self'",
      );
    }
  });

  it("answers HEAD with the headers and no body", async () => {
    const response = await app.request("/embed.js", { method: "HEAD" });
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("text/javascript; charset=utf-8");
    expect(response.headers.get("access-control-allow-origin")).toBe("*");
    expect(await response.text()).toBe("");
  });

  // TRACE cannot be built as a fetch Request: the socket test sends it.
  it.each(["POST", "PUT", "DELETE", "PATCH", "PROPFIND", "OPTIONS"])(
    "answers %s with 405, Allow: GET, HEAD and the security headers",
    async (method) => {
      for (const path of ["/", "/embed.js", "/nothing-here"]) {
        const response = await app.request(path, { method });
        expect(response.status, `${method} ${path}`).toBe(405);
        expect(response.headers.get("allow")).toBe("GET, HEAD");
        expect(response.headers.get("access-control-allow-origin")).toBeNull();
        expectSecure(response);
        expect(await response.text()).not.toContain(FILES["index.html"]);
      }
    },
  );

  it("shares with other origins only what a trainer's page loads, never a page", async () => {
    const shared = [
      "/embed.js",
      "/resize.js",
      "/assets/validate-remote-x.js",
      "/assets/index-x.css",
      "/quizzes/my-quiz.json",
      "/quizzes/my-quiz.yaml",
      "/quizzes/source.txt",
    ];
    const own = ["/", "/index.html", "/embed.html", "/builder.html", "/early-start.js"];
    for (const path of shared) {
      expect((await app.request(path)).headers.get("access-control-allow-origin"), path).toBe("*");
    }
    for (const path of own) {
      const response = await app.request(path);
      expect(response.status, path).toBe(200);
      expect(response.headers.get("access-control-allow-origin"), path).toBeNull();
    }
  });

  it("answers 404, 403 and 400 with the security headers", async () => {
    const missing = await app.request("/no-such-file.js");
    expect(missing.status).toBe(404);
    expectSecure(missing);
    const directory = await app.request("/assets");
    expect(directory.status).toBe(404);
    const escaped = await app.request("/..%2fdist-secret/secret.txt");
    expect(escaped.status).toBe(403);
    expectSecure(escaped);
    const broken = await app.request("/%ff");
    expect(broken.status).toBe(400);
    expectSecure(broken);
  });

  it("never follows a symbolic link out of the folder", async () => {
    symlinkSync(site.secretFile, join(site.root, "link.txt"));
    const response = await app.request("/link.txt");
    expect(response.status).toBe(403);
    expect(await response.text()).not.toContain(SECRET);
  });

  it("lets a host page set its own policy", async () => {
    const host = createApp({
      root: site.root,
      headers: { "Content-Security-Policy": "default-src 'none'" },
    });
    const response = await host.request("/");
    expect(response.headers.get("content-security-policy")).toBe("default-src 'none'");
    expect(response.headers.get("x-content-type-options")).toBe("nosniff");
  });
});
