// @vitest-environment jsdom
// The iframe page's side: it talks only to a parent that named an exact http(s) origin,
// and reports its height once per animation frame, only when it changed.
import { afterEach, describe, expect, it, vi } from "vitest";
import {
  onParentHello,
  parentOrigin,
  parentPoster,
  watchHeight,
} from "../../src/embed/frame-messages";

describe("parentOrigin", () => {
  it.each(["https://trainer.example", "http://127.0.0.1:4173", "https://xn--bcher-kva.example"])(
    "accepts an exact origin: %s",
    (origin) => {
      const warn = vi.fn();
      expect(parentOrigin(origin, warn)).toBe(origin);
      expect(warn).not.toHaveBeenCalled();
    },
  );

  it.each([
    ["https://trainer.example/", "https://trainer.example"],
    ["https://trainer.example/courses/csm?x=1#top", "https://trainer.example"],
    ["https://trainer.example?x", "https://trainer.example"],
    ["https://user@trainer.example", "https://trainer.example"],
    ["HTTPS://trainer.example", "https://trainer.example"],
    ["https://Trainer.example", "https://trainer.example"],
    ["https://trainer.example:443", "https://trainer.example"],
    [" https://trainer.example", "https://trainer.example"],
    ["http://127.0.0.1:4173/page.html", "http://127.0.0.1:4173"],
  ])("normalises %j to its origin, %s", (value, origin) => {
    const warn = vi.fn();
    expect(parentOrigin(value, warn)).toBe(origin);
    expect(warn).not.toHaveBeenCalled();
  });

  it.each([null, ""])("is quietly absent for %j", (value) => {
    const warn = vi.fn();
    expect(parentOrigin(value, warn)).toBeUndefined();
    expect(warn).not.toHaveBeenCalled();
  });

  it.each([
    "*",
    "null",
    "trainer.example",
    "javascript:alert(1)",
    "data:text/html,x",
    "file:///etc",
    "ftp://trainer.example",
  ])("refuses %j, and warns once", (value) => {
    const warn = vi.fn();
    expect(parentOrigin(value, warn)).toBeUndefined();
    expect(warn).toHaveBeenCalledOnce();
    expect(String(warn.mock.calls[0]?.[0])).toContain("is not a web page's origin");
  });
});

describe("onParentHello", () => {
  const ORIGIN = "https://trainer.example";
  const parent = {} as Window;
  const win = Object.assign(new EventTarget(), { parent }) as unknown as Window;
  const say = (data: unknown, origin = ORIGIN, source: unknown = parent) =>
    win.dispatchEvent(
      Object.assign(new Event("message"), { data, origin, source }) as unknown as MessageEvent,
    );

  it("answers a hello from the parent on its origin, and nothing else", () => {
    const hello = vi.fn();
    const stop = onParentHello(win, ORIGIN, hello);
    say({ source: "coursefit", type: "hello" });
    expect(hello).toHaveBeenCalledOnce();
    say({ source: "coursefit", type: "hello" }, "https://evil.example");
    say({ source: "coursefit", type: "hello" }, ORIGIN, {});
    say({ source: "coursefit", type: "resize" });
    say("hello");
    say(null);
    expect(hello).toHaveBeenCalledOnce();
    stop();
    say({ source: "coursefit", type: "hello" });
    expect(hello).toHaveBeenCalledOnce();
  });
});

describe("parentPoster", () => {
  it("posts to the parent on the named origin only, never to *", () => {
    const postMessage = vi.fn();
    const win = { parent: { postMessage } } as unknown as Window;
    const post = parentPoster(win, "https://trainer.example");
    post?.({ source: "coursefit", type: "resize", height: 10 });
    expect(postMessage).toHaveBeenCalledExactlyOnceWith(
      { source: "coursefit", type: "resize", height: 10 },
      "https://trainer.example",
    );
  });

  it("is absent without an origin, or when the page is not in a frame", () => {
    const win = { parent: { postMessage: vi.fn() } } as unknown as Window;
    expect(parentPoster(win, undefined)).toBeUndefined();
    expect(parentPoster(window, "https://trainer.example")).toBeUndefined();
  });
});

describe("watchHeight", () => {
  let observed: (() => void) | undefined;
  let frames: FrameRequestCallback[] = [];
  const disconnect = vi.fn();
  class FakeResizeObserver {
    constructor(callback: () => void) {
      observed = callback;
    }
    observe() {}
    disconnect = disconnect;
  }
  const win = {
    requestAnimationFrame: (callback: FrameRequestCallback) => frames.push(callback),
    cancelAnimationFrame: vi.fn(),
  } as unknown as Window;
  const runFrame = () => {
    const now = frames;
    frames = [];
    for (const callback of now) callback(0);
  };

  afterEach(() => {
    vi.unstubAllGlobals();
    frames = [];
  });

  function watch(heights: number[]) {
    vi.stubGlobal("ResizeObserver", FakeResizeObserver);
    const root = document.createElement("div");
    let height = 0;
    root.getBoundingClientRect = () => ({ height }) as DOMRect;
    const reports: number[] = [];
    const { stop, again } = watchHeight(root, (h) => reports.push(h), win);
    const change = (next: number) => {
      height = next;
      observed?.();
    };
    for (const h of heights) change(h);
    return { reports, change, stop, again };
  }

  it("reports the same height again when asked (a late resize.js said hello)", () => {
    const { reports, change, again } = watch([300]);
    runFrame();
    again();
    runFrame();
    expect(reports).toEqual([300, 300]);
    change(300);
    runFrame();
    expect(reports, "an unchanged height is still not repeated on its own").toEqual([300, 300]);
  });

  it("reports whole pixels, rounded up, at most once a frame and only on a change", () => {
    const { reports, change } = watch([100, 220.3, 400.5]);
    expect(frames, "three changes, one frame").toHaveLength(1);
    runFrame();
    expect(reports).toEqual([401]);
    change(400.9);
    runFrame();
    expect(reports, "the same whole height is not reported again").toEqual([401]);
    change(300);
    runFrame();
    expect(reports).toEqual([401, 300]);
  });

  it("never reports a zero height, and stops when asked", () => {
    const { reports, change, stop } = watch([0]);
    runFrame();
    expect(reports).toEqual([]);
    change(50);
    stop();
    expect(disconnect).toHaveBeenCalled();
    expect(win.cancelAnimationFrame).toHaveBeenCalled();
  });
});
