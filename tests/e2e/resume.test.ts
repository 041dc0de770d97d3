// Closing or reloading the tab mid-quiz loses nothing: the page offers to resume, and
// resuming returns to the same question with the same answers.
import { expect, it } from "vitest";
import { headline } from "../../src/ui/texts";
import {
  answerByMouse,
  button,
  CSM_ANSWERS,
  completeByMouse,
  describeInBrowser,
  expectChecked,
  expectFocusOnHeading,
  expectNoProblems,
  heading,
  nextButton,
  openQuiz,
  question,
  quiz,
  shownQuestions,
  stepTitle,
  TITLE,
  useBrowser,
  waitForStep,
} from "./harness";

describeInBrowser("reloading mid-quiz", () => {
  const browser = useBrowser();

  it("offers to resume, and resumes at the same question with the same answers", async () => {
    const { page, problems } = await browser.open();
    await openQuiz(page);
    await button(page, "Start the quiz").click();
    const questions = shownQuestions(CSM_ANSWERS);
    const proud = question("proud");
    const at = questions.indexOf(proud);
    for (const q of questions.slice(0, at)) {
      await waitForStep(page, q.prompt);
      await answerByMouse(page, q, CSM_ANSWERS[q.id] ?? "");
      await nextButton(page).click();
    }
    // On "proud": answered, but not yet moved on.
    await waitForStep(page, proud.prompt);
    await answerByMouse(page, proud, CSM_ANSWERS.proud ?? []);

    await page.reload();
    await heading(page, "Welcome back", 2).waitFor();
    await button(page, "Resume").click();
    await waitForStep(page, proud.prompt);
    await expectFocusOnHeading(page, proud.prompt);
    expect(await page.title()).toBe(stepTitle(`Question ${at + 1} of ${questions.length}`));
    expect(await heading(page, "Welcome back", 2).count()).toBe(0);
    await expectChecked(page, proud, CSM_ANSWERS.proud);
    // The earlier answers are there too.
    for (const q of questions.slice(0, at).reverse()) {
      await button(page, "Back").click();
      await waitForStep(page, q.prompt);
      await expectChecked(page, q, CSM_ANSWERS[q.id]);
    }
    expectNoProblems(problems);
  });

  it("starts again when asked and confirmed, with nothing kept", async () => {
    const { page, problems } = await browser.open();
    await openQuiz(page);
    await button(page, "Start the quiz").click();
    const week = question("week");
    await waitForStep(page, week.prompt);
    await answerByMouse(page, week, "events");

    await page.reload();
    await heading(page, "Welcome back", 2).waitFor();
    await button(page, "Start again").click();
    await button(page, "Delete them and start again").click();
    await expectFocusOnHeading(page, TITLE);
    expect(await heading(page, "Welcome back", 2).count()).toBe(0);

    await openQuiz(page);
    expect(await heading(page, "Welcome back", 2).count()).toBe(0);
    await button(page, "Start the quiz").click();
    await waitForStep(page, week.prompt);
    await expectChecked(page, week, undefined);
    expectNoProblems(problems);
  });

  it("says a finished quiz is finished after a reload, with one primary button: its result", async () => {
    const { page, problems } = await browser.open();
    await openQuiz(page);
    const expected = await completeByMouse(page, CSM_ANSWERS);
    // The address without the result's fragment: a plain return to the quiz page.
    await page.goto(page.url().replace(/#.*$/, ""));
    const notice = page.getByRole("region", { name: "Welcome back" });
    await notice.waitFor();
    expect(await notice.textContent()).toContain("You finished this quiz.");
    expect(await notice.textContent()).not.toContain("in progress");
    expect(await page.locator(".cf-primary").allTextContents()).toEqual(["See my result"]);
    expect(await button(page, "Start the quiz").count()).toBe(0);
    await button(page, "See my result").click();
    await waitForStep(page, headline(quiz, expected));
    expectNoProblems(problems);
  });
});
