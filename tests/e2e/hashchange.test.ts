// Another result link opened in the same tab (only the fragment changes, so the page does
// not load again) shows that result: on the quiz page, in the element on a trainer's page
// and in the iframe. Before, each kept showing the result it had opened with.
import type { Page } from "playwright-core";
import { expect, it } from "vitest";
import { evaluate, type Result } from "../../src/engine/result";
import type { Answers, Quiz } from "../../src/engine/schema";
import { headline } from "../../src/ui/texts";
import { loadQuiz } from "../helpers/quiz";
import {
  BALANCED_ANSWERS,
  baseUrl,
  CSM_ANSWERS,
  describeInBrowser,
  expectNoProblems,
  expectResultShown,
  quiz,
  useBrowser,
  waitForHydration,
} from "./harness";
import { useHost } from "./host";

const OWN_QUIZ = loadQuiz("tests/fixtures/valid/minimal.yaml");
const OWN_BETA: Answers = {
  day: "plan",
  tools: ["roadmap"],
  "hands-on": 1,
  "plan-kind": "releases",
};
const OWN_ALPHA: Answers = { day: "build", tools: ["editor"], "hands-on": 3 };

const page = (body: string, head = "") => `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Our courses</title>
<link rel="icon" href="favicon.svg">${head}</head>
<body><main><h1>Our courses</h1>${body}</main></body></html>`;

const HOST_FILES = {
  "favicon.svg": '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 1 1"/>',
  "own.html": page(
    '<coursefit-quiz src="{{host}}/my-quiz.yaml"></coursefit-quiz>',
    '<script type="module" src="{{quiz}}/embed.js"></script>',
  ),
  "frame.html": page(
    '<iframe id="quiz" src="{{quiz}}/embed.html?quiz=csm-vs-cspo" title="Quiz"></iframe>',
  ),
  "my-quiz.yaml": (await import("node:fs")).readFileSync(
    "tests/fixtures/valid/minimal.yaml",
    "utf8",
  ),
  "source.txt": (await import("node:fs")).readFileSync("tests/fixtures/valid/source.txt", "utf8"),
};

/** The headline a result shows, at any heading level. */
const shows = (scope: Page, of: Quiz, result: Result) =>
  scope.getByRole("heading", { name: headline(of, result), exact: true }).waitFor();

describeInBrowser("another result link in the same tab", () => {
  const browser = useBrowser();
  const { host } = useHost(HOST_FILES);

  it("on the quiz page shows that result, and Back shows the first again", async () => {
    const { page, problems } = await browser.open();
    const csm = evaluate(quiz, CSM_ANSWERS);
    const balanced = evaluate(quiz, BALANCED_ANSWERS);
    expect(headline(quiz, csm)).not.toBe(headline(quiz, balanced));
    await page.goto(`${baseUrl}#r=${csm.token}`);
    await waitForHydration(page);
    await expectResultShown(page, csm);

    await page.goto(`${baseUrl}#r=${balanced.token}`);
    await shows(page, quiz, balanced);
    await expectResultShown(page, balanced);
    await page.goBack();
    await shows(page, quiz, csm);
    await expectResultShown(page, csm);
    expectNoProblems(problems);
  });

  it("in the element on a trainer's page shows that result", async () => {
    const { page, problems } = await browser.open();
    const beta = evaluate(OWN_QUIZ, OWN_BETA);
    const alpha = evaluate(OWN_QUIZ, OWN_ALPHA);
    expect(headline(OWN_QUIZ, beta)).not.toBe(headline(OWN_QUIZ, alpha));
    await page.goto(`${host.url}own.html#r=${beta.token}`);
    await shows(page, OWN_QUIZ, beta);
    await page.evaluate((token) => {
      location.hash = `#r=${token}`;
    }, alpha.token);
    await shows(page, OWN_QUIZ, alpha);
    // A link this element cannot read (another quiz's) leaves it as it is.
    await page.evaluate((token) => {
      location.hash = `#r=${token}`;
    }, evaluate(quiz, CSM_ANSWERS).token);
    await page.waitForTimeout(300);
    await shows(page, OWN_QUIZ, alpha);
    expectNoProblems(problems);
  });

  it("in the iframe, when the host points it at another result", async () => {
    const { page, problems } = await browser.open();
    const csm = evaluate(quiz, CSM_ANSWERS);
    const balanced = evaluate(quiz, BALANCED_ANSWERS);
    await page.goto(`${host.url}frame.html`);
    const frame = page.frameLocator("#quiz");
    await frame.getByRole("button", { name: "Start the quiz" }).waitFor();
    for (const result of [csm, balanced]) {
      await page.locator("#quiz").evaluate((iframe: HTMLIFrameElement, token) => {
        iframe.src = `${iframe.src.split("#")[0]}#r=${token}`;
      }, result.token);
      await frame.getByRole("heading", { name: headline(quiz, result), exact: true }).waitFor();
    }
    expectNoProblems(problems);
  });
});
