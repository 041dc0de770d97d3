// <coursefit-quiz> on a trainer's page: another origin under a strict policy, with the
// trainer's own styles, links, listeners and quiz files. The element runs in the host
// page, so its console errors, page errors and CSP violations are the host page's.
import { readFileSync } from "node:fs";
import type { Locator, Page } from "playwright-core";
import { expect, it } from "vitest";
import { visibleQuestions } from "../../src/engine/answers";
import type { Result } from "../../src/engine/result";
import type { Answer, Answers, Question } from "../../src/engine/schema";
import { headline } from "../../src/ui/texts";
import { loadQuiz } from "../helpers/quiz";
import { watchedPage } from "./browser";
import { answerAll, button, complete, give, stepHeading, submit } from "./element-steps";
import {
  BALANCED_ANSWERS,
  CSM_ANSWERS,
  describeInBrowser,
  expectAccessible,
  expectNoProblems,
  quiz,
  TITLE,
  useBrowser,
} from "./harness";
import { useHost } from "./host";

const fixture = (path: string) => readFileSync(`tests/fixtures/${path}`, "utf8");

/** A trainer's own quiz (the validator's compact valid fixture), served beside its source. */
const OWN_QUIZ = loadQuiz("tests/fixtures/valid/minimal.yaml");
/** Leans to Beta, through the question only shown after "plan". */
const OWN_ANSWERS: Answers = {
  day: "plan",
  tools: ["roadmap"],
  "hands-on": 1,
  "plan-kind": "releases",
};

