// The element in its host page's colour scheme, not the visitor's device's, unless the
// trainer asks; and the builder: an iframe snippet that fits its column, a preview that
// stays in view, and a quiz file refused by the builder's own policy said as such.
import { expect, it } from "vitest";
import { snippetFor } from "../../src/builder/snippet";
import { loadQuiz } from "../helpers/quiz";
import {
  baseUrl,
  button,
  describeInBrowser,
  expectAccessible,
  expectNoProblems,
  quiz,
  TITLE,
  useBrowser,
} from "./harness";
import { useHost } from "./host";

const page = (body: string, head = "") => `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Our courses</title>
<link rel="icon" href="favicon.svg">${head}</head>
<body><main><h1>Our courses</h1>${body}</main></body></html>`;
const SCRIPT = '<script type="module" src="{{quiz}}/embed.js"></script>';

const frameSnippet = () =>
  snippetFor(
    {
      mode: "iframe",
      quiz: { kind: "built-in", id: quiz.id, title: quiz.title },
      origin: "https://trainer.example",
      resize: false,
      page: undefined,
      links: [],
    },
    `${baseUrl || "http://localhost/"}`,
  ).html;

const HOST_FILES = {
  "favicon.svg": '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 1 1"/>',
  "light.html": page('<coursefit-quiz quiz="csm-vs-cspo"></coursefit-quiz>', SCRIPT),
  "dark-page.html": page(
    '<coursefit-quiz quiz="csm-vs-cspo"></coursefit-quiz>',
    `${SCRIPT}<meta name="color-scheme" content="dark">`,
  ),
  "opt-in.html": page(
    '<coursefit-quiz quiz="csm-vs-cspo" color-scheme="dark"></coursefit-quiz>',
    SCRIPT,
  ),
  "my-quiz.yaml": (await import("node:fs")).readFileSync(
    "tests/fixtures/valid/minimal.yaml",
    "utf8",
  ),
};

const OWN_QUIZ = loadQuiz("tests/fixtures/valid/minimal.yaml");
const WHITE = "rgb(255, 255, 255)";
const NEAR_BLACK = "rgb(22, 22, 26)";

describeInBrowser("the element's colour scheme", () => {
  const browser = useBrowser();
  const { host } = useHost(HOST_FILES);

  const background = (p: import("playwright-core").Page) =>
    p.locator("coursefit-quiz").evaluate((el) => {
      const root = el.shadowRoot?.querySelector(".cf");
      return root ? getComputedStyle(root).backgroundColor : "no quiz";
    });
  const intro = (p: import("playwright-core").Page) =>
    p.getByRole("heading", { level: 2, name: TITLE, exact: true }).waitFor();

  it("stays light on a light page for a visitor whose device is dark", async () => {
    const { page: p, problems } = await browser.open({ colorScheme: "dark" });
    await p.goto(`${host.url}light.html`);
    await intro(p);
    expect(await background(p)).toBe(WHITE);
    await expectAccessible(p, "the element on a light page, dark device");
    expectNoProblems(problems);
  });

  it("is dark on a page that is dark, and where the trainer opts in", async () => {
    for (const [file, device] of [
      ["dark-page.html", "light"],
      ["opt-in.html", "light"],
    ] as const) {
      const { page: p, problems } = await browser.open({ colorScheme: device });
      await p.goto(`${host.url}${file}`);
      await intro(p);
      expect(await background(p), file).toBe(NEAR_BLACK);
      await expectAccessible(p, `the element, dark (${file})`);
      await button(p, "Start the quiz").click();
      await p.getByRole("heading", { level: 2, name: quiz.questions[0]?.prompt ?? "?" }).waitFor();
      await expectAccessible(p, `a question in the element, dark (${file})`);
      expectNoProblems(problems);
    }
  });
});

describeInBrowser("the iframe's colour scheme", () => {
  const browser = useBrowser();
  const frameBackground = async (p: import("playwright-core").Page, query: string) => {
    await p.goto(`${baseUrl}embed.html?quiz=csm-vs-cspo${query}`);
    await p.getByRole("heading", { name: TITLE, exact: true }).waitFor();
    return p.evaluate(() => getComputedStyle(document.documentElement).backgroundColor);
  };

  it("is light for a visitor whose device is dark, unless the snippet asks for dark", async () => {
    const { page: p, problems } = await browser.open({ colorScheme: "dark" });
    expect(await frameBackground(p, "")).toBe(WHITE);
    await expectAccessible(p, "the iframe, light on a dark device");
    expect(await frameBackground(p, "&color-scheme=light%20dark")).toBe(NEAR_BLACK);
    expect(await frameBackground(p, "&color-scheme=dark")).toBe(NEAR_BLACK);
    await expectAccessible(p, "the iframe, dark");
    expectNoProblems(problems);
  });
});

