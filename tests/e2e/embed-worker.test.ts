// A trainer's quiz shaped for the validator's worst case, checked by the element on a host
// page of another origin: in a worker inside the hidden validate.html frame, so that the
// host page has no long task (over 50 ms) while it is checked; and, where the host page's
// policy forbids that frame, on the main thread, with a console note saying what to allow.
import type { Page } from "playwright-core";
import { expect, it } from "vitest";
import { HOSTILE_SOURCE, hostileQuiz } from "../helpers/hostile-quiz";
import { describeInBrowser, expectNoProblems, useBrowser } from "./harness";
import { useHost } from "./host";

/** The reachability and fairness searches run until their budgets end: seconds of work. */
const HOSTILE = JSON.stringify(
  hostileQuiz({ outcomes: 40, traits: 40, questions: 40, options: 31, unreachable: true }),
);

const PAGES: Record<string, string> = {
  "index.html": `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>Our Scrum courses</title>
<link rel="icon" href="favicon.svg">
<script type="module" src="{{quiz}}/embed.js"></script>
</head>
<body><main><h1>Our Scrum courses</h1><div id="place"></div></main></body>
</html>
`,
  "favicon.svg": '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 1 1"/>',
  "hostile.json": HOSTILE,
  "source.txt": HOSTILE_SOURCE,
};

/**
 * Adds the element for the hostile quiz once the page has loaded, and returns the long
 * tasks (ms) the page had from then until the element showed its verdict.
 */
async function checkHostile(page: Page, hostUrl: string): Promise<number[]> {
  await page.goto(hostUrl);
  await page.evaluate(() => customElements.whenDefined("coursefit-quiz"));
  await page.evaluate(() => {
    const w = window as unknown as { longTasks: number[] };
    w.longTasks = [];
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) w.longTasks.push(Math.round(entry.duration));
    }).observe({ type: "longtask" });
    const element = document.createElement("coursefit-quiz");
    element.setAttribute("src", "hostile.json");
    document.getElementById("place")?.append(element);
  });
  // The quiz's outcomes cannot all win: its intro, or the notice with what is wrong.
  await page
    .locator("coursefit-quiz")
    .getByRole("heading", { name: /^(Hostile|This quiz cannot be shown right now)$/ })
    .waitFor({ timeout: 30_000 });
  // Long tasks are reported after they end; give the observer a frame to hear the last.
  await page.evaluate(() => new Promise((done) => requestAnimationFrame(() => setTimeout(done))));
  return page.evaluate(() => (window as unknown as { longTasks: number[] }).longTasks);
}

describeInBrowser("a trainer's hostile quiz checked by the element", () => {
  const browser = useBrowser();
  const { host } = useHost(PAGES);

  it("is checked in validate.html's worker, with no long task on the host page", async () => {
    const { page, problems } = await browser.open();
    const requested: string[] = [];
    page.on("request", (request) => requested.push(request.url()));
    const longTasks = await checkHostile(page, host.url);
    console.log(`long tasks on the host page while checked in the worker: [${longTasks}] ms`);
    expect(longTasks.filter((ms) => ms > 50)).toEqual([]);
    expect(requested.some((url) => /\/assets\/validate-worker-[\w-]+\.js$/.test(url))).toBe(true);
    // The frame is gone once it has answered.
    expect(await page.locator("coursefit-quiz").locator("iframe").count()).toBe(0);
    expectNoProblems(problems);
  });
});

describeInBrowser("a check that does not end", () => {
  const browser = useBrowser();
  const { host, quizOrigin } = useHost(PAGES);

  it("is stopped at the time limit, and the element says the quiz took too long to check", async () => {
    const { page } = await browser.open();
    // A worker that says it is ready, then never answers.
    await page.route(/\/assets\/validate-worker-[\w-]+\.js$/, (route) =>
      route.fulfill({
        contentType: "text/javascript",
        body: 'self.onmessage = (e) => e.ports[0].postMessage({ type: "ready" });',
      }),
    );
    await page.goto(host.url);
    await page.evaluate(() => {
      const element = document.createElement("coursefit-quiz");
      element.setAttribute("src", "hostile.json");
      document.getElementById("place")?.append(element);
    });
    const notice = page.getByRole("region", { name: "This quiz took too long to check" });
    await notice.waitFor({ timeout: 20_000 });
    expect(await notice.locator("li").allTextContents()).toEqual([
      `${host.origin}/hostile.json: checking this quiz took longer than 10 s, so it was stopped`,
    ]);
    expect(await page.locator("coursefit-quiz").locator("iframe").count()).toBe(0);
    expect(quizOrigin).not.toBe(host.origin);
  });
});

describeInBrowser("on a host page whose policy forbids the checker's frame", () => {
  const browser = useBrowser();
  const { host, quizOrigin } = useHost(PAGES, (policy) =>
    policy.replace(`frame-src 'self' ${quizOrigin}`, "frame-src 'self'"),
  );

  it("checks the quiz on the main thread and says in the console what to allow", async () => {
    const { page, problems } = await browser.open();
    const warnings: string[] = [];
    page.on("console", (m) => {
      if (m.type() === "warning") warnings.push(m.text());
    });
    const longTasks = await checkHostile(page, host.url);
    console.log(`long tasks on the host page while checked on its main thread: [${longTasks}] ms`);
    expect(warnings).toContainEqual(
      expect.stringContaining(`allow frame-src ${quizOrigin} in its Content-Security-Policy`),
    );
    // Chromium reports the refused frame itself; nothing else went wrong.
    expect(problems.filter((p) => !p.includes("frame-src"))).toEqual([]);
  });
});
