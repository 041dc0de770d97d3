// The iframe embed on a trainer's page (another origin, a strict policy, no inline code):
// with resize.js it takes its content's height and announces the result; without it, it
// scrolls inside a fixed height; without `origin` it tells the page nothing. The frame's
// console errors and CSP violations arrive on the host page, so `problems` covers both.
import { readFileSync } from "node:fs";
import { createContext, Script } from "node:vm";
import type { Frame, Page } from "playwright-core";
import { expect, it } from "vitest";
import { evaluate, type Result } from "../../src/engine/result";
import { headline } from "../../src/ui/texts";
import {
  answerAllByMouse,
  BALANCED_ANSWERS,
  button,
  CSM_ANSWERS,
  completeByMouse,
  describeInBrowser,
  expectAccessible,
  expectNoProblems,
  expectResultShown,
  heading,
  nextButton,
  question,
  quiz,
  TITLE,
  useBrowser,
  waitForHydration,
  waitForStep,
} from "./harness";
import { useHost } from "./host";

/** Records on the host what reaches it: coursefit-complete events and every message. */
const LISTEN_JS = `window.coursefit = { completed: [], messages: [] };
document.addEventListener("coursefit-complete", (event) => {
  window.coursefit.completed.push({ target: event.target.id, detail: event.detail });
});
window.addEventListener("message", (event) => {
  const frames = [...document.querySelectorAll("iframe")];
  window.coursefit.messages.push({
    origin: event.origin,
    frame: frames.findIndex((frame) => frame.contentWindow === event.source),
    data: event.data,
  });
});
`;

/** A common reset (border-box) and a framed, fixed-height iframe. */
const HOST_CSS = `*, *::before, *::after { box-sizing: border-box; }
body { margin: 2rem; font-family: Georgia, serif; }
.quiz-frame { display: block; width: 100%; height: 480px; border: 2px solid #555; }
.ad-frame { display: block; width: 300px; height: 250px; border: 0; }
`;

const FRAME_HEIGHT = 480;
const FRAME_TITLE = "Which Scrum course fits you?";

/** A third party's iframe on the same host page (an ad): it tries to pass for the quiz. */
const AD_JS = `const forged = [
  { source: "coursefit", type: "resize", height: 99999 },
  { source: "coursefit", type: "complete", result: { quiz: "csm-vs-cspo", token: "x" }, link: location.origin + "/#r=x" },
];
let sent = 0;
const send = () => {
  for (const message of forged) parent.postMessage(message, "*");
  if (++sent < 5) setTimeout(send, 100);
  else parent.postMessage({ source: "ad", type: "done" }, "*");
};
send();
`;

/** Loads resize.js only once the quiz frame has told its height: it must ask again. */
const LATE_JS = `window.addEventListener("message", function once(event) {
  if (event.data?.source !== "coursefit" || event.data.type !== "resize") return;
  window.removeEventListener("message", once);
  setTimeout(() => {
    const script = document.createElement("script");
    script.src = "{{quiz}}/resize.js";
    document.head.append(script);
  }, 300);
});
`;

