// axe-core (WCAG 2.0-2.2 A and AA, and best practice) on every screen the quiz can show,
// in the light and the dark colour scheme. Each screen is a soft assertion, so one run
// lists every screen's violations.
import type { Page } from "playwright-core";
import { expect, it } from "vitest";
import { evaluate } from "../../src/engine/result";
import { encodeAnswers } from "../../src/engine/share";
import { axeViolations } from "./browser";
import {
  answerAllByMouse,
  answerByMouse,
  BALANCED_ANSWERS,
  baseUrl,
  button,
  CSM_ANSWERS,
  completeByMouse,
  describeInBrowser,
  expectAccessible,
  expectNoProblems,
  expectResultShown,
  heading,
  nextButton,
  openQuiz,
  optionInput,
  question,
  quiz,
  useBrowser,
  waitForStep,
} from "./harness";

describeInBrowser("axe itself", () => {
  const browser = useBrowser();

  it("reports violations planted in the page, so its silence means something", async () => {
    const { page, problems } = await browser.open();
    await openQuiz(page);
    await page.evaluate(() => {
      // Styled through the CSSOM: the page's CSP refuses style attributes in markup.
      const faint = document.createElement("p");
      faint.textContent = "faint";
      faint.style.color = "#bbb";
      faint.style.background = "#fff";
      const image = document.createElement("img");
      image.src = "/favicon.svg";
      document.querySelector("main")?.append(faint, image);
    });
    const ids = (await axeViolations(page)).map((v) => v.id).sort();
    expect(ids).toEqual(["color-contrast", "image-alt"]);
    expectNoProblems(problems);
  });
});

for (const colorScheme of ["light", "dark"] as const) {
  describeInBrowser(`accessibility, ${colorScheme} colour scheme`, () => {
    const browser = useBrowser();
    const open = () => browser.open({ colorScheme });
    const check = (page: Page, screen: string) =>
      expectAccessible(page, `${screen} (${colorScheme})`);

    it("has no violations on the intro and every kind of question, with and without errors", async () => {
      const { page, problems } = await open();
      await openQuiz(page);
      // The scheme took effect: the dark run is not the light one again.
      const background = await page
        .locator(".cf")
        .evaluate((el) => getComputedStyle(el).backgroundColor);
      expect(background).toBe(colorScheme === "dark" ? "rgb(22, 22, 26)" : "rgb(255, 255, 255)");
      await check(page, "the intro");

      await button(page, "Start the quiz").click();
      const week = question("week");
      await waitForStep(page, week.prompt);
      await check(page, "a single-choice question, unanswered");
      await nextButton(page).click();
      await page.locator(".cf-error-summary").waitFor();
      await check(page, "a single-choice question with the error summary");
      await answerByMouse(page, week, "events");
      await page.locator(".cf-error-summary").waitFor({ state: "detached" });
      await check(page, "a single-choice question, answered");
      await nextButton(page).click();

      await waitForStep(page, question("stalled").prompt);
      await answerByMouse(page, question("stalled"), "obstacle");
      await nextButton(page).click();
      await waitForStep(page, question("current-role").prompt);
      await answerByMouse(page, question("current-role"), "other");
      await nextButton(page).click();
      await waitForStep(page, question("other-role").prompt);
      await check(page, "a conditional question saying why it is asked");
      await answerByMouse(page, question("other-role"), "delivery");
      await nextButton(page).click();

      const proud = question("proud");
      await waitForStep(page, proud.prompt);
      await answerByMouse(page, proud, ["improving-team", "smooth-events"]);
      await check(page, "a multiple-choice question, answered");
      await optionInput(page, proud, "value").click();
      // Said inline beside the options, not as an error.
      await page.getByText("You can choose up to 2.", { exact: false }).waitFor();
      await check(page, "a multiple-choice question at its limit");
      await nextButton(page).click();

      await waitForStep(page, question("learn").prompt);
      await answerByMouse(page, question("learn"), "scrum-depth");
      await nextButton(page).click();
      const scale = question("backlog-owner");
      await waitForStep(page, scale.prompt);
      await check(page, "a scale question, unanswered");
      await answerByMouse(page, scale, 4);
      await check(page, "a scale question, answered");
      expectNoProblems(problems);
    });

    it("has no violations on the review, with an error, and on both kinds of result", async () => {
      const { page, problems } = await open();
      await openQuiz(page);
      await button(page, "Start the quiz").click();
      await answerAllByMouse(page, CSM_ANSWERS);
      await check(page, "the review");
      await button(page, "See my result").click();
      await page.locator(".cf-result").waitFor();
      await check(page, "a result with a recommendation");
      expectNoProblems(problems);

      // A link whose answers leave a question out opens on the review; submitting names it.
      const { learn: _, ...partial } = CSM_ANSWERS;
      const incomplete = await open();
      await incomplete.page.goto(`${baseUrl}#r=${encodeAnswers(quiz, partial)}`);
      await waitForStep(incomplete.page, "Check your answers");
      await button(incomplete.page, "See my result").click();
      await incomplete.page.locator(".cf-error-summary").waitFor();
      await check(incomplete.page, "the review with an error");

      // The error's link leads to the missing answer's Change button, and on to the result.
      const learn = question("learn");
      await incomplete.page.locator(".cf-error-summary a").click();
      expect(await incomplete.page.evaluate(() => document.activeElement?.textContent)).toBe(
        `Change your answer to: ${learn.prompt}`,
      );
      await incomplete.page.keyboard.press("Enter");
      await waitForStep(incomplete.page, learn.prompt);
      await answerByMouse(incomplete.page, learn, CSM_ANSWERS.learn ?? "");
      await button(incomplete.page, "Save and return to review").click();
      await waitForStep(incomplete.page, "Check your answers");
      await button(incomplete.page, "See my result").click();
      await incomplete.page.locator(".cf-result").waitFor();
      await expectResultShown(incomplete.page, evaluate(quiz, CSM_ANSWERS));
      expectNoProblems(incomplete.problems);

      const balanced = await open();
      await openQuiz(balanced.page);
      await completeByMouse(balanced.page, BALANCED_ANSWERS);
      await check(balanced.page, "a balanced result");
      expectNoProblems(balanced.problems);
    });

    it("has no violations with each notice: resume, storage and a bad link", async () => {
      const resume = await open();
      await openQuiz(resume.page);
      await button(resume.page, "Start the quiz").click();
      await waitForStep(resume.page, question("week").prompt);
      await answerByMouse(resume.page, question("week"), "events");
      await resume.page.reload();
      await heading(resume.page, "Welcome back", 2).waitFor();
      await check(resume.page, "the resume notice");
      await button(resume.page, "Start again").click();
      await heading(resume.page, "Start again?", 2).waitFor();
      await check(resume.page, "the resume notice asking before it deletes the answers");
      expectNoProblems(resume.problems);

      const storage = await open();
      await storage.context.addInitScript(() => {
        Storage.prototype.setItem = () => {
          throw new DOMException("The quota has been exceeded.", "QuotaExceededError");
        };
      });
      await openQuiz(storage.page);
      await button(storage.page, "Start the quiz").click();
      await heading(storage.page, "Progress will not be saved", 2).waitFor();
      await check(storage.page, "the storage notice on a question");
      expectNoProblems(storage.problems);

      const link = await open();
      await link.page.goto(`${baseUrl}#r=garbage`);
      await heading(link.page, "This result link cannot be opened", 2).waitFor();
      await check(link.page, "the bad link notice");
      expectNoProblems(link.problems);
    });
  });
}
