// `npm run bench`: what the quiz page ships and how fast it responds, in Chromium with
// 4x CPU throttling, against a bare React + XState page showing the same first question
// (bench/bare). Timings are medians of RUNS page loads; compare the ratios, not the
// milliseconds, on a shared machine. Writes the table to stdout and .bench/results.json.
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { gzipSync } from "node:zlib";
import react from "@vitejs/plugin-react";
import { build } from "vite";
import { quizPlugin } from "../src/build/quiz-plugin";
import { launchBrowser } from "../tests/e2e/browser";
import { startServer } from "./serve";

process.env.VITE_CONFIG_NATIVE_IGNORE_WARNING ??= "true";
const RUNS = Number(process.env.BENCH_RUNS ?? 11);
const THROTTLE = 4;

type Page = { name: string; root: string };

async function buildPages(): Promise<Page[]> {
  const { execFileSync } = await import("node:child_process");
  execFileSync("npx", ["tsx", "scripts/build.ts", ".bench/page"], { stdio: "inherit" });
  await build({
    configFile: false,
    root: "bench/bare",
    logLevel: "warn",
    plugins: [react(), quizPlugin()],
    build: { outDir: "../../.bench/bare", emptyOutDir: true, target: "es2022" },
  });
  return [
    { name: "quiz page", root: ".bench/page" },
    { name: "bare React + XState", root: ".bench/bare" },
  ];
}

/** The JS and CSS files a page loaded (paths on the server), raw and gzip. */
function shipped(root: string, paths: string[]) {
  const size = (ext: string) =>
    paths
      .filter((p) => p.endsWith(ext))
      .map((p) => readFileSync(join(root, p)))
      .reduce(
        (sum, body) => ({
          bytes: sum.bytes + body.length,
          gzip: sum.gzip + gzipSync(body, { level: 9 }).length,
        }),
        { bytes: 0, gzip: 0 },
      );
  return { js: size(".js"), css: size(".css") };
}

// Runs in the page before any of its scripts: records when the first control is usable,
// keeps pressing Start (as an eager person would) until the first question is there,
// then answers questions and times each answer until the next question is in the DOM.
// A string, not a function: the TypeScript runner would add helpers the page lacks.
const PROBE = `
  const marks = {};
  const answerTimes = [];
  window.__bench = { marks, answerTimes };
  const legend = () => document.querySelector("legend")?.textContent;
  let pending = null;
  // React commits in a microtask after the click; the observer sees the new question then.
  new MutationObserver(() => {
    if (pending && legend() !== pending.heading) {
      answerTimes.push(performance.now() - pending.start);
      pending = null;
      requestAnimationFrame(tick);
    }
  }).observe(document, { subtree: true, childList: true, characterData: true });
  const tick = () => {
    const control = document.querySelector("button, input");
    if (control && !control.disabled && marks.control === undefined) marks.control = performance.now();
    const input = document.querySelector("fieldset input");
    if (!input) {
      document.querySelector(".cf-intro button")?.click();
      requestAnimationFrame(tick);
      return;
    }
    marks.interactive ??= performance.now();
    if (answerTimes.length >= 10 || pending) return;
    pending = { heading: legend(), start: performance.now() };
    input.click();
    document.querySelector("button[type=submit]")?.click();
  };
  requestAnimationFrame(tick);
`;

type Sample = { fcp: number; control: number; interactive: number; answer: number };

async function measure(url: string): Promise<{ samples: Sample[]; loaded: string[] }> {
  const browser = await launchBrowser();
  const samples: Sample[] = [];
  let loaded: string[] = [];
  try {
    for (let run = 0; run < RUNS; run++) {
      const context = await browser.newContext({ viewport: { width: 390, height: 800 } });
      const page = await context.newPage();
      const cdp = await context.newCDPSession(page);
      await cdp.send("Emulation.setCPUThrottlingRate", { rate: THROTTLE });
      await page.addInitScript({ content: PROBE });
      await page.goto(url);
      await page.waitForFunction(
        () =>
          ((window as unknown as { __bench: { answerTimes: number[] } }).__bench.answerTimes
            .length ?? 0) >= 10,
        undefined,
        { timeout: 60_000 },
      );
      const result = await page.evaluate(() => {
        const { marks, answerTimes } = (
          window as unknown as { __bench: { marks: Record<string, number>; answerTimes: number[] } }
        ).__bench;
        const fcp =
          performance.getEntriesByName("first-contentful-paint")[0]?.startTime ?? Number.NaN;
        return {
          fcp,
          loaded: performance
            .getEntriesByType("resource")
            .map((r) => new URL(r.name).pathname)
            .filter((p) => /\.(js|css)$/.test(p)),
          control: marks.control ?? Number.NaN,
          interactive: marks.interactive ?? Number.NaN,
          answers: answerTimes,
        };
      });
      loaded = result.loaded;
      samples.push({
        fcp: result.fcp,
        control: result.control,
        interactive: result.interactive,
        answer: median(result.answers),
      });
      await context.close();
    }
  } finally {
    await browser.close();
  }
  return { samples, loaded };
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2
    ? (sorted[mid] ?? Number.NaN)
    : ((sorted[mid - 1] ?? 0) + (sorted[mid] ?? 0)) / 2;
}

