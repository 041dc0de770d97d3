// The result screen, measured in Chromium: the chart's geometry against its figures at
// every width from 320 px, the next step inside the first screen on the page, in the
// element with the trainer's links and in the iframe with a booking link, no quote shown
// twice, one printed A4 page, and axe in light and dark.
import type { Frame, Page } from "playwright-core";
import { expect, it } from "vitest";
import { evaluate } from "../../src/engine/result";
import { headline } from "../../src/ui/texts";
import {
  BALANCED_ANSWERS,
  baseUrl,
  CSM_ANSWERS,
  describeInBrowser,
  expectAccessible,
  expectNoProblems,
  quiz,
  useBrowser,
  waitForStep,
} from "./harness";
import { useHost } from "./host";

const csm = evaluate(quiz, CSM_ANSWERS);
const balanced = evaluate(quiz, BALANCED_ANSWERS);

const SCREENS = [
  { width: 1280, height: 900 },
  { width: 360, height: 740 },
];

function hostPage(
  body: string,
  script = '<script type="module" src="{{quiz}}/embed.js"></script>',
) {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>Our Scrum courses</title>
<link rel="icon" href="favicon.svg">
${script}
</head>
<body><main>
<h1>Our Scrum courses</h1>
${body}
</main></body>
</html>
`;
}

const BOOK_CSM = "https://trainer.example/book/csm";
const FRAME_QUERY = new URLSearchParams({
  quiz: "csm-vs-cspo",
  "book-csm": BOOK_CSM,
  "book-csm-text": "Book our CSM course",
});

const HOST_FILES = {
  "favicon.svg": '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 1 1"/>',
  "element.html": hostPage(
    '<coursefit-quiz quiz="csm-vs-cspo">' +
      `<a slot="outcome-csm" href="${BOOK_CSM}">Book our CSM course</a>` +
      '<a slot="outcome-cspo" href="https://trainer.example/book/cspo">Book our CSPO course</a>' +
      "</coursefit-quiz>",
  ),
  "frame.html": hostPage(
    // The page names itself, so result links come back here; resize.js hands them on.
    `<iframe src="{{quiz}}/embed.html?${FRAME_QUERY}&amp;origin={{host}}&amp;page={{host}}/frame.html"` +
      ' title="Which Scrum course fits you?" width="100%" height="700"></iframe>',
    '<script src="{{quiz}}/resize.js"></script>',
  ),
};

/** The chart's geometry: each track's and bar's box, with the score the bar stands for. */
function chartGeometry(scope: Page | Frame) {
  return scope.evaluate(() =>
    [...document.querySelectorAll<HTMLElement>(".cf-chart-track")].map((track) => {
      const bar = track.querySelector<HTMLElement>(".cf-chart-bar");
      const t = track.getBoundingClientRect();
      const b = bar?.getBoundingClientRect();
      return {
        trackLeft: t.left,
        trackWidth: t.width,
        trackTop: t.top,
        barLeft: b?.left ?? Number.NaN,
        barWidth: b?.width ?? Number.NaN,
        score: Number(bar?.dataset.score),
      };
    }),
  );
}

/** Every track starts at one x and has one width; each bar's length is its score's share. */
function expectHonestChart(geometry: Awaited<ReturnType<typeof chartGeometry>>, width: number) {
  const first = geometry[0];
  expect(first, `no chart at ${width} px`).toBeDefined();
  for (const row of geometry) {
    const at = `at ${width} px, score ${row.score}`;
    expect(Math.abs(row.trackLeft - (first?.trackLeft ?? 0)), at).toBeLessThanOrEqual(1);
    expect(Math.abs(row.barLeft - (first?.trackLeft ?? 0)), at).toBeLessThanOrEqual(1);
    expect(Math.abs(row.trackWidth - (first?.trackWidth ?? 0)), at).toBeLessThanOrEqual(1);
    expect(Math.abs(row.barWidth - (row.trackWidth * row.score) / 100), at).toBeLessThanOrEqual(1);
  }
  // Long enough to read a difference: at least 150 px of scale even at 320 px.
  expect(first?.trackWidth ?? 0).toBeGreaterThan(150);
}

/** The trait names sit above their bars on a phone, beside them on a wide screen. */
function traitPlacement(page: Page) {
  return page.evaluate(() =>
    [...document.querySelectorAll<HTMLElement>(".cf-chart-trait")].map((label) => {
      const track = label.nextElementSibling as HTMLElement;
      const l = label.getBoundingClientRect();
      const t = track.getBoundingClientRect();
      return { above: l.bottom <= t.top + 0.5, beside: l.right <= t.left };
    }),
  );
}

async function expectInFirstScreen(page: Page, locator: ReturnType<Page["locator"]>, what: string) {
  const box = await locator.boundingBox();
  const viewport = page.viewportSize();
  expect(box, `${what}: not shown`).not.toBeNull();
  expect(box && viewport && box.y >= 0 && box.y + box.height <= viewport.height, what).toBe(true);
  // Nothing scrolled to get there.
  expect(await page.evaluate(() => window.scrollY), what).toBe(0);
}

describeInBrowser("the result screen", () => {
  const browser = useBrowser();
  const { host } = useHost(HOST_FILES);

  it.each([320, 360, 768, 1280])(
    "draws an honest chart at %i px, every figure labelled, no sideways scroll",
    async (width) => {
      const { page, problems } = await browser.open({ viewport: { width, height: 900 } });
      for (const result of [csm, balanced]) {
        await page.goto(`${baseUrl}#r=${result.token}`);
        await waitForStep(page, headline(quiz, result));
        const geometry = await chartGeometry(page);
        expect(geometry.map((g) => g.score)).toEqual(
          result.breakdown.flatMap((t) => result.scores.map((s) => t.scores[s.outcome])),
        );
        expectHonestChart(geometry, width);
        const labels = await page.locator(".cf-chart-value").allTextContents();
        expect(labels).toEqual(
          result.breakdown.flatMap((t) =>
            result.scores.map(
              (s) => `${s.outcome.toUpperCase()} ${Math.round(t.scores[s.outcome] ?? 0)}`,
            ),
          ),
        );
        const placement = await traitPlacement(page);
        for (const p of placement) expect(width < 640 ? p.above : p.beside).toBe(true);
        expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(
          width,
        );
      }
      expectNoProblems(problems);
    },
  );

  it.each(SCREENS)(
    "shows the next step in the first screen of the page at $width x $height",
    async (viewport) => {
      const { page, problems } = await browser.open({ viewport });
      for (const result of [csm, balanced]) {
        await page.goto(`${baseUrl}#r=${result.token}`);
        await waitForStep(page, headline(quiz, result));
        const next = page.getByRole("list", { name: "Next step" });
        expect(await next.getByRole("listitem").count()).toBe(
          result.recommendation.kind === "balanced" ? 2 : 1,
        );
        await expectInFirstScreen(page, next, `the page's next step at ${viewport.width} px`);
        await expectInFirstScreen(page, page.locator(".cf-lead"), "how strongly it leans");
        // A balanced result's two next steps side by side, on a phone too.
        const tops = await next
          .getByRole("listitem")
          .evaluateAll((items) =>
            items.map((item) => Math.round(item.getBoundingClientRect().top)),
          );
        expect(new Set(tops).size, `next steps' rows at ${viewport.width} px`).toBe(1);
      }
      expectNoProblems(problems);
    },
  );

  it.each(SCREENS)(
    "shows the trainer's slotted link as the primary button at $width x $height",
    async (viewport) => {
      const { page, problems } = await browser.open({ viewport });
      await page.goto(`${host.url}element.html#r=${csm.token}`);
      await page.getByRole("heading", { level: 2, name: headline(quiz, csm) }).waitFor();
      const book = page.getByRole("link", { name: "Book our CSM course" });
      expect(await book.getAttribute("href")).toBe(BOOK_CSM);
      await expectInFirstScreen(page, book, `the element's booking button at ${viewport.width} px`);
      // Set out as the primary button: the accent's fill, not a plain link.
      const looks = await book.evaluate((a) => {
        const style = getComputedStyle(a);
        return {
          display: style.display,
          decoration: style.textDecorationLine,
          height: a.getBoundingClientRect().height,
        };
      });
      // A flex item is laid out as a block: "flex" is the button's inline-flex, blockified.
      expect(["flex", "inline-flex"]).toContain(looks.display);
      expect(looks.decoration).toBe("none");
      expect(looks.height).toBeGreaterThanOrEqual(44);
      expect(await page.getByRole("link", { name: "Book our CSPO course" }).isVisible()).toBe(
        false,
      );
      // "Copy a link" and the page's link point back at this page, with its booking links.
      const link = await page.locator(".cf-share a").getAttribute("href");
      expect(link).toBe(`${host.url}element.html#r=${csm.token}`);
      expectNoProblems(problems);
    },
  );

  it.each(SCREENS)(
    "shows the iframe's booking link as the primary button at $width x $height",
    async (viewport) => {
      const { page, problems } = await browser.open({ viewport });
      // The result's own link, opened: the trainer's page, and the result in its frame.
      await page.goto(`${host.url}frame.html#r=${csm.token}`);
      const frame = page.frameLocator("iframe");
      await frame.getByRole("heading", { level: 1, name: headline(quiz, csm) }).waitFor();
      const book = frame.getByRole("link", { name: "Book our CSM course" });
      expect(await book.getAttribute("href")).toBe(BOOK_CSM);
      const box = await book.boundingBox();
      expect(
        box && box.y + box.height <= viewport.height,
        "the iframe's button in the first screen",
      ).toBe(true);
      // The result's link leads back to the trainer's page the snippet named.
      const link = await frame.locator(".cf-share a").getAttribute("href");
      expect(link).toBe(`${host.url}frame.html#r=${csm.token}`);
      expectNoProblems(problems);
    },
  );

  it("shows no quote twice and cites the source once", async () => {
    const { page, problems } = await browser.open({ viewport: { width: 1280, height: 900 } });
    for (const result of [csm, balanced]) {
      await page.goto(`${baseUrl}#r=${result.token}`);
      await waitForStep(page, headline(quiz, result));
      await page.locator("details.cf-compare > summary").click();
      const quotes = (await page.locator(".cf-result blockquote").allTextContents()).map((q) =>
        q.trim(),
      );
      expect(quotes.length).toBeGreaterThan(5);
      for (const [i, q] of quotes.entries())
        for (const [j, other] of quotes.entries())
          if (i !== j) expect(other, `"${q}" is shown twice`).not.toContain(q);
      const text = (await page.locator(".cf-result").textContent()) ?? "";
      expect(text.split("Braintrust Group")).toHaveLength(2);
    }
    expectNoProblems(problems);
  });

  it("prints on one A4 page with the quiz's title, the date and the link", async () => {
    const { page, problems } = await browser.open({ viewport: { width: 1280, height: 900 } });
    for (const result of [csm, balanced]) {
      await page.goto(`${baseUrl}#r=${result.token}`);
      await waitForStep(page, headline(quiz, result));
      await page.emulateMedia({ media: "print" });
      const head = page.locator(".cf-result-print-head");
      expect(await head.isVisible()).toBe(true);
      expect(await head.textContent()).toMatch(
        new RegExp(`^${quiz.title.replace(/[?]/g, "\\?")} · [A-Z][a-z]+ \\d{1,2}, \\d{4}$`),
      );
      expect(await page.locator(".cf-share a").isVisible()).toBe(true);
      expect(await page.locator(".cf-share a").textContent()).toContain(`#r=${result.token}`);
      const pdf = await page.pdf({ format: "A4" });
      const pages = pdf.toString("latin1").match(/\/Type\s*\/Page(?!s)/g) ?? [];
      expect(pages.length, "printed pages").toBe(1);
      await page.emulateMedia({ media: "screen" });
    }
    expectNoProblems(problems);
  });

  it.each(["light", "dark"] as const)(
    "has no axe violations, %s, the comparison open",
    async (scheme) => {
      const { page, problems } = await browser.open({
        viewport: { width: 1280, height: 900 },
        colorScheme: scheme,
      });
      for (const result of [csm, balanced]) {
        await page.goto(`${baseUrl}#r=${result.token}`);
        await waitForStep(page, headline(quiz, result));
        await page.locator("details.cf-compare > summary").click();
        await expectAccessible(page, `the ${result.recommendation.kind} result, ${scheme}`);
      }
      const element = await browser.open({
        viewport: { width: 360, height: 740 },
        colorScheme: scheme,
      });
      await element.page.goto(`${host.url}element.html#r=${csm.token}`);
      await element.page.getByRole("heading", { level: 2, name: headline(quiz, csm) }).waitFor();
      await expectAccessible(element.page, `the element's result, ${scheme}`);
      expectNoProblems(problems);
      expectNoProblems(element.problems);
    },
  );
});