function hostPage({
  body,
  css = [],
  script = true,
}: {
  body: string;
  css?: string[];
  script?: boolean;
}) {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>Our Scrum courses</title>
<link rel="icon" href="favicon.svg">
${script ? '<script type="module" src="{{quiz}}/embed.js"></script>' : ""}
${css.map((file) => `<link rel="stylesheet" href="${file}">`).join("\n")}
</head>
<body><main>
<h1>Our Scrum courses</h1>
${body}
<p id="dates">Next course: 3 March.</p>
</main></body>
</html>
`;
}

const LINKS =
  '<a slot="outcome-csm" href="https://trainer.example/csm">Book our CSM course</a>' +
  '<a slot="outcome-cspo" href="https://trainer.example/cspo">Book our CSPO course</a>';
const ELEMENT = `<coursefit-quiz quiz="csm-vs-cspo">${LINKS}</coursefit-quiz>`;
const HOST_BUTTON = '<p><button type="button" id="host-button">Call us</button></p>';
const BROKEN_BODY = '<coursefit-quiz src="broken-quiz.yaml"></coursefit-quiz>';

const HOST_FILES: Record<string, string> = {
  "index.html": hostPage({ body: ELEMENT }),
  "plain.html": hostPage({ body: `${ELEMENT}\n${HOST_BUTTON}` }),
  "styled.html": hostPage({ body: `${ELEMENT}\n${HOST_BUTTON}`, css: ["hostile.css"] }),
  "bare.html": hostPage({ body: HOST_BUTTON, script: false }),
  "hostile.css":
    "button { background: hotpink !important; font-family: serif }\nh2 { color: green }\n* { letter-spacing: 3px }\n",
  "themed.html": hostPage({
    body: `${ELEMENT}\n<coursefit-quiz id="branded" quiz="csm-vs-cspo" persist="off"></coursefit-quiz>`,
    css: ["theme.css"],
  }),
  "theme.css":
    "coursefit-quiz { --cf-accent: #7a1fa2; --cf-radius: 0px; color-scheme: dark }\n" +
    "#branded { --cf-text: rgb(10, 20, 30); --cf-background: rgb(250, 240, 230); --cf-font: Georgia, serif; color-scheme: light }\n",
  "two.html": hostPage({
    body: '<coursefit-quiz id="one" quiz="csm-vs-cspo"></coursefit-quiz>\n<coursefit-quiz id="two" quiz="csm-vs-cspo"></coursefit-quiz>',
  }),
  "spelled.html": hostPage({
    body: '<coursefit-quiz></coursefit-quiz>\n<coursefit-quiz quiz="csm-vs-cspo"></coursefit-quiz>',
  }),
  "quiet.html": hostPage({
    body: '<coursefit-quiz quiz="csm-vs-cspo" persist="off"></coursefit-quiz>',
  }),
  "own.html": hostPage({ body: '<coursefit-quiz src="{{host}}/my-quiz.yaml"></coursefit-quiz>' }),
  "broken.html": hostPage({ body: BROKEN_BODY }),
  "missing.html": hostPage({ body: '<coursefit-quiz src="no-such-quiz.yaml"></coursefit-quiz>' }),
  "latin1.html": hostPage({ body: '<coursefit-quiz src="caf%E9.yaml"></coursefit-quiz>' }),
  // Without one, Chromium asks for /favicon.ico at some point and logs the 404 as an error.
  "favicon.svg": '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 1 1"/>',
  "my-quiz.yaml": fixture("valid/minimal.yaml"),
  "broken-quiz.yaml": fixture("invalid/quote-not-verbatim.yaml"),
  "source.txt": fixture("valid/source.txt"),
};

type Heard = { type: string; target: string; bubbles: boolean; composed: boolean; detail: unknown };

/** Listens on `document`, as a trainer's script would, from before the page loads. */
async function listenForEvents(page: Page) {
  await page.addInitScript(() => {
    const heard: unknown[] = [];
    (window as unknown as { heard: unknown[] }).heard = heard;
    for (const type of ["coursefit-start", "coursefit-answer", "coursefit-complete"]) {
      document.addEventListener(type, (event) => {
        const target = event.target as Element;
        heard.push({
          type,
          target: target.id || target.localName,
          bubbles: event.bubbles,
          composed: event.composed,
          detail: JSON.parse(JSON.stringify((event as CustomEvent).detail)),
        });
      });
    }
  });
  return () => page.evaluate(() => (window as unknown as { heard: Heard[] }).heard);
}

/** The outcome slots the result shows, with what the host assigned to each. */
function shownSlots(element: Locator) {
  return element.evaluate((el) =>
    [...(el.shadowRoot?.querySelectorAll(".cf-result-next slot") ?? [])].map((slot) => ({
      name: (slot as HTMLSlotElement).name,
      assigned: (slot as HTMLSlotElement).assignedElements().map((a) => a.textContent),
    })),
  );
}

function savedKeys(page: Page) {
  return page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith("coursefit")));
}

const same = (value: unknown) => JSON.parse(JSON.stringify(value));

describeInBrowser("the <coursefit-quiz> element on a trainer's page", () => {
  const browser = useBrowser();
  const { host, quizOrigin } = useHost(HOST_FILES);

  it("is completed on another origin under a strict policy: the trainer's link, and the events on document", async () => {
    const { page, context, problems } = await browser.open();
    const heard = await listenForEvents(page);
    await page.goto(`${host.url}index.html`);
    expect(new URL(host.url).origin).not.toBe(quizOrigin);
    const element = page.locator("coursefit-quiz");
    await stepHeading(page, TITLE).waitFor();

    const expected = await complete(page, quiz, CSM_ANSWERS);
    expect(expected.recommendation).toMatchObject({ kind: "outcome", outcome: "csm" });

    // The next step: the trainer's CSM link, slotted in; the CSPO one is not shown.
    expect(await shownSlots(element)).toEqual([
      { name: "outcome-csm", assigned: ["Book our CSM course"] },
    ]);
    const booking = page.getByRole("link", { name: "Book our CSM course" });
    expect(await booking.isVisible()).toBe(true);
    expect(await booking.getAttribute("href")).toBe("https://trainer.example/csm");
    expect(await page.getByRole("link", { name: "Book our CSPO course" }).isVisible()).toBe(false);

    const events = await heard();
    for (const event of events)
      expect(event, event.type).toMatchObject({
        target: "coursefit-quiz",
        bubbles: true,
        composed: true,
      });
    expect(events[0]).toEqual(
      expect.objectContaining({ type: "coursefit-start", detail: { quiz: quiz.id } }),
    );
    expect(events.filter((e) => e.type === "coursefit-start")).toHaveLength(1);

    const answered = events
      .filter((e) => e.type === "coursefit-answer")
      .map((e) => e.detail as { quiz: string; question: string; answer: Answer; answers: Answers });
    expect(new Set(answered.map((a) => a.quiz))).toEqual(new Set([quiz.id]));
    // One event per choice made (a multiple choice gives one per tick), in the order shown.
    expect([...new Set(answered.map((a) => a.question))]).toEqual(
      visibleQuestions(quiz, CSM_ANSWERS).map((q) => q.id),
    );
    const last = Object.fromEntries(answered.map((a) => [a.question, a.answer]));
    expect(last).toEqual(CSM_ANSWERS);
    expect(answered.at(-1)?.answers).toEqual(CSM_ANSWERS);

    const completed = events.filter((e) => e.type === "coursefit-complete");
    expect(completed).toHaveLength(1);
    expect(events.at(-1)?.type).toBe("coursefit-complete");
    // The link reopens the result where it was taken: this page, with the trainer's links.
    const link = `${host.url}index.html#r=${expected.token}`;
    expect(completed[0]?.detail).toEqual(same({ ...expected, link }));

    const opened = await watchedPage(context);
    await opened.page.goto(link);
    await stepHeading(opened.page, headline(quiz, expected)).waitFor();
    expect(await opened.page.getByRole("link", { name: "Book our CSM course" }).isVisible()).toBe(
      true,
    );
    expectNoProblems(opened.problems);

    expectNoProblems(problems);
  });

  it("is not restyled by the host page's CSS, and its own CSS stays inside", async () => {
    const { page, problems } = await browser.open();
    const looks = async (file: string) => {
      await page.goto(`${host.url}${file}`);
      const start = button(page.locator("coursefit-quiz"), "Start the quiz");
      await start.waitFor();
      const quizLooks = await start.evaluate((el) => {
        const style = (e: Element) => {
          const s = getComputedStyle(e);
          return {
            background: `${s.backgroundColor} ${s.backgroundImage}`,
            color: s.color,
            font: `${s.fontStyle} ${s.fontWeight} ${s.fontSize} ${s.fontFamily}`,
            letterSpacing: s.letterSpacing,
            radius: s.borderRadius,
            padding: s.padding,
          };
        };
        const root = el.getRootNode() as ShadowRoot;
        return {
          start: style(el),
          heading: style(root.querySelector("h2") as Element),
          text: style(root.querySelector(".cf-intro p") as Element),
        };
      });
      const hostButton = await page.locator("#host-button").evaluate((el) => {
        const s = getComputedStyle(el);
        return {
          background: s.backgroundColor,
          font: `${s.fontWeight} ${s.fontSize} ${s.fontFamily}`,
          radius: s.borderRadius,
          padding: s.padding,
        };
      });
      return { quizLooks, hostButton };
    };

    const plain = await looks("plain.html");
    const styled = await looks("styled.html");
    expect(styled.quizLooks).toEqual(plain.quizLooks);
    expect(plain.quizLooks.start.background).toBe("rgb(29, 95, 191) none");

    // The host's own button: the host's style with the host's CSS, the browser's without.
    expect(styled.hostButton.background).toBe("rgb(255, 105, 180)");
    expect(styled.hostButton.font).toMatch(/ serif$/);
    await page.goto(`${host.url}bare.html`);
    const bare = await page.locator("#host-button").evaluate((el) => {
      const s = getComputedStyle(el);
      return {
        background: s.backgroundColor,
        font: `${s.fontWeight} ${s.fontSize} ${s.fontFamily}`,
        radius: s.borderRadius,
        padding: s.padding,
      };
    });
    expect(plain.hostButton).toEqual(bare);
    expectNoProblems(problems);
  });

  it("takes the host's theme: custom properties and color-scheme", async () => {
    const { page, problems } = await browser.open();
    const looks = (element: Locator) =>
      button(element, "Start the quiz").evaluate((el) => {
        const s = getComputedStyle(el);
        const cf = getComputedStyle(
          (el.getRootNode() as ShadowRoot).querySelector(".cf") as Element,
        );
        return {
          start: { background: s.backgroundColor, radius: s.borderRadius },
          quiz: { background: cf.backgroundColor, color: cf.color, font: cf.fontFamily },
        };
      });

    await page.goto(`${host.url}index.html`);
    const defaults = await looks(page.locator("coursefit-quiz"));
    expect(defaults).toEqual({
      start: { background: "rgb(29, 95, 191)", radius: "6px" },
      quiz: {
        background: "rgb(255, 255, 255)",
        color: "rgb(27, 27, 31)",
        font: expect.stringMatching(/^system-ui/),
      },
    });

    await page.goto(`${host.url}themed.html`);
    const themed = await looks(page.locator("coursefit-quiz").first());
    expect(themed).toEqual({
      start: { background: "rgb(122, 31, 162)", radius: "0px" },
      // Dark: the quiz's own dark background and text.
      quiz: {
        background: "rgb(22, 22, 26)",
        color: "rgb(236, 236, 241)",
        font: defaults.quiz.font,
      },
    });
    const branded = await looks(page.locator("#branded"));
    expect(branded).toEqual({
      start: { background: "rgb(122, 31, 162)", radius: "0px" },
      quiz: { background: "rgb(250, 240, 230)", color: "rgb(10, 20, 30)", font: "Georgia, serif" },
    });
    expectNoProblems(problems);
  });

  it("runs two elements on one page independently", async () => {
    const { page, problems } = await browser.open();
    const heard = await listenForEvents(page);
    await page.goto(`${host.url}two.html`);
    const [one, two] = [page.locator("#one"), page.locator("#two")];
    const [week] = visibleQuestions(quiz, CSM_ANSWERS);
    if (!week) throw new Error("the quiz shows no questions");

    await button(one, "Start the quiz").click();
    await give(one, week, CSM_ANSWERS[week.id] as Answer);
    await button(one, "Next").click();
    const second = visibleQuestions(quiz, CSM_ANSWERS)[1] as Question;
    await stepHeading(one, second.prompt).waitFor();
    expect(await stepHeading(two, TITLE).isVisible()).toBe(true);
    expect(await two.locator("fieldset").count()).toBe(0);

    const balanced = await complete(two, quiz, BALANCED_ANSWERS);
    expect(balanced.recommendation.kind).toBe("balanced");
    // The first is where it was left.
    expect(await stepHeading(one, second.prompt).isVisible()).toBe(true);
    await answerAll(one, quiz, CSM_ANSWERS, 1);
    const csm = await submit(one, quiz, CSM_ANSWERS);
    expect(await stepHeading(two, headline(quiz, balanced)).isVisible()).toBe(true);

    const completed = (await heard()).filter((e) => e.type === "coursefit-complete");
    expect(completed.map((e) => [e.target, (e.detail as Result).token])).toEqual([
      ["two", balanced.token],
      ["one", csm.token],
    ]);
    // Each keeps its own progress, told apart by its id.
    const keys = await page.evaluate(() =>
      Object.keys(localStorage)
        .filter((key) => key.startsWith("coursefit:"))
        .sort(),
    );
    expect(keys).toEqual([
      "coursefit:csm-vs-cspo:/two.html#one",
      "coursefit:csm-vs-cspo:/two.html#two",
    ]);
    expectNoProblems(problems);
  });

  it("keeps apart two elements that show one quiz, however their attributes spell it", async () => {
    const { page, problems } = await browser.open();
    await page.goto(`${host.url}spelled.html`);
    const [one, two] = [
      page.locator("coursefit-quiz").nth(0),
      page.locator("coursefit-quiz").nth(1),
    ];
    for (const element of [one, two]) {
      await button(element, "Start the quiz").click();
      const first = visibleQuestions(quiz, CSM_ANSWERS)[0] as Question;
      await give(element, first, CSM_ANSWERS[first.id] as Answer);
      await button(element, "Next").click();
    }
    expect((await savedKeys(page)).sort()).toEqual([
      "coursefit:csm-vs-cspo:/spelled.html",
      "coursefit:csm-vs-cspo:/spelled.html:1",
    ]);
    expectNoProblems(problems);
  });

  it("restarts when its quiz attribute changes and cleans up when removed", async () => {
    const { page, problems } = await browser.open();
    const heard = await listenForEvents(page);
    await page.goto(`${host.url}index.html`);
    const element = page.locator("coursefit-quiz");
    await button(page, "Start the quiz").click();
    const [first, second] = visibleQuestions(quiz, CSM_ANSWERS) as [Question, Question];
    await give(page, first, CSM_ANSWERS[first.id] as Answer);
    await button(page, "Next").click();
    await stepHeading(page, second.prompt).waitFor();

    await element.evaluate((el) => el.setAttribute("quiz", "no-such-quiz"));
    const notice = page.getByRole("region", { name: "This quiz cannot be shown" });
    await notice.waitFor();
    expect(await notice.textContent()).toContain(
      'There is no built-in quiz called "no-such-quiz".',
    );
    expect(await element.locator("fieldset").count()).toBe(0);

    // Back to the real quiz: it starts again from its intro, offering the saved progress.
    await element.evaluate((el) => el.setAttribute("quiz", "csm-vs-cspo"));
    await stepHeading(page, TITLE).waitFor();
    expect(await notice.count()).toBe(0);
    await page.getByRole("region", { name: "Welcome back" }).waitFor();
    await button(page, "Start again").click();
    await button(page, "Delete them and start again").click();
    expect(await page.getByRole("region", { name: "Welcome back" }).count()).toBe(0);

    // Removed: its content goes and it says nothing more; put back, it starts afresh.
    const before = (await heard()).length;
    const left = await element.evaluate((el) => {
      (window as unknown as { removed: Element }).removed = el;
      el.remove();
      return el.shadowRoot?.querySelector(".cf, p, button")?.outerHTML ?? "";
    });
    expect(left).toBe("");
    expect(await page.locator("coursefit-quiz").count()).toBe(0);
    expect((await heard()).length).toBe(before);
    await page.evaluate(() =>
      document.querySelector("main")?.append((window as unknown as { removed: Element }).removed),
    );
    await stepHeading(page, TITLE).waitFor();
    await button(page, "Start the quiz").click();
    await stepHeading(page, first.prompt).waitFor();
    expectNoProblems(problems);
  });

  it("saves progress per quiz and per page, and nothing with persist=off", async () => {
    const { page, problems } = await browser.open();
    const [first, second, third] = visibleQuestions(quiz, CSM_ANSWERS) as Question[];
    if (!first || !second || !third) throw new Error("the quiz shows too few questions");
    const answerTwo = async () => {
      await button(page, "Start the quiz").click();
      for (const q of [first, second]) {
        await stepHeading(page, q.prompt).waitFor();
        await give(page, q, CSM_ANSWERS[q.id] as Answer);
        await button(page, "Next").click();
      }
      await stepHeading(page, third.prompt).waitFor();
    };

    await page.goto(`${host.url}index.html`);
    await answerTwo();
    expect(await savedKeys(page)).toEqual([`coursefit:${quiz.id}:/index.html`]);
    await page.reload();
    await page.getByRole("region", { name: "Welcome back" }).waitFor();
    await button(page, "Resume").click();
    await stepHeading(page, third.prompt).waitFor();

    // Another page of the same site has its own progress.
    await page.goto(`${host.url}plain.html`);
    await stepHeading(page, TITLE).waitFor();
    expect(await page.getByRole("region", { name: "Welcome back" }).count()).toBe(0);

    // persist="off": nothing is written, so a reload starts afresh.
    await page.evaluate(() => localStorage.clear());
    await page.goto(`${host.url}quiet.html`);
    await answerTwo();
    expect(await savedKeys(page)).toEqual([]);
    await page.reload();
    await stepHeading(page, TITLE).waitFor();
    expect(await page.getByRole("region", { name: "Welcome back" }).count()).toBe(0);
    expect(await savedKeys(page)).toEqual([]);
    expectNoProblems(problems);
  });

  it("shows a trainer's own quiz from a URL, validated in the browser", async () => {
    const { page, problems } = await browser.open();
    const heard = await listenForEvents(page);
    const requested: string[] = [];
    page.on("request", (request) => requested.push(request.url()));
    await page.goto(`${host.url}own.html`);
    await stepHeading(page, OWN_QUIZ.title).waitFor();
    // The quiz and its source from the host; the checker frame from the quiz's origin.
    expect(requested).toContain(`${host.origin}/my-quiz.yaml`);
    expect(requested).toContain(`${host.origin}/source.txt`);
    expect(requested).toContain(`${quizOrigin}/validate.html`);

    const expected = await complete(page, OWN_QUIZ, OWN_ANSWERS);
    expect(expected.recommendation).toMatchObject({ kind: "outcome", outcome: "beta" });
    // No slot given: the quiz's own next step.
    expect(await page.locator("coursefit-quiz").locator(".cf-result-next").textContent()).toBe(
      "Find out more about Beta",
    );
    const completed = (await heard()).filter((e) => e.type === "coursefit-complete");
    expect(completed.map((e) => e.detail)).toEqual([
      same({ ...expected, link: `${host.url}own.html#r=${expected.token}` }),
    ]);
    expect(await savedKeys(page)).toEqual([
      `coursefit:${OWN_QUIZ.id}@${host.url}my-quiz.yaml:/own.html`,
    ]);
    expectNoProblems(problems);
  });

  it("shows what is wrong with an invalid quiz, and where, leaving the host page alone", async () => {
    const { page, problems } = await browser.open();
    await page.goto(`${host.url}broken.html`);
    const notice = page.getByRole("region", { name: "This quiz cannot be shown" });
    await notice.waitFor();
    expect(await notice.locator("li").allTextContents()).toEqual([
      expect.stringMatching(/^broken-quiz\.yaml:18:11 \/passages\/0\/text quote-not-verbatim /),
    ]);
    expect(await page.locator("coursefit-quiz").locator("fieldset, button").count()).toBe(0);
    // The host page is as it was served.
    const served = hostPage({ body: BROKEN_BODY });
    const body = /<body>([\s\S]*)<\/body>/.exec(served)?.[1];
    expect((await page.evaluate(() => document.body.innerHTML)).trimEnd()).toBe(body);
    expect(await page.getByRole("heading", { level: 1 }).textContent()).toBe("Our Scrum courses");
    expectNoProblems(problems);
  });

  it("says clearly when the quiz's URL cannot be loaded", async () => {
    const { page, problems } = await browser.open();
    await page.goto(`${host.url}missing.html`);
    const notice = page.getByRole("region", { name: "This quiz cannot be shown" });
    await notice.waitFor();
    expect(await notice.locator("li").allTextContents()).toEqual([
      `${host.origin}/no-such-quiz.yaml: the server answered 404`,
    ]);
    // Chromium logs the failed fetch itself; that is the only message.
    expect(problems).toEqual([
      "console: Failed to load resource: the server responded with a status of 404 (Not Found)",
    ]);
  });

  it("gives a quiz address with an escape that is not UTF-8 the notice, not an endless loading", async () => {
    const { page, problems } = await browser.open();
    const warnings: string[] = [];
    page.on("console", (m) => {
      if (m.type() === "warning") warnings.push(m.text());
    });
    // Answered here: the test's host server cannot itself decode such an address.
    await page.route(`${host.origin}/caf%E9.yaml`, (route) =>
      route.fulfill({ status: 404, body: "", headers: { "Access-Control-Allow-Origin": "*" } }),
    );
    await page.goto(`${host.url}latin1.html`);
    const notice = page.getByRole("region", { name: "This quiz cannot be shown right now" });
    await notice.waitFor();
    // Plain words for a visitor; the details for the site's owner, and in the console.
    expect(await notice.getByText("Details for the site's owner").isVisible()).toBe(true);
    expect(await notice.locator("li").first().isVisible()).toBe(false);
    expect(await notice.locator("li").allTextContents()).toEqual([
      `${host.origin}/caf%E9.yaml: the server answered 404`,
    ]);
    expect(warnings.join("\n")).toContain(`${host.origin}/caf%E9.yaml: the server answered 404`);
    expect(problems.filter((p) => !p.includes("404"))).toEqual([]);
    // The address is decoded nowhere: no URIError reached the page.
    expect(problems.join("\n")).not.toContain("URIError");
  });

  it("says so when a result link is damaged, as the page does, instead of showing the intro", async () => {
    const { page, problems } = await browser.open();
    // A result link to a trainer's quiz opens on the trainer's page.
    await page.goto(`${host.url}own.html#r=AAAA-damaged`);
    const notice = page
      .locator("coursefit-quiz")
      .getByText(/This link is damaged|cut short|garbled|do not belong/);
    await notice.first().waitFor();
    expectNoProblems(problems);
  });

  it("passes axe on the host page: intro, a refused step, review, result, welcome back, an invalid quiz", async () => {
    const { page, problems } = await browser.open();
    await page.goto(`${host.url}index.html`);
    await stepHeading(page, TITLE).waitFor();
    await expectAccessible(page, "the intro");

    await button(page, "Start the quiz").click();
    const [first] = visibleQuestions(quiz, CSM_ANSWERS) as [Question];
    await stepHeading(page, first.prompt).waitFor();
    await button(page, "Next").click();
    const summary = page.getByRole("alert").filter({ hasText: "There is a problem" });
    await summary.waitFor();
    await expectAccessible(page, "a question with the error summary");
    // The summary's link focuses the field inside the element, leaving the host's address alone.
    await summary.getByRole("link").click();
    expect(
      await page.evaluate(() => {
        const inner = document.activeElement?.shadowRoot?.activeElement;
        return inner instanceof HTMLInputElement ? inner.labels?.[0]?.textContent : null;
      }),
    ).toBe(first.type === "scale" ? first.labels[0] : first.options[0]?.label);
    expect(new URL(page.url()).hash).toBe("");

    await give(page, first, CSM_ANSWERS[first.id] as Answer);
    await button(page, "Next").click();
    await answerAll(page, quiz, CSM_ANSWERS, 1);
    await expectAccessible(page, "the review");
    await submit(page, quiz, CSM_ANSWERS);
    await expectAccessible(page, "the result");
    await page.reload();
    await page.getByRole("region", { name: "Welcome back" }).waitFor();
    await expectAccessible(page, "the intro with the welcome back notice");

    await page.goto(`${host.url}broken.html`);
    await page.getByRole("region", { name: "This quiz cannot be shown" }).waitFor();
    await expectAccessible(page, "an invalid quiz's notice");
    expectNoProblems(problems);
  });
});
