// @vitest-environment jsdom
// The iframe page's side: it talks only to a parent that named an exact http(s) origin,
// and reports its height once per animation frame, only when it changed.
import { afterEach, describe, expect, it, vi } from "vitest";
import { parentOrigin, parentPoster, watchHeight } from "../../src/embed/frame-messages";

describe("parentOrigin", () => {
  it.each(["https://trainer.example", "http://127.0.0.1:4173", "https://xn--bcher-kva.example"])(
    "accepts an exact origin: %s",
    (origin) => {
      expect(parentOrigin(origin)).toBe(origin);
    },
  );

  it.each([
    null,
    "",
    "*",
    "null",
    "trainer.example",
    "https://trainer.example/",
    "https://trainer.example/course",
    "https://trainer.example?x",
    "https://user@trainer.example",
    "HTTPS://trainer.example",
    "https://Trainer.example",
    "https://trainer.example:443",
    " https://trainer.example",
    "javascript:alert(1)",
    "data:text/html,x",
    "file:///etc",
    "ftp://trainer.example",
  ])("refuses %j", (value) => {
    expect(parentOrigin(value)).toBeUndefined();
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
    const stop = watchHeight(root, (h) => reports.push(h), win);
    const change = (next: number) => {
      height = next;
      observed?.();
    };
    for (const h of heights) change(h);
    return { reports, change, stop };
  }

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
