// What the iframe page (embed.html) tells the page around it, and only when that page
// named its own origin (`&origin=https://trainer.example`): the messages go to that
// origin alone, never "*", so no other page can read a result.
import type { Result } from "../engine/result";

export type FrameMessage =
  | { source: "coursefit"; type: "resize"; height: number }
  | { source: "coursefit"; type: "complete"; result: Result; link: string };

/**
 * The `origin` parameter as an http(s) origin: an address with a trailing slash or a path
 * is taken for its origin (`https://trainer.example/courses/` -> `https://trainer.example`).
 * Anything else posts nothing, and is `warn`ed about once, so a trainer sees why.
 */
export function parentOrigin(
  value: string | null,
  warn: (message: string) => void = console.warn,
): string | undefined {
  if (!value) return undefined;
  try {
    const url = new URL(value);
    if (url.protocol === "https:" || url.protocol === "http:") return url.origin;
  } catch {
    // Not an address at all: said below.
  }
  warn(
    `coursefit: origin=${JSON.stringify(value.slice(0, 200))} is not a web page's origin (like https://trainer.example), so this quiz tells the page around it nothing.`,
  );
  return undefined;
}

/**
 * Calls `onHello` when the parent page (on `origin`, from the parent's own window) says
 * hello: resize.js does when it starts, which may be after the frame first told its height.
 */
export function onParentHello(win: Window, origin: string, onHello: () => void): () => void {
  const listener = (event: MessageEvent) => {
    if (event.origin !== origin || event.source !== win.parent) return;
    const data: unknown = event.data;
    if (typeof data === "object" && data !== null && "source" in data && "type" in data)
      if (data.source === "coursefit" && data.type === "hello") onHello();
  };
  win.addEventListener("message", listener);
  return () => win.removeEventListener("message", listener);
}

/** Posts to the parent window, only on that origin; undefined when there is no one to tell. */
export function parentPoster(
  win: Window,
  origin: string | undefined,
): ((message: FrameMessage) => void) | undefined {
  if (!origin || win.parent === win) return undefined;
  return (message) => win.parent.postMessage(message, origin);
}

/**
 * Calls `report` with the element's height in whole pixels whenever it changes: at most
 * once an animation frame, however many changes that frame saw. Returns `stop`, and
 * `again`, which reports the height once more even if it did not change.
 */
export function watchHeight(
  root: Element,
  report: (height: number) => void,
  win: Window = window,
): { stop: () => void; again: () => void } {
  let frame = 0;
  let last = -1;
  const measure = () => {
    frame = 0;
    // The element's own box, not scrollHeight: that is never less than the viewport, so a
    // frame made tall once could never shrink again.
    const height = Math.ceil(root.getBoundingClientRect().height);
    if (height > 0 && height !== last) {
      last = height;
      report(height);
    }
  };
  const observer = new ResizeObserver(() => {
    if (frame === 0) frame = win.requestAnimationFrame(measure);
  });
  observer.observe(root);
  return {
    stop: () => {
      observer.disconnect();
      if (frame !== 0) win.cancelAnimationFrame(frame);
    },
    again: () => {
      last = -1;
      if (frame === 0) frame = win.requestAnimationFrame(measure);
    },
  };
}
