// What resize.js accepts from a coursefit iframe, decided without touching the page: the
// message must come from the quiz's origin (where resize.js itself was loaded from), from
// the window of an iframe on this page whose address is on that origin, and carry exactly
// the fields of a coursefit message. A postMessage is untrusted input: anything else (an
// ad's iframe on the same page, say) is refused, cheaply and without throwing.

/** Heights outside this range are clamped: no frame shrinks to nothing or grows without end. */
export const MIN_HEIGHT = 100;
export const MAX_HEIGHT = 20_000;
/** A result link is a page address plus a short token; anything longer is not ours. */
const MAX_LINK = 4096;

export type Accepted =
  | { iframe: HTMLIFrameElement; type: "resize"; height: number }
  | { iframe: HTMLIFrameElement; type: "complete"; result: Record<string, unknown>; link: string };

/** The parts of a MessageEvent that are looked at. */
export type MessageLike = Pick<MessageEvent, "data" | "origin" | "source">;

/** Fields each message type must have, and nothing else. */
const FIELDS = {
  resize: ["source", "type", "height"],
  complete: ["source", "type", "result", "link"],
} as const;

/**
 * `pageOrigin` is this page's own origin: a frame whose snippet names this page (`page=`)
 * links results back to it.
 */
export function acceptMessage(
  event: MessageLike,
  iframes: Iterable<HTMLIFrameElement>,
  quizOrigin: string,
  pageOrigin?: string,
): Accepted | null {
  try {
    const { data, origin, source } = event;
    if (origin !== quizOrigin || !isWebOrigin(origin) || source === null) return null;
    if (!isPlainObject(data) || data.source !== "coursefit") return null;
    const type = data.type;
    if (type !== "resize" && type !== "complete") return null;
    // The sender before the payload's keys: counting those is the one step that grows with
    // the payload, and only an iframe's own window may make us take it.
    const iframe = frameFor(iframes, source, origin);
    if (!iframe || !hasExactly(data, FIELDS[type])) return null;
    if (type === "resize") {
      const height = data.height;
      if (typeof height !== "number" || !Number.isFinite(height)) return null;
      if (height <= 0) return null;
      return {
        iframe,
        type,
        height: Math.min(MAX_HEIGHT, Math.max(MIN_HEIGHT, Math.ceil(height))),
      };
    }
    const { result, link } = data;
    if (!isPlainObject(result) || typeof link !== "string" || link.length > MAX_LINK) return null;
    // The link reopens the result on the quiz's own site or on this page's, never elsewhere.
    const linkOrigin = originOf(link);
    if (linkOrigin !== origin && (pageOrigin === undefined || linkOrigin !== pageOrigin))
      return null;
    return { iframe, type, result, link };
  } catch {
    // A getter or proxy on a hand-made event: refused like any other bad message.
    return null;
  }
}

/** The iframe whose window sent the message and whose address is on the sender's origin. */
function frameFor(
  iframes: Iterable<HTMLIFrameElement>,
  source: MessageEventSource,
  origin: string,
): HTMLIFrameElement | undefined {
  for (const iframe of iframes) {
    if (iframe.contentWindow !== source) continue;
    return originOf(iframe.src) === origin ? iframe : undefined;
  }
  return undefined;
}

/**
 * The quiz's origin, from the address resize.js was loaded from (`document.currentScript`,
 * read while the script first runs); undefined when that cannot be told (an inline or
 * module script).
 */
export function scriptOrigin(script: object | null | undefined): string | undefined {
  // A classic script's `src` property is its absolute address; an inline one's is "" (an
  // SVG script's is an object).
  return script && "src" in script && typeof script.src === "string"
    ? originOf(script.src)
    : undefined;
}

/** An http(s) origin, as a browser writes it; never "null" (data:, sandboxed, file:). */
function isWebOrigin(origin: string): boolean {
  return origin.length <= 300 && originOf(origin) === origin;
}

function originOf(address: string): string | undefined {
  try {
    const url = new URL(address);
    return url.protocol === "https:" || url.protocol === "http:" ? url.origin : undefined;
  } catch {
    return undefined;
  }
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (typeof value !== "object" || value === null || Array.isArray(value)) return false;
  const prototype = Object.getPrototypeOf(value);
  return prototype === Object.prototype || prototype === null;
}

/**
 * The object's own keys are exactly `fields`, stopping at the first key that is not one.
 * (The engine lists an object's keys before the loop starts: linear in their number, but
 * far less work than the browser did to copy them into the message.)
 */
