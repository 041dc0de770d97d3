// What the iframe page (embed.html) tells the page around it, and only when that page
// named its own origin (`&origin=https://trainer.example`): the messages go to that
// origin alone, never "*", so no other page can read a result.
import type { Result } from "../engine/result";

export type FrameMessage =
  | { source: "coursefit"; type: "resize"; height: number }
  | { source: "coursefit"; type: "complete"; result: Result; link: string };

/** The `origin` parameter when it is exactly an http(s) origin, as a browser writes one. */
export function parentOrigin(value: string | null): string | undefined {
  if (!value) return undefined;
  try {
    const url = new URL(value);
    if (url.protocol !== "https:" && url.protocol !== "http:") return undefined;
    return url.origin === value ? value : undefined;
  } catch {
    return undefined;
  }
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
 * once an animation frame, however many changes that frame saw. Returns a function that
 * stops watching.
 */
export function watchHeight(
  root: Element,
  report: (height: number) => void,
  win: Window = window,
): () => void {
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
  return () => {
    observer.disconnect();
    if (frame !== 0) win.cancelAnimationFrame(frame);
  };
}
