// The page itself: prerendered before JavaScript, no sideways scrolling at 320 px, no
// motion when reduced motion is asked for, and a clean printout of the result.
import { readFileSync } from "node:fs";
import type { Page } from "playwright-core";
import { expect, it } from "vitest";
import { evaluate } from "../../src/engine/result";
import { headline } from "../../src/ui/texts";
import {
  answerAllByMouse,
  answerByMouse,
  BALANCED_ANSWERS,
  baseUrl,
  button,
  CSM_ANSWERS,
  completeByMouse,
  describeInBrowser,
  expectNoProblems,
  expectResultShown,
  heading,
  nextButton,
  openQuiz,
  question,
  quiz,
  shownQuestions,
  TITLE,
  useBrowser,
  waitForStep,
} from "./harness";

describeInBrowser("the page", () => {
  const browser = useBrowser();

  it("has the intro in its HTML, before any JavaScript", async () => {
    const html = readFileSync("dist/index.html", "utf8");
    const app = /<main id="app">([\s\S]*)<\/main>/.exec(html)?.[1] ?? "";
    expect(app).toContain(`<h1`);
    expect(app).toContain(">CSM or CSPO: which Scrum course fits you?</h1>");
    expect(app).toMatch(/<button[^>]*>Start the quiz<\/button>/);

    const { page, problems } = await browser.open({ javaScriptEnabled: false });
    await page.goto(baseUrl);
    expect(await page.title()).toBe(TITLE);
    expect(await heading(page, TITLE).isVisible()).toBe(true);
    expect(await button(page, "Start the quiz").isVisible()).toBe(true);
    expectNoProblems(problems);
  });

  it("honours a press of Start made before the app has loaded", async () => {
    const { page, problems } = await browser.open();
    // Hold the app's script back until Start has been pressed on the prerendered intro.
    let release: () => void = () => {};
    const held = new Promise<void>((done) => {
      release = done;
    });
    await page.route(/\/assets\/index-.*\.js$/, async (route) => {
      await held;
      await route.continue();
    });
    await page.goto(baseUrl, { waitUntil: "commit" });
    await button(page, "Start the quiz").click();
    expect(await page.locator("fieldset").count()).toBe(0);
    release();
    await heading(page, question("week").prompt).waitFor();
    expect(await page.locator(".cf-progress-text").textContent()).toBe("Question 1 of 12");
    // The early press counts once: Back returns to the intro, which stays.
    await button(page, "Back").click();
    await waitForStep(page, TITLE);
    await page.waitForTimeout(300);
    expect(await page.locator("fieldset").count()).toBe(0);
    expectNoProblems(problems);
  });

  it("goes back to the intro from question 1, the first time Back is pressed", async () => {
    const { page, problems } = await browser.open();
    await openQuiz(page);
    await button(page, "Start the quiz").click();
    await waitForStep(page, question("week").prompt);
    await button(page, "Back").click();
    await waitForStep(page, TITLE);
    // It stays there: nothing starts the quiz again behind the person's back.
    await page.waitForTimeout(300);
    expect(await page.locator("fieldset").count()).toBe(0);
    // Start again works, and so does Back once more.
    await button(page, "Start the quiz").click();
    await waitForStep(page, question("week").prompt);
    await button(page, "Back").click();
    await waitForStep(page, TITLE);
    expectNoProblems(problems);
  });

  it("shows the intro after Start again on the result", async () => {
    const { page, problems } = await browser.open();
    await openQuiz(page);
    await completeByMouse(page, CSM_ANSWERS);
    await button(page, "Start again").click();
    await waitForStep(page, TITLE);
    await page.waitForTimeout(300);
    expect(await page.locator("fieldset").count()).toBe(0);
    expect(await button(page, "Start the quiz").isVisible()).toBe(true);
    expectNoProblems(problems);
  });

  it("says when the result's chunk cannot be loaded, and shows the result on Try again with every answer kept", async () => {
    const { page, problems } = await browser.open();
    let blocked = true;
    const requested: string[] = [];
    await page.route(/\/assets\/result-part-[^/]*\.js$/, async (route) => {
      requested.push(route.request().url());
      if (blocked) await route.abort("internetdisconnected");
      else await route.continue();
    });
    await openQuiz(page);
    await button(page, "Start the quiz").click();
    await answerAllByMouse(page, CSM_ANSWERS);
    // It was asked for while the person answered, before they got to the review.
    expect(requested.length).toBeGreaterThan(0);
    await button(page, "See my result").click();
    await heading(page, "Your result could not be loaded", 2).waitFor();
    expect(await heading(page, "Check your answers").isVisible()).toBe(true);

    blocked = false;
    await button(page, "Try again").click();
    const expected = evaluate(quiz, CSM_ANSWERS);
    await waitForStep(page, headline(quiz, expected));
    await expectResultShown(page, expected);
    expect(await page.getByText("Your result could not be loaded").count()).toBe(0);
    // The only problems are the blocked loads themselves.
    expectNoProblems(
      problems.filter(
        (p) => !/result-part|Failed to fetch dynamically|net::ERR_INTERNET_DISCONNECTED/.test(p),
      ),
    );
  });

  it("reports CSP violations and console errors, so an empty list means something", async () => {
    const { page, problems } = await browser.open();
    await openQuiz(page);
    await page.evaluate(() => {
      // An inline style attribute: the page's policy (default-src 'self') refuses it.
      document
        .querySelector("main")
        ?.insertAdjacentHTML("beforeend", '<p style="color: red">x</p>');
      console.error("planted");
    });
    // The policy's own report arrives as an event, after the browser's console message.
    await expect
      .poll(() => problems.some((p) => p.startsWith("console: CSP violation: style-src")))
      .toBe(true);
    expect(problems).toContain("console: planted");
  });

  it("hydrates the prerendered intro without replacing it or any console error", async () => {
    const { page, context, problems } = await browser.open();
    // Hydration that fails falls back to rendering afresh, which replaces the intro's nodes.
    await context.addInitScript(() => {
      const removed: string[] = [];
      (window as unknown as { removedHeadings: string[] }).removedHeadings = removed;
      new MutationObserver((records) => {
        for (const record of records) {
          for (const node of record.removedNodes) {
            if (
              node instanceof Element &&
              (node.matches("h1, section") || node.querySelector("h1"))
            )
              removed.push(node.outerHTML.slice(0, 80));
          }
        }
      }).observe(document, { childList: true, subtree: true });
    });
    await openQuiz(page);
    expect(
      await page.evaluate(
        () => (window as unknown as { removedHeadings: string[] }).removedHeadings,
      ),
    ).toEqual([]);
    await button(page, "Start the quiz").click();
    await waitForStep(page, question("week").prompt);
    expectNoProblems(problems);
  });

  it("never scrolls sideways at 320 px: intro, every question, errors, review, result", async () => {
    const { page, problems } = await browser.open({ viewport: { width: 320, height: 640 } });
    const wide: string[] = [];
    const check = async (screen: string) => {
      const width = await page.evaluate(() => document.documentElement.scrollWidth);
      if (width > 320) wide.push(`${screen}: ${width} px`);
    };

    await openQuiz(page);
    await check("intro");
    await button(page, "Start the quiz").click();
    for (const q of shownQuestions(CSM_ANSWERS)) {
      await waitForStep(page, q.prompt);
      if (q.id === "week") {
        await nextButton(page).click();
        await page.locator(".cf-error-summary").waitFor();
        await check(`"${q.id}" with its error`);
      }
      await answerByMouse(page, q, CSM_ANSWERS[q.id] ?? "");
      await check(`"${q.id}" answered`);
      await nextButton(page).click();
    }
    await waitForStep(page, "Check your answers");
    await check("review");
    await button(page, "See my result").click();
    await page.locator(".cf-result").waitFor();
    await check("result (recommendation)");
    expect(wide).toEqual([]);
    expectNoProblems(problems);

    const balanced = await browser.open({ viewport: { width: 320, height: 640 } });
    await openQuiz(balanced.page);
    await completeByMouse(balanced.page, BALANCED_ANSWERS);
    const width = await balanced.page.evaluate(() => document.documentElement.scrollWidth);
    expect(width, "result (balanced)").toBeLessThanOrEqual(320);
    expectNoProblems(balanced.problems);
  });

  it("moves nothing when reduced motion is asked for", async () => {
    const durations = async (page: Page) =>
      page
        .locator(".cf-option")
        .evaluateAll((options) => options.map((o) => getComputedStyle(o).transitionDuration));

    const reduced = await browser.open({ reducedMotion: "reduce" });
    await openQuiz(reduced.page);
    await button(reduced.page, "Start the quiz").click();
    await waitForStep(reduced.page, question("week").prompt);
    const still = await durations(reduced.page);
    expect(still.length).toBeGreaterThan(0);
    expect(
      still.every((d) => d === "0s"),
      still.join(", "),
    ).toBe(true);
    expectNoProblems(reduced.problems);

    // Without the preference the options do animate, so the check above means something.
    const moving = await browser.open({ reducedMotion: "no-preference" });
    await openQuiz(moving.page);
    await button(moving.page, "Start the quiz").click();
    await waitForStep(moving.page, question("week").prompt);
    expect((await durations(moving.page)).every((d) => d !== "0s")).toBe(true);
    expectNoProblems(moving.problems);
  });

  it("prints the result without its action buttons", async () => {
    const { page, problems } = await browser.open();
    await openQuiz(page);
    await completeByMouse(page, CSM_ANSWERS);
    const actions = [
      "Copy a link to this result",
      "Print",
      "Save as a file",
      "Change answers",
      "Start again",
    ];
    const visible = async () => {
      const shown: string[] = [];
      for (const name of actions) if (await button(page, name).isVisible()) shown.push(name);
      return shown;
    };
    expect(await visible()).toEqual(actions);
    await page.emulateMedia({ media: "print" });
    expect(await visible()).toEqual([]);
    // What the printout is for is still there.
    expect(await page.locator("h1").isVisible()).toBe(true);
    expect(await page.locator(".cf-reasons").isVisible()).toBe(true);
    await page.emulateMedia({ media: "screen" });
    expect(await visible()).toEqual(actions);
    expectNoProblems(problems);
  });
});
