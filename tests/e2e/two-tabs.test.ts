// The same quiz in two tabs of one browser: each saves to the same place, so a tab that
// went on saving after the other had moved ahead would silently throw the other's answers
// away. Instead the tab that falls behind is told, and takes over with every answer.
import type { Page } from "playwright-core";
import { expect, it } from "vitest";
import {
  answerByMouse,
  button,
  CSM_ANSWERS,
  describeInBrowser,
  expectAccessible,
  expectNoProblems,
  heading,
  nextButton,
  openQuiz,
  shownQuestions,
  useBrowser,
  waitForStep,
} from "./harness";

const QUESTIONS = shownQuestions(CSM_ANSWERS);
const OPEN_ELSEWHERE = "This quiz is open in another tab";

async function answerQuestions(page: Page, from: number, to: number) {
  for (const q of QUESTIONS.slice(from, to)) {
    await waitForStep(page, q.prompt);
    await answerByMouse(page, q, CSM_ANSWERS[q.id] ?? []);
    await nextButton(page).click();
  }
}

function savedAnswers(page: Page): Promise<Record<string, unknown>> {
  return page.evaluate(() => {
    const key = Object.keys(localStorage).find((k) => k.startsWith("coursefit:"));
    return key ? JSON.parse(localStorage.getItem(key) ?? "{}").answers : {};
  });
}

describeInBrowser("the same quiz in two tabs", () => {
  const browser = useBrowser();

  it("tells the tab left behind, and it takes over with the answers given in both", async () => {
    const { page: first, context, problems } = await browser.open();
    await openQuiz(first);
    await button(first, "Start the quiz").click();
    await answerQuestions(first, 0, 2);

    const second = await context.newPage();
    await openQuiz(second);
    await button(second, "Resume").click();
    await answerQuestions(second, 2, 4);
    await waitForStep(second, QUESTIONS[4]?.prompt ?? "?");

    // The first tab stopped, on a notice; answering there can no longer overwrite.
    await heading(first, OPEN_ELSEWHERE, 1).waitFor();
    expect(await first.getByRole("radio").count()).toBe(0);
    await expectAccessible(first, "the notice that the quiz is open in another tab");

    await button(first, "Continue here").click();
    await waitForStep(first, QUESTIONS[4]?.prompt ?? "?");
    await answerQuestions(first, 4, QUESTIONS.length);
    await waitForStep(first, "Check your answers");
    const every = Object.fromEntries(QUESTIONS.map((q) => [q.id, CSM_ANSWERS[q.id]]));
    expect(await savedAnswers(first)).toEqual(every);

    // Now the second tab is the one told, and taking over there finds every answer too.
    await heading(second, OPEN_ELSEWHERE, 1).waitFor();
    await button(second, "Continue here").click();
    await waitForStep(second, "Check your answers");
    expect(await second.locator("dl dd:not(.cf-summary-action)").count()).toBe(QUESTIONS.length);
    expect(await second.getByText("Not answered").count()).toBe(0);
    expectNoProblems(problems);
  });
});
