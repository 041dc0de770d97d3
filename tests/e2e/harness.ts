// What every browser test shares: one Chromium per file, a fresh context per page, the
// quiz as the engine sees it, and the steps a person takes through the built page.
import type { Browser, BrowserContext, BrowserContextOptions, Page } from "playwright-core";
import { afterAll, afterEach, beforeAll, describe, expect, inject } from "vitest";
import { visibleQuestions } from "../../src/engine/answers";
import { evaluate, type Result } from "../../src/engine/result";
import type { Answer, Answers, Question } from "../../src/engine/schema";
import { formatScore, headline, leaning } from "../../src/ui/texts";
import { loadQuiz } from "../helpers/quiz";
import { axeViolations, launchBrowser, type Watched, watchedPage } from "./browser";

/** The built pages' address; "" when there is no Chromium and the tests are skipped. */
export const baseUrl = inject("baseUrl");
export const quiz = loadQuiz();
export const describeInBrowser = describe.skipIf(!baseUrl);

export const TITLE = quiz.title;

/** Leans strongly to CSM; 12 questions shown. */
export const CSM_ANSWERS: Answers = {
  week: "events",
  stalled: "obstacle",
  "current-role": "scrum-master",
  proud: ["improving-team", "smooth-events"],
  learn: "scrum-depth",
  "backlog-owner": 2,
  facilitator: 4,
  conversations: "the-team",
  disagreement: "mediate",
  own: ["events", "impediments"],
  "customer-vs-process": 2,
  alongside: 4,
};

/** An exact tie (40.1 to 40.1): a balanced result. */
export const BALANCED_ANSWERS: Answers = {
  week: "coaching",
  stalled: "priorities",
  "current-role": "product",
  proud: ["value"],
  learn: "team-coaching",
  "backlog-owner": 5,
  facilitator: 2,
  conversations: "the-team",
  disagreement: "agreed-way",
  own: ["vision", "requirements", "events"],
  "customer-vs-process": 2,
  alongside: 5,
};

export function question(id: string): Question {
  const found = quiz.questions.find((q) => q.id === id);
  if (!found) throw new Error(`the quiz has no question "${id}"`);
  return found;
}

export function shownQuestions(answers: Answers): Question[] {
  return visibleQuestions(quiz, answers);
}

/** Launches Chromium for the file's tests; `open` gives a page in a fresh context. */
export function useBrowser() {
  let browser: Browser | undefined;
  const contexts: BrowserContext[] = [];
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterEach(async () => {
    await Promise.all(contexts.splice(0).map((context) => context.close()));
  });
  afterAll(async () => {
    await browser?.close();
  });
  return {
    async open(
      options: BrowserContextOptions = {},
    ): Promise<Watched & { context: BrowserContext }> {
      if (!browser) throw new Error("the browser did not start");
      const context = await browser.newContext({
        viewport: { width: 1024, height: 768 },
        ...options,
      });
      contexts.push(context);
      // A step that has not happened in 10 s will not: fail well inside the test's 60 s.
      context.setDefaultTimeout(10_000);
      return { ...(await watchedPage(context)), context };
    },
  };
}

/** Console errors, page errors and CSP violations: there must be none. */
export function expectNoProblems(problems: string[]) {
  expect(problems, `the page reported problems:\n${problems.join("\n")}`).toEqual([]);
}

/** axe-core's verdict on the page as it is now, as a soft assertion naming the screen. */
export async function expectAccessible(page: Page, screen: string) {
  const violations = await axeViolations(page);
  const report = violations
    .map((v) => `  ${v.id}: ${v.help}\n${v.nodes.map((n) => `    at ${n}`).join("\n")}`)
    .join("\n");
  expect.soft(violations, `axe violations on ${screen}:\n${report}`).toEqual([]);
}

/** Opens the quiz page and waits until React has taken over the prerendered intro. */
export async function openQuiz(page: Page) {
  await page.goto(baseUrl);
  await waitForHydration(page);
}

/** React has rendered into #app (hydrated, or rendered afresh): its buttons now work. */
export async function waitForHydration(page: Page) {
  await page.waitForFunction(() => {
    const button = document.querySelector("#app button");
    return button !== null && Object.keys(button).some((key) => key.startsWith("__reactFiber"));
  });
}

export function heading(page: Page, name: string, level = 1) {
  return page.getByRole("heading", { level, name, exact: true });
}

export function button(page: Page, name: string | RegExp) {
  return page.getByRole("button", { name, exact: typeof name === "string" });
}

/** The button that moves on from a question, whatever it says on this one. */
export function nextButton(page: Page) {
  return button(page, /^(Next|Review my answers|Save and return to review)$/);
}

/** Waits for a step's heading to be shown. */
export async function waitForStep(page: Page, name: string) {
  await heading(page, name).waitFor();
}

/** The input for one option (choice) or point (scale) of a question. */
export function optionInput(page: Page, q: Question, option: string | number) {
  if (q.type === "scale")
    return page.getByRole("radio", { name: q.labels[Number(option) - 1], exact: true });
  const label = q.options.find((o) => o.id === option)?.label;
  if (!label) throw new Error(`question "${q.id}" has no option "${option}"`);
  return page.getByRole(q.type === "multiple" ? "checkbox" : "radio", { name: label, exact: true });
}

/** Exactly the options (or point) of this answer are checked; nothing else is. */
export async function expectChecked(page: Page, q: Question, answer: Answer | undefined) {
  const wanted: unknown[] = Array.isArray(answer) ? answer : [answer];
  const options = q.type === "scale" ? q.labels.map((_, i) => i + 1) : q.options.map((o) => o.id);
  const checked: (string | number)[] = [];
  for (const option of options)
    if (await optionInput(page, q, option).isChecked()) checked.push(option);
  expect(checked, `checked on "${q.id}"`).toEqual(options.filter((o) => wanted.includes(o)));
}