function hostPage(
  query: string,
  { resize, ad = false, late = false }: { resize: boolean; ad?: boolean; late?: boolean },
) {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>Our Scrum courses</title>
<link rel="icon" href="favicon.svg" type="image/svg+xml">
<link rel="stylesheet" href="host.css">
<script src="listen.js"></script>
${resize ? '<script src="{{quiz}}/resize.js"></script>' : ""}
${late ? '<script src="late.js"></script>' : ""}
</head>
<body><main>
<h1>Our Scrum courses</h1>
<p>Not sure which course to book? Take the quiz.</p>
<iframe id="quiz" class="quiz-frame" src="{{quiz}}/embed.html?${query}" title="${FRAME_TITLE}"></iframe>
<p>Next course: 3 March.</p>
${ad ? '<iframe id="ad" class="ad-frame" src="{{host}}/ad.html" title="Advertisement"></iframe>' : ""}
</main></body>
</html>
`;
}

const HOST_PAGES = {
  // Without an icon of its own, the browser asks for /favicon.ico: a 404 in the console.
  "favicon.svg":
    '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 1 1"><rect width="1" height="1"/></svg>',
  "listen.js": LISTEN_JS,
  "host.css": HOST_CSS,
  "resized.html": hostPage("quiz=csm-vs-cspo&amp;origin={{host}}", { resize: true }),
  "fixed.html": hostPage("quiz=csm-vs-cspo&amp;origin={{host}}", { resize: false }),
  "no-origin.html": hostPage("quiz=csm-vs-cspo", { resize: true }),
  "unknown.html": hostPage("quiz=no-such-quiz&amp;origin={{host}}", { resize: true }),
  "with-ad.html": hostPage("quiz=csm-vs-cspo&amp;origin={{host}}", { resize: true, ad: true }),
  "late.html": hostPage("quiz=csm-vs-cspo&amp;origin={{host}}/courses/", {
    resize: false,
    late: true,
  }),
  "ad.html": `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Ad</title>
<link rel="icon" href="favicon.svg" type="image/svg+xml"><script src="ad.js"></script></head>
<body><p>Buy now</p></body></html>`,
  "ad.js": AD_JS,
  "late.js": LATE_JS,
};

type Recorded = {
  completed: { target: string; detail: Result & { link: string } }[];
  messages: { origin: string; frame: number; data: { type?: string } & Record<string, unknown> }[];
};

/**
 * The harness's steps take a Page; a Frame has every method they use (getByRole, locator,
 * evaluate, waitForFunction), so they run inside the iframe's document as they are.
 */
const inFrame = (frame: Frame) => frame as unknown as Page;

describeInBrowser("the iframe embed", () => {
  const browser = useBrowser();
  const { host, quizOrigin } = useHost(HOST_PAGES);

  /** Opens a host page (after `prepare`, e.g. an init script) and its hydrated quiz frame. */
  async function openHost(path: string, prepare?: (opened: { page: Page }) => Promise<unknown>) {
    const opened = await browser.open();
    await prepare?.(opened);
    await opened.page.goto(new URL(path, host.url).href);
    const frame = await (await opened.page.locator("#quiz").elementHandle())?.contentFrame();
    if (!frame) throw new Error("the iframe has no frame");
    expect(new URL(frame.url()).origin).toBe(quizOrigin);
    return { ...opened, frame, framePage: inFrame(frame) };
  }

  const recorded = (page: Page) =>
    page.evaluate(() => (window as unknown as { coursefit: Recorded }).coursefit);

  /** The iframe's height on the host, and its document's as the frame sees it. */
  async function sizes(page: Page, frame: Frame) {
    const iframe = await page
      .locator("#quiz")
      .evaluate((el) => ({ outer: el.getBoundingClientRect().height, inner: el.clientHeight }));
    const doc = await frame.evaluate(() => {
      const html = document.documentElement;
      return {
        content: Math.ceil(html.getBoundingClientRect().height),
        scrollHeight: html.scrollHeight,
        clientHeight: html.clientHeight,
      };
    });
    return { iframe, doc };
  }

  /** Waits until the iframe is exactly as tall as its content; returns its height. */
  async function fitted(page: Page, frame: Frame, screen: string) {
    await expect
      .poll(
        async () => {
          const { iframe, doc } = await sizes(page, frame);
          return Math.abs(iframe.inner - doc.content) <= 1;
        },
        { message: `the iframe fits its content on ${screen}`, timeout: 5000 },
      )
      .toBe(true);
    const { iframe, doc } = await sizes(page, frame);
    // No scroll bar inside the frame: its document fits its viewport. (Headless Chromium
    // draws no scroll bars at all, so their width would prove nothing.)
    expect(doc.scrollHeight, `scrolling inside the frame on ${screen}`).toBeLessThanOrEqual(
      doc.clientHeight + 1,
    );
    return iframe.outer;
  }

  it("ships resize.js as a classic script that defines no globals", () => {
    const source = readFileSync("dist/resize.js", "utf8");
    // A classic script: an import or export statement would not even parse.
    const script = new Script(source, { filename: "resize.js" });
    const listeners: string[] = [];
    const window = {
      addEventListener: (type: string) => listeners.push(type),
      document: {
        currentScript: { src: "https://quiz.example/resize.js" },
        getElementsByTagName: () => [],
      },
    };
    const sandbox = createContext({ window, URL });
    script.runInContext(sandbox);
    expect(Object.keys(sandbox)).toEqual(["window", "URL"]);
    expect(listeners).toEqual(["message"]);
  });

  it("ignores another iframe on the page that resizes itself and forges a result", async () => {
    const { page, frame, framePage, problems } = await openHost("with-ad.html");
    await waitForHydration(framePage);
    await fitted(page, frame, "the intro beside an ad");
    await expect
      .poll(async () => (await recorded(page)).messages.some((m) => m.data.source === "ad"))
      .toBe(true);
    const { completed, messages } = await recorded(page);
    // The forgeries arrived (10 of them, from frame 1), and changed nothing.
    expect(messages.filter((m) => m.frame === 1 && m.data.source === "coursefit")).toHaveLength(10);
    expect(completed).toEqual([]);
    const ad = await page.locator("#ad").evaluate((el) => ({
      height: el.getBoundingClientRect().height,
      scrolling: el.getAttribute("scrolling"),
    }));
    expect(ad).toEqual({ height: 250, scrolling: null });
    // The quiz frame still works beside it.
    const expected = await completeByMouse(framePage, CSM_ANSWERS);
    await fitted(page, frame, "the result beside an ad");
    await expect.poll(async () => (await recorded(page)).completed.length).toBe(1);
    expect((await recorded(page)).completed[0]?.detail.token).toBe(expected.token);
    expectNoProblems(problems);
  });

  it("fits its content when resize.js arrives after the frame's first message, with origin= given as a page address", async () => {
    const { page, frame, framePage, problems } = await openHost("late.html");
    await waitForHydration(framePage);
    // The frame spoke (to the origin of ".../courses/") before resize.js was there...
    await expect
      .poll(async () => (await recorded(page)).messages.some((m) => m.data.type === "resize"))
      .toBe(true);
    // ...and, asked by resize.js, tells its height again although nothing changed.
    const intro = await fitted(page, frame, "the intro, after a late resize.js");
    expect(intro).not.toBe(FRAME_HEIGHT);
    expectNoProblems(problems);
  });

  it("resizes to its content on every screen and announces the result to the host", async () => {
    const { page, frame, framePage, problems } = await openHost("resized.html");
    await waitForHydration(framePage);
    expect(await frame.title()).toBe(TITLE);
    const heights: Record<string, number> = {};

    heights.intro = await fitted(page, frame, "the intro");
    await expectAccessible(framePage, "the intro in the iframe");
    await button(framePage, "Start the quiz").click();
    await waitForStep(framePage, question("week").prompt);
    heights.question = await fitted(page, frame, "the first question");
    // Content that changes without a new step: the error summary.
    await nextButton(framePage).click();
    await framePage.locator(".cf-error-summary").waitFor();
    heights.error = await fitted(page, frame, "the first question with its error");
    await expectAccessible(framePage, "a question with its error in the iframe");

    await answerAllByMouse(framePage, CSM_ANSWERS);
    heights.review = await fitted(page, frame, "the review");
    await button(framePage, "See my result").click();
    const expected = evaluate(quiz, CSM_ANSWERS);
    await waitForStep(framePage, headline(quiz, expected));
    heights.result = await fitted(page, frame, "the result");
    await expectResultShown(framePage, expected);
    await expectAccessible(framePage, "the result in the iframe");

    console.log(`iframe heights (px): ${JSON.stringify(heights)}`);
    expect(await page.locator("#quiz").getAttribute("scrolling")).toBe("no");
    expect(heights.intro).not.toBe(FRAME_HEIGHT);
    expect(heights.error).toBeGreaterThan(heights.question ?? Infinity);
    expect(heights.result).toBeGreaterThan(2 * (heights.intro ?? Infinity));

    // The host heard the result once, on the iframe, as the engine computes it.
    const { completed, messages } = await recorded(page);
    const link = `${quizOrigin}/#r=${expected.token}`;
    expect(completed).toHaveLength(1);
    expect(completed[0]?.target).toBe("quiz");
    const detail = completed[0]?.detail;
    expect(detail?.recommendation).toEqual(evaluate(quiz, CSM_ANSWERS).recommendation);
    expect(detail).toEqual({ ...JSON.parse(JSON.stringify(expected)), link });
    // Every message came from the quiz frame, on the quiz's origin, in the agreed shape.
    expect(messages.length).toBeGreaterThan(3);
    for (const m of messages) {
      expect({ origin: m.origin, frame: m.frame, source: m.data.source }).toEqual({
        origin: quizOrigin,
        frame: 0,
        source: "coursefit",
      });
    }
    expect(messages.filter((m) => m.data.type === "complete").map((m) => m.data.link)).toEqual([
      link,
    ]);
    expect(messages.every((m) => m.data.type === "resize" || m.data.type === "complete")).toBe(
      true,
    );
    expectNoProblems(problems);

    // The link opens beside the trainer's page, not inside the frame...
    const [popup] = await Promise.all([
      page.context().waitForEvent("page"),
      framePage.getByRole("link", { name: link }).click(),
    ]);
    await popup.waitForURL(link);
    expect(frame.url()).toMatch(/\/embed\.html\?/);
    await popup.close();
    // ...onto the quiz page on the quiz's origin, which shows the same result.
    const reader = await browser.open();
    await reader.page.goto(link);
    await waitForHydration(reader.page);
    await expectResultShown(reader.page, expected);
    expectNoProblems(reader.problems);
  });

  it("shrinks again when the content does", async () => {
    const { page, frame, framePage, problems } = await openHost("resized.html");
    await waitForHydration(framePage);
    const expected = await completeByMouse(framePage, BALANCED_ANSWERS);
    const result = await fitted(page, frame, "the result");
    await expectResultShown(framePage, expected);
    await button(framePage, "Start again").click();
    await waitForStep(framePage, TITLE);
    const intro = await fitted(page, frame, "the intro after Start again");
    expect(intro).toBeLessThan(result);
    expectNoProblems(problems);
  });

  it("scrolls inside its fixed height on a page without resize.js, and still completes", async () => {
    const { page, frame, framePage, problems } = await openHost("fixed.html");
    await waitForHydration(framePage);
    expect((await sizes(page, frame)).iframe.outer).toBe(FRAME_HEIGHT);
    const expected = await completeByMouse(framePage, CSM_ANSWERS);
    await expectResultShown(framePage, expected);
    const { iframe, doc } = await sizes(page, frame);
    expect(iframe.outer).toBe(FRAME_HEIGHT);
    expect(doc.scrollHeight, "the result is taller than the frame").toBeGreaterThan(
      doc.clientHeight * 2,
    );
    // Its own scroll reaches the end of the result.
    const scrolled = await frame.evaluate(() => {
      const end = document.querySelector(".cf-result")?.lastElementChild;
      end?.scrollIntoView();
      return document.scrollingElement?.scrollTop ?? 0;
    });
    expect(scrolled).toBeGreaterThan(0);
    // The frame still told the page (nobody resized it), and only that page.
    const { completed, messages } = await recorded(page);
    expect(completed).toEqual([]);
    expect(messages.filter((m) => m.data.type === "complete")).toHaveLength(1);
    expect(messages.every((m) => m.origin === quizOrigin && m.frame === 0)).toBe(true);
    expectNoProblems(problems);
  });

  it("posts nothing when the snippet names no origin", async () => {
    const { page, frame, framePage, problems } = await openHost("no-origin.html");
    await waitForHydration(framePage);
    const expected = await completeByMouse(framePage, CSM_ANSWERS);
    await expectResultShown(framePage, expected);
    expect(await recorded(page)).toEqual({ completed: [], messages: [] });
    expect((await sizes(page, frame)).iframe.outer, "fixed, as resize.js heard nothing").toBe(
      FRAME_HEIGHT,
    );
    expectNoProblems(problems);
  });

  it("completes with the frame's storage blocked, and says progress is not saved", async () => {
    const { page, frame, framePage, problems } = await openHost(
      "resized.html",
      async ({ page }) => {
        // Init scripts run in every frame: break storage on the quiz's origin only.
        await page.context().addInitScript((origin) => {
          if (location.origin !== origin) return;
          Object.defineProperty(window, "localStorage", {
            configurable: true,
            get() {
              throw new DOMException("The operation is insecure.", "SecurityError");
            },
          });
        }, quizOrigin);
      },
    );
    expect(await page.evaluate(() => typeof window.localStorage)).toBe("object");
    await waitForHydration(framePage);
    const expected = await completeByMouse(framePage, BALANCED_ANSWERS);
    await expectResultShown(framePage, expected);
    expect(await heading(framePage, "Progress will not be saved", 2).count()).toBe(1);
    await fitted(page, frame, "the result with the storage notice");
    const { completed } = await recorded(page);
    expect(completed.map((c) => c.detail.token)).toEqual([expected.token]);
    expectNoProblems(problems);
  });

  it("names an unknown quiz clearly", async () => {
    const { page, frame, framePage, problems } = await openHost("unknown.html");
    await heading(framePage, "This quiz cannot be shown").waitFor();
    expect(await framePage.locator("main").textContent()).toContain(
      "There is no built-in quiz called no-such-quiz. Built in: csm-vs-cspo.",
    );
    await fitted(page, frame, "the unknown quiz's message");
    await expectAccessible(framePage, "the unknown quiz's message");
    expectNoProblems(problems);
  });

  it("reports the frame's console errors and CSP violations, so none means something", async () => {
    const { frame, framePage, problems } = await openHost("resized.html");
    await waitForHydration(framePage);
    await frame.evaluate(() => {
      document
        .querySelector("main")
        ?.insertAdjacentHTML("beforeend", '<p style="color: red">x</p>');
      console.error("planted in the frame");
    });
    await expect
      .poll(() => problems.some((p) => p.startsWith("console: CSP violation: style-src")))
      .toBe(true);
    expect(problems).toContain("console: planted in the frame");
  });
});
