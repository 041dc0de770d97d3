// The summary page in Chromium under the strict CSP: pasted links, a dropped JSON Lines
// file, bad rows, filters, the CSV download and axe on every state, light and dark.
import { readFileSync } from "node:fs";
import fc from "fast-check";
import { expect, it } from "vitest";
import { evaluate, type Result } from "../../src/engine/result";
import type { Answers } from "../../src/engine/schema";
import { arbitraryAnswers } from "../helpers/arbitraries";
import {
  baseUrl,
  describeInBrowser,
  expectAccessible,
  expectNoProblems,
  quiz,
  useBrowser,
} from "./harness";

function distinctResults(count: number, seed: number): Result[] {
  const byToken = new Map<string, Result>();
  for (const answers of fc.sample(arbitraryAnswers(quiz), {
    seed,
    numRuns: count * 2,
  }) as Answers[]) {
    const result = evaluate(quiz, answers);
    if (Object.keys(result.answers).length > 0) byToken.set(result.token, result);
    if (byToken.size === count) break;
  }
  return [...byToken.values()];
}

const outcomeCount = (results: Result[], id: string) =>
  results.filter(
    (r) => (r.recommendation.kind === "outcome" ? r.recommendation.outcome : "balanced") === id,
  ).length;

describeInBrowser("the summary page", () => {
  const browser = useBrowser();
  const results = distinctResults(500, 3);

  /** The figures of the split table: label -> count. */
  async function split(page: import("playwright-core").Page) {
    const table = page.getByRole("table", { name: /Results by recommendation/ });
    await table.waitFor();
    const rows = await table
      .locator("tbody tr")
      .evaluateAll((trs) =>
        trs.map((tr) => [
          tr.querySelector("th")?.textContent?.trim() ?? "",
          tr.querySelector("td")?.textContent?.trim() ?? "",
        ]),
      );
    return Object.fromEntries(
      rows.map(([label, n]) => [label, Number((n ?? "").replace(/,/g, ""))]),
    );
  }

  it("summarises 500 pasted links with the right counts, shows bad rows, filters and stays accessible", async () => {
    const { page, problems } = await browser.open();
    await page.goto(`${baseUrl}summary.html`);
    await expect
      .poll(() => page.getByText("nothing you paste or choose is uploaded").count())
      .toBe(1);
    await expectAccessible(page, "the empty summary page");
    const lines = results.map((r) => `${baseUrl}index.html#r=${r.token}`);
    await page
      .getByLabel(/Result links or tokens/)
      .fill([...lines, "not a link", lines[0]].join("\n"));
    await page.getByRole("button", { name: "Summarise" }).click();
    await page.getByText(/^500 results counted, 1 duplicates counted once, 1 invalid\.$/).waitFor();
    expect(await split(page)).toEqual({
      CSM: outcomeCount(results, "csm"),
      CSPO: outcomeCount(results, "cspo"),
      Balanced: outcomeCount(results, "balanced"),
    });
    const notCounted = page.getByRole("table", { name: /could not be counted/ });
    await expect.poll(() => notCounted.textContent()).toContain("pasted text, line 501");
    await expectAccessible(page, "a summary of 500 links");

    // Choosing a bar filters every view; the filter is shown and can be cleared.
    await page.getByRole("button", { name: "CSM", exact: true }).click();
    await page.getByText(`Showing ${outcomeCount(results, "csm")} of 500 results.`).waitFor();
    await page.getByRole("list", { name: "Active filters" }).getByText("Result: CSM").waitFor();
    expect((await split(page)).CSPO).toBe(0);
    await expectAccessible(page, "a filtered summary");
    await page.getByRole("button", { name: "Clear all filters" }).click();
    await page.getByText("Showing 500 of 500 results.").waitFor();

    // The first result opens that person's result page.
    const href = await page
      .getByRole("link", { name: "Open result 1", exact: true })
      .getAttribute("href");
    expect(results.map((r) => `index.html#r=${r.token}`)).toContain(href);

    await page.emulateMedia({ colorScheme: "dark" });
    await expectAccessible(page, "a summary in dark mode");
    await page.setViewportSize({ width: 320, height: 640 });
    const overflow = await page.evaluate(
      () => document.documentElement.scrollWidth > window.innerWidth,
    );
    expect(overflow, "the page scrolls sideways at 320 px").toBe(false);
    expectNoProblems(problems);
  });

  it("reads a dropped JSON Lines file of 10,000 rows and downloads the CSV", {
    timeout: 180_000,
  }, async () => {
    const { page, problems } = await browser.open();
    await page.goto(`${baseUrl}summary.html`);
    const some = distinctResults(10_000, 9);
    const jsonl = some.map((r) => JSON.stringify({ date: "2026-04-02", detail: r })).join("\n");
    // A drop, as a person dragging a file from their desktop makes it.
    await page.evaluate((text) => {
      const data = new DataTransfer();
      data.items.add(new File([text], "events.jsonl", { type: "application/json" }));
      const zone = document.querySelector(".cfs-drop");
      zone?.dispatchEvent(
        new DragEvent("drop", { dataTransfer: data, bubbles: true, cancelable: true }),
      );
    }, jsonl);
    await page
      .getByText(`${some.length.toLocaleString("en")} results counted.`)
      .waitFor({ timeout: 90_000 });
    expect(await split(page)).toEqual({
      CSM: outcomeCount(some, "csm"),
      CSPO: outcomeCount(some, "cspo"),
      Balanced: outcomeCount(some, "balanced"),
    });
    const [download] = await Promise.all([
      page.waitForEvent("download"),
      page.getByRole("button", { name: "Download CSV" }).click(),
    ]);
    const csv = readFileSync((await download.path()) as string, "utf8");
    expect(csv.startsWith("\uFEFFdate,quiz,version,token,")).toBe(true);
    expect(csv.trimEnd().split("\r\n")).toHaveLength(some.length + 1);
    await expectAccessible(page, "a summary of a dropped file");
    expectNoProblems(problems);
  });
});
