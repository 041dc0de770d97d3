// The embed builder page, built and served under the strict policy: accessible in light
// and dark, before and after choosing options in both modes; the preview is the real
// element in the chosen colours; and the snippet it gives works on a trainer's page on
// another origin under a strict policy.
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import type { Server } from "node:http";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Page } from "playwright-core";
import { afterAll, expect, it } from "vitest";
import { startServer } from "../../scripts/serve";
import { evaluate } from "../../src/engine/result";
import { headline } from "../../src/ui/texts";
import {
  answerByMouse,
  baseUrl,
  button,
  CSM_ANSWERS,
  describeInBrowser,
  expectAccessible,
  expectNoProblems,
  nextButton,
  quiz,
  shownQuestions,
  useBrowser,
} from "./harness";
import { hostPolicy } from "./host";

const BUILDER = `${baseUrl}builder.html`;
const ACCENT = { hex: "#0b6e4f", rgb: "rgb(11, 110, 79)" };
const BACKGROUND = { hex: "#fffbe6", rgb: "rgb(255, 251, 230)" };

async function openBuilder(page: Page) {
  await page.goto(BUILDER);
  // The preview is the real element, registered by the page: its intro is in its shadow root.
  await startButton(page).waitFor();
}

/** The builder's own status line (the preview's quiz has one too, in its shadow root). */
const status = (page: Page) => page.locator(".cfb-status");
const startButton = (page: Page) => button(page, "Start the quiz");
const field = (page: Page, label: string) => page.getByLabel(label, { exact: true });
const group = (page: Page, name: string) => page.getByRole("group", { name, exact: true });

/** The preview's Start button's background, read inside the element's shadow root. */
function previewAccent(page: Page) {
  return page.locator("coursefit-quiz").evaluate((el) => {
    const start = el.shadowRoot?.querySelector(".cf-button.cf-primary");
    return start ? getComputedStyle(start).backgroundColor : "no Start button";
  });
}

async function snippetText(page: Page) {
  const html = await field(page, "HTML for your page").inputValue();
  const css = (await field(page, "CSS for your stylesheet").count())
    ? await field(page, "CSS for your stylesheet").inputValue()
    : "";
  return { html, css };
}

/** No sideways scrolling: the page is no wider than the window. */
async function expectNoSidewaysScroll(page: Page, what: string) {
  const widths = await page.evaluate(() => ({
    page: document.documentElement.scrollWidth,
    window: window.innerWidth,
  }));
  expect(widths.page, `${what}: page wider than the window`).toBeLessThanOrEqual(widths.window);
}

