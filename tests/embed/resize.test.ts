// @vitest-environment jsdom
// resize.js: a message resizes an iframe only when it comes from the quiz's origin (where
// resize.js was loaded from), from the window of an iframe on that origin, and has exactly
// the shape of a coursefit message. Everything else (another iframe on the page, even from
// its own window; a look-alike origin, "null", a malformed, oversized or non-object
// payload) changes nothing and throws nothing.
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import {
  acceptMessage,
  HELLO,
  installResizer,
  MAX_HEIGHT,
  MIN_HEIGHT,
  scriptOrigin,
} from "../../src/embed/resize-accept";

const QUIZ = "https://quiz.example";
const OTHER = "https://other.example";

let quizFrame: HTMLIFrameElement;
let otherFrame: HTMLIFrameElement;
let dataFrame: HTMLIFrameElement;
let uninstall: () => void = () => {};
/** Errors thrown by listeners: jsdom reports them on the window, as a browser would. */
let errors: unknown[] = [];
/** Every coursefit-complete event that reached the document. */
let completions: CustomEvent[] = [];
const onError = (event: ErrorEvent) => {
  errors.push(event.error ?? event.message);
  event.preventDefault(); // recorded here, not printed by jsdom
};
const onComplete = (event: Event) => completions.push(event as CustomEvent);

beforeEach(() => {
  document.body.innerHTML = `
    <p>A trainer's page</p>
    <iframe id="quiz" src="${QUIZ}/embed.html?quiz=csm-vs-cspo&amp;origin=https://trainer.example" title="Quiz"></iframe>
    <iframe id="other" src="${OTHER}/page.html" title="Other"></iframe>
    <iframe id="data" src="data:text/html,hello" title="Data"></iframe>`;
  quizFrame = frame("quiz");
  otherFrame = frame("other");
  dataFrame = frame("data");
  errors = [];
  completions = [];
  window.addEventListener("error", onError);
  document.addEventListener("coursefit-complete", onComplete);
  uninstall = installResizer(window, QUIZ);
});

afterEach(() => {
  uninstall();
  window.removeEventListener("error", onError);
  document.removeEventListener("coursefit-complete", onComplete);
});

function frame(id: string): HTMLIFrameElement {
  const found = document.getElementById(id);
  if (!(found instanceof HTMLIFrameElement)) throw new Error(`no iframe #${id}`);
  return found;
}

type Init = { data: unknown; origin?: string; source?: MessageEventSource | null };

/** A message as the browser would deliver it; by default, from the quiz frame. */
function message({ data, origin = QUIZ, source = quizFrame.contentWindow }: Init): MessageEvent {
  return new MessageEvent("message", { data, origin, source });
}

const resize = (height: unknown) => ({ source: "coursefit", type: "resize", height });
const RESULT = { quiz: { id: "csm-vs-cspo" }, token: "abc", recommendation: { kind: "outcome" } };
const complete = (link = `${QUIZ}/#r=abc`) => ({
  source: "coursefit",
  type: "complete",
  result: RESULT,
  link,
});

/** Everything a message could change on the page. */
function pageState() {
  return {
    html: document.body.innerHTML,
    styles: [quizFrame, otherFrame, dataFrame].map((f) => f.style.cssText),
    completions: completions.length,
  };
}

/** Delivers a message that must be refused: nothing changes, nothing throws. */
function expectIgnored(init: Init) {
  const event = message(init);
  expect(acceptMessage(event, document.getElementsByTagName("iframe"), QUIZ)).toBeNull();
  const before = pageState();
  expect(() => window.dispatchEvent(event)).not.toThrow();
  expect(pageState()).toEqual(before);
  expect(errors).toEqual([]);
}

