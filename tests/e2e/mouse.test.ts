// The quiz with the mouse: going back to change an answer, changing answers from the
// review and from the result. The page must agree with the engine's `evaluate` for the
// same answers every time.
import type { Page } from "playwright-core";
import { expect, it } from "vitest";
import { describeAnswer } from "../../src/engine/answers";
import { evaluate } from "../../src/engine/result";
import type { Answer, Answers } from "../../src/engine/schema";
import { headline } from "../../src/ui/texts";
import {
  answerByMouse,
  button,
  CSM_ANSWERS,
  describeInBrowser,
  expectChecked,
  expectNoProblems,
  expectResultShown,
  nextButton,
  openQuiz,
  question,
  quiz,
  shownQuestions,
  useBrowser,
  waitForStep,
} from "./harness";

describeInBrowser("the mouse", () => {
  const browser = useBrowser();

  it("goes back, changes answers in the questions, the review and after the result", async () => {
    const { page, problems } = await browser.open();
    await openQuiz(page);
    await button(page, "Start the quiz").click();

    // Answer up to "learn", then go back to "proud" and change it.
    const questions = shownQuestions(CSM_ANSWERS);
    const answers: Record<string, Answer> = { ...CSM_ANSWERS };
    const proud = question("proud");
    for (const q of questions.slice(0, questions.indexOf(proud) + 1)) {
      await waitForStep(page, q.prompt);
      await answerByMouse(page, q, CSM_ANSWERS[q.id] ?? "");
      await nextButton(page).click();
    }
    await waitForStep(page, question("learn").prompt);
    await button(page, "Back").click();
    await waitForStep(page, proud.prompt);
    await expectChecked(page, proud, CSM_ANSWERS.proud);
    answers.proud = ["improving-team", "happy-customers"];
    await answerByMouse(page, proud, answers.proud);
    await nextButton(page).click();
    for (const q of questions.slice(questions.indexOf(proud) + 1)) {
      await waitForStep(page, q.prompt);
      await answerByMouse(page, q, answers[q.id] ?? "");
      await nextButton(page).click();
    }

    await waitForStep(page, "Check your answers");
    await expectReviewShows(page, answers);

    // From the review: change the first answer, and come straight back to the review.
    const week = question("week");
    await button(page, `Change your answer to: ${week.prompt}`).click();
    await waitForStep(page, week.prompt);
    await expectChecked(page, week, "events");
    answers.week = "customers";
    await answerByMouse(page, week, answers.week);
    await button(page, "Save and return to review").click();
    await waitForStep(page, "Check your answers");
    await expectReviewShows(page, answers);

    await button(page, "See my result").click();
    const first = evaluate(quiz, answers);
    await waitForStep(page, headline(quiz, first));
    await expectResultShown(page, first);

    // After the result: change answers again until the recommendation turns.
    await button(page, "Change answers").click();
    await waitForStep(page, "Check your answers");
    const turned: Answers = {
      ...answers,
      "current-role": "product",
      learn: "customer-needs",
      conversations: "customers-stakeholders",
      "backlog-owner": 5,
      facilitator: 1,
    };
    for (const id of ["current-role", "learn", "backlog-owner", "facilitator", "conversations"]) {
      const q = question(id);
      await button(page, `Change your answer to: ${q.prompt}`).click();
      await waitForStep(page, q.prompt);
      await answerByMouse(page, q, turned[id] ?? "");
      await button(page, "Save and return to review").click();
      await waitForStep(page, "Check your answers");
    }
    await expectReviewShows(page, turned);
    await button(page, "See my result").click();
    const second = evaluate(quiz, turned);
    await waitForStep(page, headline(quiz, second));
    const shown = await expectResultShown(page, second);
    expect(second.recommendation).not.toEqual(first.recommendation);
    expect(new URL(page.url()).hash).toBe(new URL(shown.link).hash);
    expectNoProblems(problems);
  });
});

/** Each row of the review names the question and the answer in the words the taker saw. */
async function expectReviewShows(page: Page, answers: Answers) {
  const rows = await page
    .locator(".cf-summary-row")
    .evaluateAll((els) =>
      els.map((row) => [
        row.querySelector("dt")?.textContent ?? "",
        row.querySelector("dd")?.textContent ?? "",
      ]),
    );
  const expected = shownQuestions(answers).map((q) => [
    q.prompt,
    describeAnswer(q, answers[q.id] ?? ""),
  ]);
  expect(rows).toEqual(expected);
}
