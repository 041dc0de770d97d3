// The element and the worker that checks a trainer's quiz, talking over a real
// MessageChannel: every file is fetched by the element's side, and a worker that stays
// silent past the time limit gets the check stopped.
import { readFileSync } from "node:fs";
import { afterEach, describe, expect, it } from "vitest";
import { askWorker, type FetchBytes } from "../../src/embed/remote-quiz";
import { serveChecks } from "../../src/embed/validate-service";

const FILES: Record<string, string> = {
  "https://trainer.example/q/my-quiz.yaml": "valid/minimal.yaml",
  "https://trainer.example/q/broken.yaml": "invalid/quote-not-verbatim.yaml",
  "https://trainer.example/q/source.txt": "valid/source.txt",
};

function files(delayMs = 0) {
  const asked: string[] = [];
  const fetchBytes: FetchBytes = async (url) => {
    asked.push(url.href);
    await new Promise((done) => setTimeout(done, delayMs));
    const fixture = FILES[url.href];
    if (!fixture) throw new Error(`${url.href}: the server answered 404`);
    // A copy of its own: a Node Buffer may share its memory, which cannot be transferred.
    return new Uint8Array(readFileSync(`tests/fixtures/${fixture}`));
  };
  return { asked, fetchBytes };
}

const channels: MessageChannel[] = [];
function worker(): MessagePort {
  const channel = new MessageChannel();
  channels.push(channel);
  serveChecks(channel.port2);
  return channel.port1;
}
afterEach(() => {
  for (const c of channels.splice(0)) {
    c.port1.close();
    c.port2.close();
  }
});

describe("checking a trainer's quiz in a worker", () => {
  it("gives the validated quiz, its source fetched by the element's side", async () => {
    const { asked, fetchBytes } = files();
    const url = new URL("https://trainer.example/q/my-quiz.yaml");
    const checked = await askWorker(worker(), url, fetchBytes, 5_000);
    expect(checked.ok && checked.quiz.id).toBe("mini");
    expect(asked).toEqual([url.href, "https://trainer.example/q/source.txt"]);
  });

  it("gives the problems of an invalid quiz with file:line:col", async () => {
    const url = new URL("https://trainer.example/q/broken.yaml");
    const checked = await askWorker(worker(), url, files().fetchBytes, 5_000);
    expect(checked).toEqual({
      ok: false,
      problems: [
        expect.stringMatching(/^broken\.yaml:18:11 \/passages\/0\/text quote-not-verbatim /),
      ],
    });
  });

  it("passes on the element's fetch error", async () => {
    const url = new URL("https://trainer.example/q/none.yaml");
    const checked = await askWorker(worker(), url, files().fetchBytes, 5_000);
    expect(checked).toEqual({ ok: false, problems: [`${url.href}: the server answered 404`] });
  });

  it("does not count time spent fetching against the limit", async () => {
    const url = new URL("https://trainer.example/q/my-quiz.yaml");
    const checked = await askWorker(worker(), url, files(300).fetchBytes, 200);
    expect(checked.ok).toBe(true);
  });

  it("stops a check when the worker is silent past the limit", async () => {
    const channel = new MessageChannel();
    channels.push(channel);
    // A worker that says it is ready, then never answers.
    channel.port2.postMessage({ type: "ready" });
    const url = new URL("https://trainer.example/q/my-quiz.yaml");
    const started = performance.now();
    const checked = await askWorker(channel.port1, url, files().fetchBytes, 100);
    expect(performance.now() - started).toBeGreaterThanOrEqual(95);
    expect(checked).toEqual({
      ok: false,
      tooSlow: true,
      problems: [`${url.href}: checking this quiz took longer than 0.1 s, so it was stopped`],
    });
  });
});