describe("a message resize.js accepts", () => {
  it("resizes its iframe to the height it gives, with no scroll bar of its own", () => {
    const event = message({ data: resize(812) });
    expect(acceptMessage(event, document.getElementsByTagName("iframe"), QUIZ)).toEqual({
      iframe: quizFrame,
      type: "resize",
      height: 812,
    });
    window.dispatchEvent(event);
    expect(quizFrame.style.height).toBe("812px");
    expect(quizFrame.getAttribute("scrolling")).toBe("no");
    expect(otherFrame.style.height).toBe("");

    window.dispatchEvent(message({ data: resize(640.2) }));
    expect(quizFrame.style.height, "rounded up, so nothing is cut off").toBe("641px");
    window.dispatchEvent(message({ data: resize(MAX_HEIGHT) }));
    expect(quizFrame.style.height).toBe(`${MAX_HEIGHT}px`);
    expect(errors).toEqual([]);
  });

  it.each([
    [MAX_HEIGHT + 1, MAX_HEIGHT],
    [99_999, MAX_HEIGHT],
    [1e308, MAX_HEIGHT],
    [1, MIN_HEIGHT],
    [0.5, MIN_HEIGHT],
  ])("clamps a height of %d px to %d px", (height, clamped) => {
    window.dispatchEvent(message({ data: resize(height) }));
    expect(quizFrame.style.height).toBe(`${clamped}px`);
  });

  it("adds the iframe's borders and padding when the host page sizes boxes by their borders", () => {
    quizFrame.style.cssText = "box-sizing: border-box; border: 3px solid; padding: 2px 0;";
    window.dispatchEvent(message({ data: resize(500) }));
    expect(quizFrame.style.height).toBe("510px");
  });

  it("announces a completed quiz as a bubbling coursefit-complete event on the iframe", () => {
    const onFrame: CustomEvent[] = [];
    quizFrame.addEventListener("coursefit-complete", (e) => onFrame.push(e as CustomEvent));
    window.dispatchEvent(message({ data: complete() }));
    expect(onFrame).toHaveLength(1);
    expect(completions).toHaveLength(1);
    const [event] = completions;
    expect(event?.target).toBe(quizFrame);
    expect(event?.bubbles).toBe(true);
    expect(event?.detail).toEqual({ ...RESULT, link: `${QUIZ}/#r=abc` });
    expect(quizFrame.style.height, "a completion does not resize").toBe("");
  });

  it("acts once when the script is included twice, and stops when uninstalled", () => {
    const again = installResizer(window, QUIZ);
    window.dispatchEvent(message({ data: complete() }));
    expect(completions).toHaveLength(1);
    again();
    uninstall();
    window.dispatchEvent(message({ data: resize(700) }));
    expect(quizFrame.style.height).toBe("");
  });

  it("finds a quiz iframe added after the script was installed", () => {
    const late = document.createElement("iframe");
    late.src = `${QUIZ}/embed.html?quiz=csm-vs-cspo`;
    late.title = "Late";
    document.body.append(late);
    window.dispatchEvent(message({ data: resize(333), source: late.contentWindow }));
    expect(late.style.height).toBe("333px");
  });
});

describe("where resize.js listens", () => {
  it("learns the quiz's origin from its own script's address", () => {
    const script = document.createElement("script");
    script.src = `${QUIZ}/resize.js`;
    expect(scriptOrigin(script)).toBe(QUIZ);
    expect(scriptOrigin({ src: "http://127.0.0.1:4173/resize.js?v=2" })).toBe(
      "http://127.0.0.1:4173",
    );
    // An inline script, a module (no currentScript), an SVG script, a data: address.
    expect(scriptOrigin(document.createElement("script"))).toBeUndefined();
    expect(scriptOrigin(null)).toBeUndefined();
    expect(scriptOrigin({ src: { baseVal: "x" } })).toBeUndefined();
    expect(scriptOrigin({ src: "data:text/javascript,1" })).toBeUndefined();
  });

  it("does nothing, and says so once, when it cannot tell the quiz's origin", () => {
    uninstall();
    const warn = vi.spyOn(console, "warn").mockImplementation(() => {});
    try {
      const stop = installResizer(window, undefined);
      expect(warn).toHaveBeenCalledOnce();
      expect(String(warn.mock.calls[0]?.[0])).toMatch(/resize\.js.*<script src=/);
      window.dispatchEvent(message({ data: resize(500) }));
      expect(quizFrame.style.height).toBe("");
      stop();
    } finally {
      warn.mockRestore();
    }
  });

  it("says hello to the quiz's frames already on the page, and to no other frame", () => {
    uninstall();
    const said = (frame: HTMLIFrameElement) => {
      const win = frame.contentWindow;
      if (!win) throw new Error("the iframe has no window");
      return vi.spyOn(win, "postMessage").mockImplementation(() => {});
    };
    const toQuiz = said(quizFrame);
    const toOther = said(otherFrame);
    const toData = said(dataFrame);
    uninstall = installResizer(window, QUIZ);
    expect(toQuiz).toHaveBeenCalledExactlyOnceWith(HELLO, QUIZ);
    expect(toOther).not.toHaveBeenCalled();
    expect(toData).not.toHaveBeenCalled();
  });
});

