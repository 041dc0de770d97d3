// The whole quiz with the keyboard alone: Tab, Space, arrow keys within a radio group and
// Enter. Focus moves to each new step's heading and the title names the step.
import type { Page } from "playwright-core";
import { expect, it } from "vitest";
import { evaluate } from "../../src/engine/result";
import type { Question } from "../../src/engine/schema";
import { headline } from "../../src/ui/texts";
import {
  CSM_ANSWERS,
  describeInBrowser,
  expectChecked,
  expectFocusOnHeading,
  expectNoProblems,
  expectResultShown,
  type Focused,
  focused,
  openQuiz,
  quiz,
  shownQuestions,
  stepTitle,
  TITLE,
  tabTo,
  useBrowser,
} from "./harness";

const isButton = (name: string) => (f: Focused) => f.tag === "button" && f.name === name;

describeInBrowser("the keyboard alone", () => {
  const browser = useBrowser();

  it("finishes the quiz, with focus on each new heading and the step in the title", async () => {
    const { page, context, problems } = await browser.open();
    // Proof that no pointer was used: Enter on a button fires a click, but no mousedown.
    await context.addInitScript(() => {
      const seen: string[] = [];
      (window as unknown as { pointerEvents: string[] }).pointerEvents = seen;
      for (const type of ["pointerdown", "mousedown", "touchstart"]) {
        addEventListener(type, () => seen.push(type), { capture: true });
      }
    });
    await openQuiz(page);
    expect(await page.title()).toBe(TITLE);

    await tabTo(page, isButton("Start the quiz"), "the Start button");
    await page.keyboard.press("Enter");

    const questions = shownQuestions(CSM_ANSWERS);
    for (const [i, q] of questions.entries()) {
      await expectFocusOnHeading(page, q.prompt);
      expect(await page.title()).toBe(stepTitle(`Question ${i + 1} of ${questions.length}`));
      if (i === 0) await missAndRecover(page);
      else await tabTo(page, (f) => f.tag === "input", "the first option");
      await answerByKeyboard(page, q, CSM_ANSWERS[q.id]);
      await expectChecked(page, q, CSM_ANSWERS[q.id]);
      const last = i === questions.length - 1;
      await tabTo(page, isButton(last ? "Review my answers" : "Next"), "the Next button");
      await page.keyboard.press("Enter");
    }

    await expectFocusOnHeading(page, "Check your answers");
    expect(await page.title()).toBe(stepTitle("Check your answers"));
    await tabTo(page, isButton("See my result"), "the See my result button");
    await page.keyboard.press("Enter");

    const result = evaluate(quiz, CSM_ANSWERS);
    await expectFocusOnHeading(page, headline(quiz, result));
    expect(await page.title()).toBe(stepTitle(`Your result: ${headline(quiz, result)}`));
    await expectResultShown(page, result);
    expect(
      await page.evaluate(() => (window as unknown as { pointerEvents: string[] }).pointerEvents),
    ).toEqual([]);
    expectNoProblems(problems);
  });
});

/**
 * On the first question: Next without an answer shows the error summary, which takes
 * focus; its link (Enter) moves focus to the first option.
 */
async function missAndRecover(page: Page) {
  await tabTo(page, isButton("Next"), "the Next button");
  await page.keyboard.press("Enter");
  await page.waitForFunction(() => document.activeElement?.classList.contains("cf-error-summary"));
  await tabTo(page, (f) => f.tag === "a", "the error summary's link");
  await page.keyboard.press("Enter");
  await page.waitForFunction(() => document.activeElement instanceof HTMLInputElement);
}

/** With focus on a question's first option: Space and arrows for radios, Space and Tab for checkboxes. */
async function answerByKeyboard(page: Page, q: Question, answer: unknown) {
  const now = await focused(page);
  expect(now.tag, "focus should be on an option").toBe("input");
  if (q.type === "multiple") {
    const wanted = answer as string[];
    for (const [i, option] of q.options.entries()) {
      if (i > 0) await page.keyboard.press("Tab");
      const here = await focused(page);
      expect(here.name).toBe(option.label);
      if (here.checked !== wanted.includes(option.id)) await page.keyboard.press("Space");
    }
    return;
  }
  // A radio group: Space checks the first option, then each arrow moves and checks.
  const index =
    q.type === "scale" ? Number(answer) - 1 : q.options.findIndex((o) => o.id === answer);
  await page.keyboard.press("Space");
  for (let i = 0; i < index; i++)
    await page.keyboard.press(q.type === "scale" ? "ArrowRight" : "ArrowDown");
}
