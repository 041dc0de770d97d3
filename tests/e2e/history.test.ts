// The browser's Back and Forward move between the quiz's steps on its own page, answers
// kept; on a trainer's page the element adds nothing to the host's history.
import { expect, it } from "vitest";
import { evaluate } from "../../src/engine/result";
import { headline } from "../../src/ui/texts";
import {
  answerAllByMouse,
  answerByMouse,
  button,
  CSM_ANSWERS,
  describeInBrowser,
  expectChecked,
  expectNoProblems,
  expectResultShown,
  heading,
  nextButton,
  openQuiz,
  question,
  quiz,
  TITLE,
  useBrowser,
  waitForStep,
} from "./harness";
import { useHost } from "./host";

const ELEMENT_PAGE = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Our courses</title>
<link rel="icon" href="favicon.svg">
<script type="module" src="{{quiz}}/embed.js"></script></head>
<body><main><h1>Our courses</h1><coursefit-quiz quiz="csm-vs-cspo"></coursefit-quiz></main></body></html>`;

describeInBrowser("browser Back and Forward", () => {
  const browser = useBrowser();
  const { host } = useHost({
    "index.html": ELEMENT_PAGE,
    "favicon.svg": '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 1 1"/>',
  });

  it("move between questions and the intro on the quiz page, answers kept", async () => {
    const { page, problems } = await browser.open();
    await openQuiz(page);
    const [week, stalled] = [question("week"), question("stalled")];
    await button(page, "Start the quiz").click();
    await waitForStep(page, week.prompt);
    await answerByMouse(page, week, "events");
    await nextButton(page).click();
    await waitForStep(page, stalled.prompt);

    await page.goBack();
    await waitForStep(page, week.prompt);
    await expectChecked(page, week, "events");
    await page.goBack();
    await waitForStep(page, TITLE);
    // Still our page: Back moved inside it, it did not leave.
    expect(new URL(page.url()).pathname).toBe("/");

    await page.goForward();
    await waitForStep(page, week.prompt);
    await page.goForward();
    await waitForStep(page, stalled.prompt);
    expectNoProblems(problems);
  });

  it("go from the result to the review and forward again, with its #r= address", async () => {
    const { page, problems } = await browser.open();
    await openQuiz(page);
    await button(page, "Start the quiz").click();
    await answerAllByMouse(page, CSM_ANSWERS);
    await button(page, "See my result").click();
    const expected = evaluate(quiz, CSM_ANSWERS);
    await waitForStep(page, headline(quiz, expected));
    expect(new URL(page.url()).hash).toBe(`#r=${expected.token}`);

    await page.goBack();
    await waitForStep(page, "Check your answers");
    expect(new URL(page.url()).hash).toBe("");
    await page.goForward();
    await waitForStep(page, headline(quiz, expected));
    expect(new URL(page.url()).hash).toBe(`#r=${expected.token}`);
    await expectResultShown(page, expected);
    // One step further back than the review: the last question.
    await page.goBack();
    await page.goBack();
    await waitForStep(page, question("alongside").prompt);
    expectNoProblems(problems);
  });

  it("do not step through a question that now lacks a required answer", async () => {
    const { page, problems } = await browser.open();
    await openQuiz(page);
    const week = question("week");
    await button(page, "Start the quiz").click();
    await waitForStep(page, week.prompt);
    await answerByMouse(page, week, "events");
    await nextButton(page).click();
    await waitForStep(page, question("stalled").prompt);
    await page.goBack();
    await waitForStep(page, week.prompt);
    await page.goBack();
    await waitForStep(page, TITLE);
    // Start again afresh: the old steps are gone, and Forward must not show an error.
    await button(page, "Start the quiz").click();
    await waitForStep(page, week.prompt);
    await page.goBack();
    await waitForStep(page, TITLE);
    await page.goForward();
    await waitForStep(page, week.prompt);
    expect(await page.getByRole("alert").count()).toBe(0);
    expectNoProblems(problems);
  });

  it("are the host's own on a trainer's page: the element adds no entries", async () => {
    const { page, problems } = await browser.open();
    await page.goto(`${host.url}index.html`);
    const step = (name: string) => page.getByRole("heading", { level: 2, name, exact: true });
    await step(TITLE).waitFor();
    const before = await page.evaluate(() => history.length);
    await button(page, "Start the quiz").click();
    const week = question("week");
    await step(week.prompt).waitFor();
    await answerByMouse(page, week, "events");
    await nextButton(page).click();
    await step(question("stalled").prompt).waitFor();
    expect(await page.evaluate(() => history.length)).toBe(before);
    expect(await heading(page, "Our courses").isVisible()).toBe(true);
    expectNoProblems(problems);
  });
});