describe("a message from the wrong sender changes nothing", () => {
  it.each([
    ["another origin", OTHER],
    ["a look-alike origin", `${QUIZ}.evil.test`],
    ["a look-alike: another scheme", "http://quiz.example"],
    ["a look-alike: another port", "https://quiz.example:8443"],
    ["a look-alike: a path after the origin", `${QUIZ}/`],
    ["a look-alike: capitals", "https://QUIZ.example"],
    ["a look-alike: userinfo", "https://quiz.example@evil.test"],
    ["the null origin", "null"],
    ["an empty origin", ""],
  ])("%s (%s)", (_, origin) => {
    expectIgnored({ data: resize(500), origin });
    expectIgnored({ data: complete(), origin });
  });

  it("the right origin, but another iframe's window as its source", () => {
    expectIgnored({ data: resize(500), source: otherFrame.contentWindow });
    expectIgnored({ data: complete(), source: otherFrame.contentWindow });
  });

  it("the right origin, but the page's own window, or no window, as its source", () => {
    expectIgnored({ data: resize(500), source: window });
    expectIgnored({ data: resize(500), source: null });
  });

  it("another iframe on the page (an ad, say), from its own window on its own origin", () => {
    // It may not resize itself (to 99,999 px, with no scroll bar) nor forge a result.
    const own = { origin: OTHER, source: otherFrame.contentWindow };
    expectIgnored({ data: resize(99_999), ...own });
    expectIgnored({ data: complete(`${OTHER}/#r=abc`), ...own });
    expectIgnored({ data: complete(), ...own });
    expectIgnored({ data: resize(500), origin: `${OTHER}.evil.test`, source: own.source });
  });

  it("the quiz's origin, but a window that is not an iframe on that origin", () => {
    // A quiz frame nested inside the ad's frame, or a popup, is not the trainer's iframe.
    const popup = document.createElement("iframe").contentWindow;
    expectIgnored({ data: resize(500), source: popup ?? window });
    expectIgnored({ data: complete(), source: otherFrame.contentWindow });
  });

  it("an iframe with an opaque (null) origin, from its own window", () => {
    expectIgnored({ data: resize(500), origin: "null", source: dataFrame.contentWindow });
  });

  it("the iframe's window after it navigated to another origin", () => {
    quizFrame.src = `${OTHER}/elsewhere.html`;
    expectIgnored({ data: resize(500) });
  });

  it("a complete message whose link leads off the quiz's origin", () => {
    expectIgnored({ data: complete(`${OTHER}/#r=abc`) });
    expectIgnored({ data: complete("javascript:alert(1)") });
    expectIgnored({ data: complete("not a link") });
  });
});

describe("a malformed payload changes nothing", () => {
  it.each<[string, unknown]>([
    ["no source", { type: "resize", height: 500 }],
    ["another source", { source: "coursefit2", type: "resize", height: 500 }],
    ["a source in capitals", { source: "Coursefit", type: "resize", height: 500 }],
    ["no type", { source: "coursefit", height: 500 }],
    ["an unknown type", { source: "coursefit", type: "scroll", height: 500 }],
    ["no height", { source: "coursefit", type: "resize" }],
    ["a string height", resize("500")],
    ["a height in px", resize("500px")],
    ["a NaN height", resize(Number.NaN)],
    ["an infinite height", resize(Number.POSITIVE_INFINITY)],
    ["a minus infinite height", resize(Number.NEGATIVE_INFINITY)],
    ["a negative height", resize(-5)],
    ["a zero height", resize(0)],
    ["a null height", resize(null)],
    ["a boolean height", resize(true)],
    ["an object height", resize({ valueOf: () => 500 })],
    ["an array height", resize([500])],
    ["a BigInt height", resize(500n)],
    ["an extra field", { ...resize(500), style: "display:none" }],
    [
      "an own __proto__ field",
      JSON.parse('{"source":"coursefit","type":"resize","height":500,"__proto__":{"x":1}}'),
    ],
    ["fields inherited, not own", Object.create(resize(500))],
    [
      "a class instance",
      new (class Message {
        source = "coursefit";
        type = "resize";
        height = 500;
      })(),
    ],
    ["a Map", new Map(Object.entries(resize(500)))],
    [
      "a complete without a result",
      { source: "coursefit", type: "complete", link: `${QUIZ}/#r=a` },
    ],
    ["a complete with a string result", { ...complete(), result: "{}" }],
    ["a complete with an array result", { ...complete(), result: [RESULT] }],
    ["a complete without a link", { source: "coursefit", type: "complete", result: RESULT }],
    ["a complete with a numeric link", { ...complete(), link: 42 }],
    ["a complete with a height", { ...complete(), height: 500 }],
  ])("%s", (_, data) => {
    expectIgnored({ data });
  });

  it("a field whose getter throws, on a hand-made event", () => {
    const data = resize(500);
    Object.defineProperty(data, "height", {
      enumerable: true,
      get() {
        throw new Error("boom");
      },
    });
    expectIgnored({ data });
    const trap = new Proxy(resize(500), {
      ownKeys() {
        throw new Error("boom");
      },
    });
    expectIgnored({ data: trap });
  });
});