/** Gives an answer with the mouse, unticking whatever a multiple choice had that it lacks. */
export async function answerByMouse(page: Page, q: Question, answer: Answer) {
  if (q.type !== "multiple") {
    await optionInput(page, q, answer as string | number).click();
    return;
  }
  // Untick first: ticking past maxChoices is refused with an error.
  const wanted = answer as string[];
  for (const tick of [false, true]) {
    for (const option of q.options) {
      const input = optionInput(page, q, option.id);
      if (wanted.includes(option.id) === tick && (await input.isChecked()) !== tick)
        await input.click();
    }
  }
}

/** From the intro to the result, with clicks; returns the result the engine expects. */
export async function completeByMouse(page: Page, answers: Answers): Promise<Result> {
  await button(page, "Start the quiz").click();
  await answerAllByMouse(page, answers);
  await button(page, "See my result").click();
  const expected = evaluate(quiz, answers);
  await waitForStep(page, headline(quiz, expected));
  return expected;
}

/** Answers every shown question from the current (first) one, ending on the review. */
export async function answerAllByMouse(page: Page, answers: Answers) {
  for (const q of shownQuestions(answers)) {
    await waitForStep(page, q.prompt);
    const answer = answers[q.id];
    if (answer === undefined) throw new Error(`no answer for "${q.id}"`);
    await answerByMouse(page, q, answer);
    await nextButton(page).click();
  }
  await waitForStep(page, "Check your answers");
}

export type ShownResult = {
  headline: string;
  lead: string;
  figures: Record<string, string[]>;
  link: string;
};

/** What the result page shows: its headline, its lead, the per-trait table and the link. */
export function shownResult(page: Page): Promise<ShownResult> {
  return page.evaluate(() => {
    const text = (el: Element | null | undefined) => el?.textContent?.trim() ?? "";
    const figures: Record<string, string[]> = {};
    for (const row of document.querySelectorAll(".cf-chart table tbody tr")) {
      figures[text(row.querySelector("th"))] = [...row.querySelectorAll("td")].map(text);
    }
    const link = [...document.querySelectorAll(".cf-share a")][0]?.getAttribute("href") ?? "";
    return {
      headline: text(document.querySelector("h1")),
      lead: text(document.querySelector(".cf-lead")),
      figures,
      link,
    };
  });
}

/** What the result page should show for a result computed by the engine. */
export function expectedShown(result: Result): Omit<ShownResult, "link"> {
  // The chart's columns follow the result's order, as the headline does.
  const outcomes = result.scores.map((s) => s.outcome);
  return {
    headline: headline(quiz, result),
    lead: leaning(quiz, result),
    figures: Object.fromEntries(
      result.breakdown
        .filter((t) => t.weight > 0)
        .map((t) => [t.label, outcomes.map((o) => formatScore(t.scores[o] ?? 0))]),
    ),
  };
}

/**
 * Checks a result page against the engine, by its own words and independently: the
 * recommended outcome is named in the headline and the lead carries the top two scores.
 */
export async function expectResultShown(page: Page, result: Result) {
  const shown = await shownResult(page);
  const { link, ...rest } = shown;
  expect(rest).toEqual(expectedShown(result));
  expect(new URL(link).hash).toBe(`#r=${result.token}`);
  const [first, second] = result.scores;
  expect(shown.lead).toContain(
    `${formatScore(first?.score ?? -1)} to ${formatScore(second?.score ?? -1)} out of 100`,
  );
  const recommendation = result.recommendation;
  if (recommendation.kind === "outcome") {
    const named = quiz.outcomes.find((o) => o.id === recommendation.outcome)?.shortLabel;
    expect(shown.headline).toBe(`${named} fits you best`);
  } else {
    expect(shown.headline).toMatch(/^Your answers are balanced between/);
  }
  return shown;
}

/** The element that has focus, described enough to steer the keyboard by. */
export function focused(page: Page) {
  return page.evaluate(() => {
    const el = document.activeElement as HTMLElement | null;
    const input = el instanceof HTMLInputElement ? el : null;
    return {
      tag: el?.tagName.toLowerCase() ?? "",
      type: input?.type ?? "",
      checked: input?.checked ?? false,
      name: input
        ? (input.labels?.[0]?.textContent ?? "")
        : (el?.textContent?.trim().slice(0, 120) ?? ""),
      className: el?.className ?? "",
    };
  });
}

export type Focused = Awaited<ReturnType<typeof focused>>;

/** Presses Tab until the focused element is the one wanted (at most 40 times). */
export async function tabTo(page: Page, wanted: (f: Focused) => boolean, what: string) {
  for (let i = 0; i < 40; i++) {
    await page.keyboard.press("Tab");
    if (wanted(await focused(page))) return;
  }
  throw new Error(`Tab never reached ${what}`);
}

/** Waits until the focused element is the step's h1 with this text, then checks it. */
export async function expectFocusOnHeading(page: Page, text: string) {
  await page
    .waitForFunction(
      (t) => document.activeElement?.tagName === "H1" && document.activeElement.textContent === t,
      text,
      { timeout: 5000 },
    )
    .catch(() => undefined);
  const now = await focused(page);
  expect({ tag: now.tag, text: now.name }, `focus should be on the heading "${text}"`).toEqual({
    tag: "h1",
    text,
  });
}

export function stepTitle(step: string) {
  return `${step} - ${TITLE}`;
}
