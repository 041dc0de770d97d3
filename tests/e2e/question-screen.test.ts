// The question screens as drawn: the focus ring's contrast with what it sits on, an error
// that moves no heading, the progress bar, whole-row targets and radios on the first line.
import type { Page } from "playwright-core";
import { expect, it } from "vitest";
import {
  button,
  describeInBrowser,
  expectAccessible,
  expectNoProblems,
  nextButton,
  openQuiz,
  optionInput,
  question,
  useBrowser,
  waitForStep,
} from "./harness";

/** WCAG contrast of two computed colours, "rgb(...)" or "color(srgb ...)". */
function contrastOf(a: string, b: string): number {
  const channels = (text: string) => {
    const srgb = /color\(srgb ([\d.]+) ([\d.]+) ([\d.]+)/.exec(text);
    if (srgb) return srgb.slice(1, 4).map((v) => Number(v) * 255);
    const rgb = /rgba?\(([\d.]+), ([\d.]+), ([\d.]+)/.exec(text);
    if (!rgb) throw new Error(`cannot read the colour ${text}`);
    return rgb.slice(1, 4).map(Number);
  };
  const luminance = (text: string) => {
    const [r = 0, g = 0, b = 0] = channels(text).map((v) => {
      const c = v / 255;
      return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
    });
    return 0.2126 * r + 0.7152 * g + 0.0722 * b;
  };
  const [x, y] = [luminance(a), luminance(b)].sort((p, q) => q - p) as [number, number];
  return (x + 0.05) / (y + 0.05);
}

/** The focused element's ring colour and the background right around it (its nearest painted one). */
function ringAndGround(page: Page) {
  return page.evaluate(() => {
    const el = document.activeElement as HTMLElement;
    const style = getComputedStyle(el);
    let ground = el.parentElement;
    const transparent = (c: string) => c === "rgba(0, 0, 0, 0)" || c === "transparent";
    while (ground && transparent(getComputedStyle(ground).backgroundColor))
      ground = ground.parentElement;
    return {
      ring: style.outlineColor,
      width: style.outlineWidth,
      outline: style.outlineStyle,
      ground: ground ? getComputedStyle(ground).backgroundColor : "rgb(255, 255, 255)",
    };
  });
}

for (const colorScheme of ["light", "dark"] as const) {
  describeInBrowser(`the question screen, ${colorScheme}`, () => {
    const browser = useBrowser();

    it("draws a focus ring of at least 3:1 on the page, on an option and on a chosen option", async () => {
      const { page, problems } = await browser.open({ colorScheme });
      await openQuiz(page);
      await page.keyboard.press("Tab");
      const start = await ringAndGround(page);
      expect(start.outline).toBe("solid");
      expect(
        contrastOf(start.ring, start.ground),
        `Start: ${JSON.stringify(start)}`,
      ).toBeGreaterThanOrEqual(3);

      await page.keyboard.press("Enter");
      const week = question("week");
      await waitForStep(page, week.prompt);
      await page.keyboard.press("Tab");
      const option = await ringAndGround(page);
      expect(
        contrastOf(option.ring, option.ground),
        `option: ${JSON.stringify(option)}`,
      ).toBeGreaterThanOrEqual(3);
      await page.keyboard.press("Space");
      const chosen = await ringAndGround(page);
      expect(chosen.ground).not.toBe(option.ground);
      expect(
        contrastOf(chosen.ring, chosen.ground),
        `chosen: ${JSON.stringify(chosen)}`,
      ).toBeGreaterThanOrEqual(3);
      expectNoProblems(problems);
    });

    it("shows the error without moving the heading, and says a reached limit inline", async () => {
      const { page, problems } = await browser.open({
        colorScheme,
        viewport: { width: 360, height: 740 },
      });
      await openQuiz(page);
      await button(page, "Start the quiz").click();
      const week = question("week");
      await waitForStep(page, week.prompt);
      const headingX = () =>
        page.locator("h1").evaluate((h) => Math.round(h.getBoundingClientRect().left));
      const before = await headingX();
      await nextButton(page).click();
      await page.getByRole("alert").waitFor();
      expect(await headingX()).toBe(before);
      await expectAccessible(page, `a question with its error (${colorScheme})`);

      // To "proud", where two may be ticked.
      for (const id of ["week", "stalled", "current-role"]) {
        const q = question(id);
        await waitForStep(page, q.prompt);
        const first = q.type === "scale" ? 1 : (q.options[0]?.id ?? "");
        await optionInput(page, q, first).click();
        await nextButton(page).click();
      }
      const proud = question("proud");
      await waitForStep(page, proud.prompt);
      if (proud.type !== "multiple") throw new Error("proud is a multiple choice");
      const [a, b, c] = proud.options.map((o) => optionInput(page, proud, o.id));
      await a?.click();
      await b?.click();
      const scrolled = await page.evaluate(() => scrollY);
      await c?.click();
      await page.getByText(`You can choose up to ${proud.maxChoices}.`, { exact: false }).waitFor();
      expect(await page.getByRole("alert").count()).toBe(0);
      expect(await c?.evaluate((el) => el === document.activeElement)).toBe(true);
      expect(await c?.isChecked()).toBe(false);
      expect(await page.evaluate(() => scrollY)).toBe(scrolled);
      await expectAccessible(page, `a reached limit (${colorScheme})`);
      expectNoProblems(problems);
    });

    it("has a bar of at least 6 px, whole-row targets and radios on the label's first line", async () => {
      const { page, problems } = await browser.open({
        colorScheme,
        viewport: { width: 360, height: 740 },
      });
      await openQuiz(page);
      await button(page, "Start the quiz").click();
      const week = question("week");
      await waitForStep(page, week.prompt);
      const bar = await page.locator(".cf-progress").boundingBox();
      expect(bar?.height ?? 0).toBeGreaterThanOrEqual(6);

      // A click in the row's padding, far from the label's text, chooses the option.
      const row = page.locator(".cf-option").nth(1);
      const box = await row.boundingBox();
      if (!box) throw new Error("no option row");
      await page.mouse.click(box.x + box.width - 4, box.y + box.height - 4);
      expect(
        await optionInput(
          page,
          week,
          week.type === "single" ? (week.options[1]?.id ?? "") : "",
        ).isChecked(),
      ).toBe(true);
      const border = await row.evaluate((el) => getComputedStyle(el).borderTopWidth);
      expect(border).toBe("2px");

      // Each radio's centre is on the centre of its label's first line (long labels wrap at 360 px).
      const offsets = await page.locator(".cf-option").evaluateAll((rows) =>
        rows.map((r) => {
          const input = r.querySelector("input")?.getBoundingClientRect();
          const label = r.querySelector("label") as HTMLElement;
          const range = document.createRange();
          range.selectNodeContents(label);
          const line = range.getClientRects()[0];
          if (!input || !line) return 99;
          return Math.abs(input.top + input.height / 2 - (line.top + line.height / 2));
        }),
      );
      for (const offset of offsets) expect(offset).toBeLessThanOrEqual(2);
      await expectAccessible(page, `a question with a chosen option (${colorScheme})`);
      expectNoProblems(problems);
    });
  });
}