describeInBrowser("the builder", () => {
  const browser = useBrowser();
  const { host } = useHost({
    ...HOST_FILES,
    // The host's policy refuses style attributes: the column's width comes from a sheet.
    "column.css": "#column { width: 600px }",
    "frame.html": page(
      `<div id="column">${frameSnippet()}</div>`,
      '<link rel="stylesheet" href="column.css">',
    ),
  });

  it("gives an iframe snippet that fits its column: no border overflowing it", async () => {
    expect(frameSnippet()).toContain('frameborder="0"');
    const { page: p } = await browser.open();
    await p.goto(`${host.url}frame.html`);
    const sizes = await p.locator("iframe").evaluate((frame) => ({
      frame: frame.getBoundingClientRect().width,
      column: (frame.parentElement as HTMLElement).getBoundingClientRect().width,
      border: getComputedStyle(frame).borderLeftWidth,
    }));
    expect(sizes.border).toBe("0px");
    expect(sizes.frame).toBeLessThanOrEqual(sizes.column);
  });

  it("keeps the preview in view while the colours are edited, on a wide screen", async () => {
    const { page: p, problems } = await browser.open({ viewport: { width: 1280, height: 900 } });
    await p.goto(`${baseUrl}builder.html`);
    await button(p, "Start the quiz").waitFor();
    await p.getByLabel("Accent colour", { exact: true }).focus();
    await p.getByLabel("Corner radius", { exact: true }).scrollIntoViewIfNeeded();
    const box = await p.locator(".cfb-preview").boundingBox();
    expect(box?.y ?? -1).toBeGreaterThanOrEqual(0);
    expect(box?.y ?? 900).toBeLessThan(450);
    expect(await p.evaluate(() => scrollY)).toBeGreaterThan(0);
    expectNoProblems(problems);
  });

  it("says a quiz file is refused by the builder's own policy, not by the file's server", async () => {
    const { page: p, problems } = await browser.open();
    await p.goto(`${baseUrl}builder.html`);
    await button(p, "Start the quiz").waitFor();
    await p.getByLabel("My own quiz file").check();
    const url = `${host.url}my-quiz.yaml`;
    await p.getByLabel("Address of your quiz file", { exact: true }).fill(url);
    await p.getByRole("heading", { name: "This quiz cannot be shown right now" }).waitFor();
    const details = await p
      .locator("coursefit-quiz")
      .evaluate((el) => el.shadowRoot?.querySelector(".cf-problems")?.textContent ?? "");
    expect(details).toContain("Content-Security-Policy");
    expect(details).toContain(new URL(url).origin);
    expect(details).not.toContain("does not allow this page to read it");
    // The only problems are the refusal itself, reported by the browser.
    expectNoProblems(
      problems.filter(
        (m) => !/connect-src|Content Security Policy|Failed to fetch|coursefit: this quiz/.test(m),
      ),
    );
  });

  it("offers the loaded quiz file's outcome ids for the booking links", async () => {
    const { page: p, problems } = await browser.open();
    // The file on the builder's own site, which its policy lets it load.
    const files: Record<string, string> = {
      "my-quiz.yaml": HOST_FILES["my-quiz.yaml"],
      "source.txt": (await import("node:fs")).readFileSync(
        "tests/fixtures/valid/source.txt",
        "utf8",
      ),
    };
    await p.route(/\/own\/(my-quiz\.yaml|source\.txt)$/, (route) =>
      route.fulfill({
        body: files[new URL(route.request().url()).pathname.split("/").pop() ?? ""],
      }),
    );
    await p.goto(`${baseUrl}builder.html`);
    await button(p, "Start the quiz").waitFor();
    await p.getByLabel("My own quiz file").check();
    await p
      .getByLabel("Address of your quiz file", { exact: true })
      .fill(`${baseUrl}own/my-quiz.yaml`);
    await p.getByRole("heading", { name: OWN_QUIZ.title, exact: true }).waitFor();
    await button(p, /^Add (a|another) link$/).click();
    const outcome = p.getByRole("group", { name: "Link 1" }).getByLabel("Outcome id");
    const listId = await outcome.getAttribute("list");
    const offered = await p
      .locator(`datalist#${listId} option`)
      .evaluateAll((options) => options.map((o) => (o as HTMLOptionElement).value));
    expect(offered).toEqual(OWN_QUIZ.outcomes.map((o) => o.id));
    const hint = await p
      .getByRole("group", { name: "Link 1" })
      .locator(".cf-hint")
      .first()
      .textContent();
    for (const o of OWN_QUIZ.outcomes) expect(hint).toContain(`${o.id} (${o.label})`);
    await expectAccessible(p, "the builder offering the quiz file's outcomes");
    expectNoProblems(problems);
  });
});