function hasExactly(data: Record<string, unknown>, fields: readonly string[]): boolean {
  let count = 0;
  for (const key in data) {
    if (!Object.hasOwn(data, key) || !fields.includes(key)) return false;
    if (++count > fields.length) return false;
  }
  return count === fields.length;
}

/** Marks a window whose resizer is installed, so a script included twice acts once. */
const INSTALLED = Symbol.for("coursefit.resize");

/** Asks a quiz frame to tell its height again (it may have spoken before we listened). */
export const HELLO = { source: "coursefit", type: "hello" } as const;

/**
 * Listens for coursefit messages from frames on `quizOrigin`: a resize sets the sending
 * iframe's height (no scroll bar of its own, so no double scroll bars); a completion is
 * announced as a bubbling `coursefit-complete` event on the iframe, its detail the result
 * with its link. Then says hello to the quiz frames already on the page, so that they
 * report their heights even if they did so before this script ran. Without a quiz origin
 * it listens to nothing and says so once in the console. Returns a function that stops
 * listening.
 */
export function installResizer(win: Window, quizOrigin: string | undefined): () => void {
  const marked = win as Window & { [INSTALLED]?: boolean };
  if (marked[INSTALLED]) return () => {};
  if (quizOrigin === undefined) {
    console.warn(
      "coursefit resize.js: load it with <script src=\"https://<the quiz's site>/resize.js\"> (a classic script), so that it knows which frames are the quiz's; it does nothing now.",
    );
    return () => {};
  }
  marked[INSTALLED] = true;
  const frames = () => win.document.getElementsByTagName("iframe");
  const listener = (event: MessageEvent) => {
    try {
      const accepted = acceptMessage(event, frames(), quizOrigin, win.location.origin);
      if (!accepted) return;
      if (accepted.type === "resize") {
        fitHeight(win, accepted.iframe, accepted.height);
        return;
      }
      const detail = { ...accepted.result, link: accepted.link };
      accepted.iframe.dispatchEvent(
        new CustomEvent("coursefit-complete", { bubbles: true, composed: true, detail }),
      );
    } catch {
      // Nothing a message does may break the trainer's page.
    }
  };
  win.addEventListener("message", listener);
  // In the page's head, resize.js runs before the frames are parsed: hand the link on once they are.
  if (win.document.readyState === "loading")
    win.document.addEventListener(
      "DOMContentLoaded",
      () => openResultLink(win, frames(), quizOrigin),
      {
        once: true,
      },
    );
  else openResultLink(win, frames(), quizOrigin);
  try {
    for (const iframe of frames())
      if (originOf(iframe.src) === quizOrigin) iframe.contentWindow?.postMessage(HELLO, quizOrigin);
  } catch {
    // A frame that cannot be told is asked again by nothing: it still reports its next change.
  }
  return () => {
    win.removeEventListener("message", listener);
    marked[INSTALLED] = false;
  };
}

/**
 * A result link to this page (`#r=<token>`), made by a quiz frame whose snippet names this
 * page (`page=`), is handed on to that frame, which opens on the result: the frame cannot
 * read its parent's address itself.
 */
function openResultLink(win: Window, iframes: Iterable<HTMLIFrameElement>, quizOrigin: string) {
  try {
    const here = new URL(win.location.href);
    if (!here.hash.startsWith("#r=")) return;
    const hash = here.hash;
    here.hash = "";
    for (const iframe of iframes) {
      const src = new URL(iframe.src);
      if (src.origin !== quizOrigin || src.hash === hash) continue;
      const page = src.searchParams.get("page");
      if (!page || new URL(page, here).href !== here.href) continue;
      src.hash = hash;
      iframe.src = src.href;
    }
  } catch {
    // An address that cannot be read leaves the frame as the page wrote it.
  }
}

/** Sets the iframe's height so its document (`height` px) fits without scrolling. */
function fitHeight(win: Window, iframe: HTMLIFrameElement, height: number) {
  const style = win.getComputedStyle(iframe);
  // A host page that sizes boxes by their borders (a common reset) would otherwise leave
  // the document a few pixels short, and scrolling.
  const frame =
    style.boxSizing === "border-box"
      ? [
          style.borderTopWidth,
          style.borderBottomWidth,
          style.paddingTop,
          style.paddingBottom,
        ].reduce((sum, value) => sum + (Number.parseFloat(value) || 0), 0)
      : 0;
  const wanted = `${height + frame}px`;
  if (iframe.style.height !== wanted) iframe.style.height = wanted;
  if (iframe.getAttribute("scrolling") !== "no") iframe.setAttribute("scrolling", "no");
}