for (const colorScheme of ["light", "dark"] as const) {
  describeInBrowser(`the embed builder, ${colorScheme} colour scheme`, () => {
    const browser = useBrowser();
    const check = (page: Page, screen: string) =>
      expectAccessible(page, `the builder: ${screen} (${colorScheme})`);

    it("is accessible as it opens, with options chosen, with errors, and in iframe mode", async () => {
      const { page, problems } = await browser.open({ colorScheme });
      await openBuilder(page);
      expect(await page.getByRole("heading", { level: 1 }).count()).toBe(1);
      await page.getByRole("banner").waitFor();
      await page.getByRole("main").waitFor();
      await page.getByRole("form", { name: "Your choices" }).waitFor();
      const background = await page.evaluate(
        () => getComputedStyle(document.body.parentElement as HTMLElement).backgroundColor,
      );
      expect(background).toBe(colorScheme === "dark" ? "rgb(22, 22, 26)" : "rgb(255, 255, 255)");
      await check(page, "as it opens");

      // The element's options: the preview follows each.
      await field(page, "Accent colour").fill(ACCENT.hex);
      await field(page, "Background colour").fill(BACKGROUND.hex);
      const csm = group(page, "Certified ScrumMaster (CSM)");
      await csm.getByLabel("Booking page address").fill("https://trainer.example/book/csm");
      await field(page, "Font").fill("Georgia, serif");
      await field(page, "Corner radius").fill("12px");
      await page.getByLabel("Do not save answers").check();
      await expect.poll(() => previewAccent(page)).toBe(ACCENT.rgb);
      expect(await page.locator("coursefit-quiz").getAttribute("persist")).toBe("off");
      await check(page, "with the element's options chosen");

      // A contrast warning for colours that are hard to read: a light accent makes links
      // faint (the preview's intro has none, and its button text is worked out to suit).
      await field(page, "Accent colour").fill("#ffd166");
      await page.getByText("Some text may be hard to read").waitFor();
      await check(page, "with a contrast warning");
      await field(page, "Accent colour").fill(ACCENT.hex);

      // An invalid link: its error when the trainer moves on, the summary when they ask.
      const cspoAddress = group(page, "Certified Scrum Product Owner (CSPO)").getByLabel(
        "Booking page address",
      );
      await cspoAddress.fill("javascript:alert(1)");
      await cspoAddress.press("Tab");
      await page.getByText("There is a problem").waitFor();
      await button(page, "Show what to fix").click();
      expect(await page.evaluate(() => document.activeElement?.className)).toBe("cf-error-summary");
      await check(page, "with an error summary");
      await page
        .getByRole("link", {
          name: "The address for the CSPO booking link must start with https:// or http://",
        })
        .click();
      expect(await page.evaluate(() => document.activeElement?.id)).toBe("cfb-link-cspo-url");
      await cspoAddress.fill("");
      await page.getByText("There is a problem").waitFor({ state: "detached" });

      // The trainer's own quiz, with an outcome link pair.
      await page.getByLabel("My own quiz file").check();
      // A file on this site that is not a quiz: the preview shows what is wrong with it.
      await field(page, "Address of your quiz file").fill(`${baseUrl}favicon.svg`);
      await group(page, "Link 1").getByLabel("Outcome id").fill("po");
      await group(page, "Link 1")
        .getByLabel("Booking page address")
        .fill("https://trainer.example/po");
      await group(page, "Link 1").getByLabel("Link text").fill("Book PO");
      await button(page, "Add another link").click();
      await page.getByRole("heading", { name: "This quiz cannot be shown" }).waitFor();
      await check(page, "with the trainer's own quiz");
      await page.getByLabel("A quiz that comes with coursefit").check();

      // The iframe.
      await page.getByLabel("Iframe").check();
      await field(page, "Address of the page the quiz goes on").fill(
        "https://trainer.example/courses",
      );
      const frame = page.getByTitle(`Preview: ${quiz.title}`);
      await frame.waitFor();
      expect(await frame.getAttribute("src")).toBe(
        `${baseUrl}embed.html?quiz=csm-vs-cspo&origin=${encodeURIComponent(new URL(baseUrl).origin)}`,
      );
      expect((await snippetText(page)).html).toContain(
        "embed.html?quiz=csm-vs-cspo&amp;origin=https%3A%2F%2Ftrainer.example",
      );
      await check(page, "in iframe mode");
      expectNoProblems(problems);
    });
  });
}

describeInBrowser("the embed builder's snippet on a trainer's page", () => {
  const browser = useBrowser();
  const hosts: { server: Server; root: string }[] = [];
  afterAll(() => {
    for (const { server, root } of hosts) {
      server.closeAllConnections();
      server.close();
      rmSync(root, { recursive: true, force: true });
    }
  });

  /** Serves the trainer's page (and stylesheet) from another origin, under the strict policy. */
  async function serveHost(files: Record<string, string>) {
    const root = mkdtempSync(join(tmpdir(), "coursefit-builder-host-"));
    for (const [path, body] of Object.entries(files)) writeFileSync(join(root, path), body);
    const { server, url } = await startServer({
      root,
      port: 0,
      headers: { "Content-Security-Policy": hostPolicy(new URL(baseUrl).origin) },
    });
    hosts.push({ server, root });
    return url;
  }

  it("copies a snippet that shows the quiz in the chosen colours with the booking link", async () => {
    const { page, problems, context } = await browser.open();
    await context.grantPermissions(["clipboard-read", "clipboard-write"], {
      origin: new URL(baseUrl).origin,
    });
    await openBuilder(page);
    await field(page, "Accent colour").fill(ACCENT.hex);
    await field(page, "Background colour").fill(BACKGROUND.hex);
    const csm = group(page, "Certified ScrumMaster (CSM)");
    const bookingUrl = 'https://trainer.example/book/csm?from=quiz&level="1"';
    await csm.getByLabel("Booking page address").fill(bookingUrl);
    await csm.getByLabel("Link text").fill("Book our CSM course & <save>");
    await page.getByLabel("Do not save answers").check();

    const { html, css } = await snippetText(page);
    await button(page, "Copy snippet").click();
    await expect.poll(() => status(page).textContent()).toBe("Snippet copied.");
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(html);
    expectNoProblems(problems);

    const hostUrl = await serveHost({
      "index.html": `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>Our Scrum courses</title>
<link rel="icon" href="icon.svg">
<link rel="stylesheet" href="theme.css">
</head>
<body><main><h1>Our Scrum courses</h1>
${html}
</main></body>
</html>
`,
      "theme.css": css,
      "icon.svg": '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 1 1"/>',
    });
    const trainer = await browser.open();
    await trainer.page.goto(hostUrl);
    await startButton(trainer.page).waitFor();
    const colours = await trainer.page.locator("coursefit-quiz").evaluate((el) => {
      const root = el.shadowRoot;
      const style = (selector: string) => {
        const found = root?.querySelector(selector);
        return found ? getComputedStyle(found) : undefined;
      };
      return {
        start: style(".cf-button.cf-primary")?.backgroundColor,
        background: style(".cf")?.backgroundColor,
      };
    });
    expect(colours).toEqual({ start: ACCENT.rgb, background: BACKGROUND.rgb });
    await expectAccessible(trainer.page, "the snippet's quiz on the trainer's page, intro");

    // Through to the result: the booking link is under the outcome that fits.
    await startButton(trainer.page).click();
    for (const q of shownQuestions(CSM_ANSWERS)) {
      await trainer.page.getByRole("heading", { level: 2, name: q.prompt, exact: true }).waitFor();
      const answer = CSM_ANSWERS[q.id];
      if (answer === undefined) throw new Error(`no answer for ${q.id}`);
      await answerByMouse(trainer.page, q, answer);
      await nextButton(trainer.page).click();
    }
    await button(trainer.page, "See my result").click();
    const result = evaluate(quiz, CSM_ANSWERS);
    await trainer.page
      .getByRole("heading", { level: 2, name: headline(quiz, result), exact: true })
      .waitFor();
    const link = trainer.page.getByRole("link", { name: "Book our CSM course & <save>" });
    await link.waitFor();
    expect(await link.getAttribute("href")).toBe(new URL(bookingUrl).href);
    expect(
      await link.evaluate(
        (a) => a.assignedSlot?.closest(".cf-result-next")?.tagName ?? "not slotted",
      ),
    ).toBe("UL");
    await expectAccessible(trainer.page, "the snippet's quiz on the trainer's page, result");
    // persist="off": nothing saved.
    expect(await trainer.page.evaluate(() => Object.keys(localStorage))).toEqual([]);
    expectNoProblems(trainer.problems);
  });
});