describe("an oversized payload is ignored cheaply", () => {
  const big = "x".repeat(5 * 1024 * 1024);
  let deep: Record<string, unknown> = { end: true };
  for (let i = 0; i < 100_000; i++) deep = { next: deep };

  it.each<[string, unknown]>([
    ["a 5 MB string beside the fields", { ...resize(500), padding: big }],
    ["a 5 MB string as the height", resize(big)],
    ["a 5 MB string as the source", { source: big, type: "resize", height: 500 }],
    ["a 5 MB string as the type", { source: "coursefit", type: big, height: 500 }],
    ["a 5 MB link", complete(`${QUIZ}/#r=${big}`)],
    ["a deeply nested object as the height", resize(deep)],
    ["a deeply nested object beside the fields", { ...resize(500), deep }],
    ["a deeply nested array as the result", { ...complete(), result: [[[[[[deep]]]]]] }],
  ])("%s", (_, data) => {
    const started = performance.now();
    expectIgnored({ data });
    // Nothing walks or copies the payload: a few milliseconds, whatever its size.
    expect(performance.now() - started).toBeLessThan(100);
  });

  describe("200,000 extra keys", () => {
    const manyKeys: Record<string, unknown> = resize(500);
    for (let i = 0; i < 200_000; i++) manyKeys[`k${i}`] = i;

    it("from another sender: refused before its keys are looked at", () => {
      const started = performance.now();
      expectIgnored({ data: manyKeys, origin: OTHER });
      expectIgnored({ data: manyKeys, source: otherFrame.contentWindow });
      expect(performance.now() - started).toBeLessThan(100);
    });

    it("from the quiz frame: refused, for less than the browser spent delivering it", () => {
      // What postMessage does to a payload before any listener sees it.
      const copying = performance.now();
      structuredClone(manyKeys);
      const delivered = performance.now() - copying;
      const started = performance.now();
      expectIgnored({ data: manyKeys });
      // expectIgnored checks it twice (the function, then the listener): half each.
      expect((performance.now() - started) / 2).toBeLessThan(delivered);
    });
  });
});

describe("data that is not an object changes nothing", () => {
  it.each<[string, unknown]>([
    ["a string", "coursefit resize 500"],
    ["a JSON string", JSON.stringify(resize(500))],
    ["a number", 500],
    ["null", null],
    ["undefined", undefined],
    ["a boolean", true],
    ["an array", ["coursefit", "resize", 500]],
    ["an array with the fields", Object.assign([], resize(500))],
    ["a function", () => resize(500)],
  ])("%s", (_, data) => {
    expectIgnored({ data });
  });
});

describe("the checks in this file mean something", () => {
  it("a listener that throws is seen, and a right message does change the page", () => {
    const throwing = () => {
      throw new Error("planted");
    };
    window.addEventListener("message", throwing);
    window.dispatchEvent(message({ data: "anything" }));
    window.removeEventListener("message", throwing);
    expect(errors.map(String)).toEqual(["Error: planted"]);
    errors = [];

    const before = pageState();
    window.dispatchEvent(message({ data: resize(500) }));
    expect(pageState()).not.toEqual(before);
  });
});

describe("a frame whose snippet names this page (page=)", () => {
  it("may link its result back to this page, and no other", () => {
    const here = `${window.location.origin}/courses#r=abc`;
    const event = message({ data: complete(here) });
    expect(
      acceptMessage(event, document.getElementsByTagName("iframe"), QUIZ, window.location.origin),
    ).toMatchObject({ type: "complete", link: here });
    window.dispatchEvent(event);
    expect(completions.map((e) => e.detail.link)).toEqual([here]);
    expectIgnored({ data: complete(`${OTHER}/courses#r=abc`) });
  });

  it("is handed a result link to this page, so it opens on the result", () => {
    uninstall();
    const page = new URL(window.location.href);
    page.hash = "";
    document.body.innerHTML = `
      <iframe id="named" src="${QUIZ}/embed.html?quiz=csm-vs-cspo&amp;page=${encodeURIComponent(page.href)}" title="Quiz"></iframe>
      <iframe id="unnamed" src="${QUIZ}/embed.html?quiz=csm-vs-cspo" title="Quiz"></iframe>
      <iframe id="elsewhere" src="${QUIZ}/embed.html?quiz=csm-vs-cspo&amp;page=${encodeURIComponent(`${OTHER}/`)}" title="Quiz"></iframe>`;
    window.location.hash = "#r=abc";
    try {
      uninstall = installResizer(window, QUIZ);
      expect(new URL(frame("named").src).hash).toBe("#r=abc");
      expect(new URL(frame("unnamed").src).hash).toBe("");
      expect(new URL(frame("elsewhere").src).hash).toBe("");
    } finally {
      window.location.hash = "";
    }
  });
});