const pages = await buildPages();
const rows = [];
for (const page of pages) {
  const { server, url } = await startServer({ root: page.root, port: 0 });
  try {
    const { samples, loaded } = await measure(url);
    const pick = (key: keyof Sample) => median(samples.map((s) => s[key]));
    rows.push({
      ...page,
      ...shipped(page.root, loaded),
      fcp: pick("fcp"),
      control: pick("control"),
      interactive: pick("interactive"),
      answer: pick("answer"),
    });
  } finally {
    server.close();
  }
}

const [quiz, bare] = rows;
if (!quiz || !bare) throw new Error("nothing was measured");
const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`;
const ms = (n: number) => `${n.toFixed(n < 10 ? 2 : 0)} ms`;
const ratio = (a: number, b: number) => `${(a / b).toFixed(2)}x`;
const table = [
  ["measure", quiz.name, bare.name, "ratio"],
  [
    "JS shipped (gzip)",
    `${kb(quiz.js.bytes)} (${kb(quiz.js.gzip)})`,
    `${kb(bare.js.bytes)} (${kb(bare.js.gzip)})`,
    ratio(quiz.js.gzip, bare.js.gzip),
  ],
  [
    "CSS shipped (gzip)",
    `${kb(quiz.css.bytes)} (${kb(quiz.css.gzip)})`,
    `${kb(bare.css.bytes)} (${kb(bare.css.gzip)})`,
    "",
  ],
  [
    "JS + CSS (gzip)",
    kb(quiz.js.gzip + quiz.css.gzip),
    kb(bare.js.gzip + bare.css.gzip),
    ratio(quiz.js.gzip + quiz.css.gzip, bare.js.gzip + bare.css.gzip),
  ],
  ["first contentful paint", ms(quiz.fcp), ms(bare.fcp), ratio(quiz.fcp, bare.fcp)],
  [
    "first control visible and enabled",
    ms(quiz.control),
    ms(bare.control),
    ratio(quiz.control, bare.control),
  ],
  [
    "first question interactive",
    ms(quiz.interactive),
    ms(bare.interactive),
    ratio(quiz.interactive, bare.interactive),
  ],
  [
    "answer -> next question in the DOM",
    ms(quiz.answer),
    ms(bare.answer),
    ratio(quiz.answer, bare.answer),
  ],
];
// The element loads embed.js alone for a built-in quiz (its CSS is inside it; the
// validator chunk comes only with a trainer's own quiz).
const element = shipped(".bench/page", ["embed.js"]).js;
const BUDGET = 90 * 1024;
const against = (bytes: number) =>
  `${kb(bytes)}: ${bytes <= BUDGET ? "within" : `${kb(bytes - BUDGET)} over`} the 90 KB budget`;
const widths = table[0]?.map((_, i) => Math.max(...table.map((r) => (r[i] ?? "").length))) ?? [];
const line = (r: string[]) => `| ${r.map((c, i) => c.padEnd(widths[i] ?? 0)).join(" | ")} |`;
console.log(`\nMedians of ${RUNS} loads each, Chromium, ${THROTTLE}x CPU throttling.\n`);
console.log(line(table[0] ?? []));
console.log(`|${widths.map((w) => "-".repeat(w + 2)).join("|")}|`);
for (const r of table.slice(1)) console.log(line(r));
console.log(`\nQuiz page, all JS + CSS (gzip): ${against(quiz.js.gzip + quiz.css.gzip)}`);
console.log(`<coursefit-quiz> element, embed.js with its CSS (gzip): ${against(element.gzip)}`);
mkdirSync(".bench", { recursive: true });
// The summaries bench lives in its own file.
(await import("../bench/summary")).runSummaryBench();
writeFileSync(
  ".bench/results.json",
  `${JSON.stringify({ runs: RUNS, throttle: THROTTLE, rows, element }, null, 2)}\n`,
);