describeInBrowser("the embed builder on a small screen and with the keyboard", () => {
  const browser = useBrowser();

  it("fits 320 px without sideways scrolling, in both modes and with errors", async () => {
    const { page, problems } = await browser.open({ viewport: { width: 320, height: 720 } });
    await openBuilder(page);
    await expectNoSidewaysScroll(page, "as it opens");
    const csm = group(page, "Certified ScrumMaster (CSM)");
    await csm
      .getByLabel("Booking page address")
      .fill(`https://trainer.example/${"a-very-long-path-segment/".repeat(6)}book`);
    await field(page, "Accent colour").fill("not a colour at all, really not");
    await field(page, "Accent colour").press("Tab");
    await button(page, "Show what to fix").click();
    await expectNoSidewaysScroll(page, "with errors");
    await field(page, "Accent colour").fill("#0b6e4f");
    await field(page, "HTML for your page").waitFor();
    await expectNoSidewaysScroll(page, "with a long snippet");
    await page.getByLabel("Iframe").check();
    await field(page, "Address of the page the quiz goes on").fill("https://trainer.example/");
    await page.getByTitle(`Preview: ${quiz.title}`).waitFor();
    await expectNoSidewaysScroll(page, "in iframe mode");
    expectNoProblems(problems);
  });

  it("shows where the focus is on everything the keyboard reaches, up to the snippet's Copy button", async () => {
    const { page, problems } = await browser.open();
    await openBuilder(page);
    const seen: string[] = [];
    for (let i = 0; i < 40; i++) {
      await page.keyboard.press("Tab");
      const now = await page.evaluate(() => {
        const el = document.activeElement as HTMLElement;
        const style = getComputedStyle(el);
        return {
          name: el.id || el.textContent?.trim() || el.tagName,
          outline: `${style.outlineStyle} ${style.outlineWidth}`,
        };
      });
      expect(now.outline, `focus on ${now.name} is visible`).toBe("solid 3px");
      seen.push(now.name);
      if (now.name === "Copy snippet") break;
    }
    expect(seen[0]).toBe("See the quiz on its own page");
    expect(seen).toContain("cfb-quiz-built-in");
    expect(seen).toContain("cfb-link-csm-url");
    expect(seen).toContain("cfb-accent");
    expect(seen.at(-1)).toBe("Copy snippet");
    await page.keyboard.press("Enter");
    await expect
      .poll(() => status(page).textContent())
      .toMatch(/^(Snippet copied\.|This browser did not let the page copy\.)/);
    expectNoProblems(problems);
  });
});
