// A result link (`#r=<token>`) opened elsewhere recomputes the same result from its
// answers; a damaged one says so plainly and still offers the quiz.
import { expect, it } from "vitest";
import { evaluate } from "../../src/engine/result";
import { decodeAnswers } from "../../src/engine/share";
import {
  baseUrl,
  button,
  CSM_ANSWERS,
  completeByMouse,
  describeInBrowser,
  expectNoProblems,
  expectResultShown,
  heading,
  openQuiz,
  question,
  quiz,
  shownResult,
  TITLE,
  useBrowser,
  waitForStep,
} from "./harness";

describeInBrowser("the result link", () => {
  const browser = useBrowser();

  it("shows the same result in a new browser context", async () => {
    const first = await browser.open();
    await openQuiz(first.page);
    const result = await completeByMouse(first.page, CSM_ANSWERS);
    const shown = await expectResultShown(first.page, result);
    expect(new URL(first.page.url()).hash).toBe(`#r=${result.token}`);

    const second = await browser.open();
    await second.page.goto(shown.link);
    await waitForStep(second.page, shown.headline);
    expect(await shownResult(second.page)).toEqual(shown);
    await expectResultShown(second.page, result);
    expectNoProblems(first.problems);
    expectNoProblems(second.problems);
  });

  /** A real token for this quiz, made by the engine, with one character in the middle changed. */
  const oneCharacterOff = () => {
    const token = evaluate(quiz, CSM_ANSWERS).token;
    const at = Math.floor(token.length / 2);
    return `${token.slice(0, at)}${token[at] === "A" ? "B" : "A"}${token.slice(at + 1)}`;
  };

  it.each([
    ["garbage", () => "garbage"],
    ["a valid token with one character changed", oneCharacterOff],
  ])("refuses %s with a readable message and offers the quiz", async (_, make) => {
    const token = make();
    const decoded = decodeAnswers(quiz, token);
    expect(decoded.ok, "the damaged token must really be damaged").toBe(false);

    const { page, problems } = await browser.open();
    await page.goto(`${baseUrl}#r=${token}`);
    const notice = page.getByRole("region", { name: "This result link cannot be opened" });
    await notice.waitFor();
    const message = (await notice.locator("p").first().textContent()) ?? "";
    expect(message).toBe(decoded.ok ? "" : decoded.error.message);
    expect(message).toMatch(/^[A-Z][^{}<>]{19,}\.$/);
    expect(message).not.toMatch(/undefined|null|NaN|\[object|Error:|\n\s+at /);
    expect(await page.title()).toBe(TITLE);

    await button(page, "Start the quiz").click();
    await waitForStep(page, question("week").prompt);
    expect(await notice.count()).toBe(0);
    expect(await heading(page, "This result link cannot be opened", 2).count()).toBe(0);
    expectNoProblems(problems);
  });
});
