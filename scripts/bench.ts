// `npm run bench`: what the quiz page and the <coursefit-quiz> element load and how fast
// they respond, in Chromium with 4x CPU throttling, against a bare React + @xstate/react +
// XState page showing the same questions (bench/bare), and above a floor: the first
// question as plain HTML with no JavaScript at all. Each timing is the median of RUNS
// loads, with its spread (25th to 75th percentile); compare the ratios, not the
// milliseconds, on a shared machine. Exits 1 when a ratio is over its target. Writes
// the table to stdout and .bench/results.json. Not part of `npm test`.
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { gzipSync } from "node:zlib";
import react from "@vitejs/plugin-react";
import { build } from "vite";
import { quizPlugin } from "../src/build/quiz-plugin";
import { launchBrowser } from "../tests/e2e/browser";
import { loadQuiz } from "../tests/helpers/quiz";
import { startServer } from "./serve";

process.env.VITE_CONFIG_NATIVE_IGNORE_WARNING ??= "true";
// At least 11 for numbers worth reporting; fewer only to try the bench out.
const RUNS = Number(process.env.BENCH_RUNS ?? 11);
const THROTTLE = 4;
const quiz = loadQuiz();

type Target = { root: string; path: string };
const TARGETS: Record<string, Target> = {
  page: { root: ".bench/page", path: "/" },
  element: { root: ".bench/page", path: "/bench-element.html" },
  bare: { root: ".bench/bare", path: "/" },
  floor: { root: ".bench/floor", path: "/" },
};

/** Budgets as ratios to the bare page (DESIGN.md, "Quality bars"). */
const LIMITS = {
  critical: 1.08,
  total: 1.2,
  fcp: 0.6,
  interactive: 1.0,
  answer: 1.3,
} as const;
/** One frame: an answer's next question, and the result once its chunk is there. */
const FRAME_MS = 16;

function escapeHtml(text: string): string {
  return text.replace(/[&<>"]/g, (c) => `&#${c.charCodeAt(0)};`);
}

async function buildTargets() {
  const { execFileSync } = await import("node:child_process");
  execFileSync("npx", ["tsx", "scripts/build.ts", ".bench/page"], { stdio: "inherit" });
  // The element on a page of its own, as a trainer's page has it.
  writeFileSync(
    ".bench/page/bench-element.html",
    `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>A course page</title>
<script type="module" src="./embed.js"></script></head>
<body><main><p>Which course fits you?</p><coursefit-quiz quiz="${quiz.id}"></coursefit-quiz></main></body></html>\n`,
  );
  await build({
    configFile: false,
    root: "bench/bare",
    logLevel: "warn",
    plugins: [react(), quizPlugin()],
    build: { outDir: "../../.bench/bare", emptyOutDir: true, target: "es2022" },
  });
  // The floor: the first question as a plain HTML form, nothing to load but the HTML.
  const first = quiz.questions[0];
  if (first?.type !== "single")
    throw new Error("the floor page expects a single-choice first question");
  mkdirSync(".bench/floor", { recursive: true });
  writeFileSync(
    ".bench/floor/index.html",
    `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Floor</title></head><body><main>
<form><fieldset><legend><h1>${escapeHtml(first.prompt)}</h1></legend>
${first.options.map((o) => `<label><input type="radio" name="${first.id}" value="${o.id}">${escapeHtml(o.label)}</label>`).join("\n")}
</fieldset><button type="submit">Next</button></form></main></body></html>\n`,
  );
}

type Size = { bytes: number; gzip: number };

/** The JS and CSS files given (paths on the server), raw and gzip. */
function sizeOf(root: string, paths: string[]): Size {
  return paths
    .filter((p) => /\.(js|css)$/.test(p))
    .map((p) => readFileSync(join(root, p)))
    .reduce(
      (sum, body) => ({
        bytes: sum.bytes + body.length,
        gzip: sum.gzip + gzipSync(body, { level: 9 }).length,
      }),
      { bytes: 0, gzip: 0 },
    );
}

// Runs in the page before any of its scripts, inside the element's shadow root when there
// is one: records when the first control is usable, keeps pressing Start (as an eager
// person would) until the first question is there, then answers each question with its
// first option and times each answer until the next question is in the DOM; on the
// review, presses See my result and times it until the result is in the DOM.
// A string, not a function: the TypeScript runner would add helpers the page lacks.
const PROBE = `
  const marks = {};
  const answerTimes = [];
  window.__bench = { marks, answerTimes, done: false };
  const scope = () => document.querySelector("coursefit-quiz")?.shadowRoot ?? document;
  const legend = () => scope().querySelector("legend")?.textContent;
  let pending = null;
  const observed = new Set();
  const changed = () => {
    if (!pending) return;
    if (pending.result ? scope().querySelector(".cf-result") : legend() !== pending.heading) {
      (pending.result ? (marks.result = performance.now() - pending.start) : answerTimes.push(performance.now() - pending.start));
      pending = null;
      requestAnimationFrame(tick);
    }
  };
  const observe = (root) => {
    if (observed.has(root)) return;
    observed.add(root);
    // React commits in a microtask after the click; the observer sees the change then.
    new MutationObserver(changed).observe(root, { subtree: true, childList: true, characterData: true });
  };
  const tick = () => {
    if (marks.result !== undefined) { window.__bench.done = true; return; }
    const root = scope();
    observe(root);
    const control = root.querySelector("button, input");
    if (control && !control.disabled && marks.control === undefined) marks.control = performance.now();
    const input = root.querySelector("fieldset input");
    const review = [...root.querySelectorAll("button")].find((b) => b.textContent === "See my result");
    if (!input && !review) {
      root.querySelector(".cf-intro button")?.click();
      requestAnimationFrame(tick);
      return;
    }
    marks.interactive ??= performance.now();
    if (marks.critical === undefined) marks.critical = performance.getEntriesByType("resource").map((r) => r.name);
    if (pending) return;
    // The floor has no script to answer with; the bare page cycles through its questions.
    if (!document.querySelector("script") || answerTimes.length >= 30) { window.__bench.done = true; return; }
    if (review) {
      pending = { result: true, start: performance.now() };
      review.click();
      return;
    }
    pending = { heading: legend(), start: performance.now() };
    input.click();
    root.querySelector("button[type=submit]")?.click();
    // Only a page that is still on its questions after this many answers is the bare one.
    if (answerTimes.length >= 12 && !root.querySelector(".cf-intro, .cf-step")) window.__bench.done = true;
  };
  requestAnimationFrame(tick);
  new MutationObserver(() => { if (!pending) requestAnimationFrame(tick); }).observe(document, { childList: true, subtree: true });
`;

type Load = {
  fcp: number;
  control: number;
  interactive: number;
  answer: number;
  result: number;
  critical: string[];
  total: string[];
};

async function measure(url: string): Promise<Load[]> {
  const browser = await launchBrowser();
  const loads: Load[] = [];
  try {
    for (let run = 0; run < RUNS; run++) {
      const context = await browser.newContext({ viewport: { width: 390, height: 800 } });
      const page = await context.newPage();
      const cdp = await context.newCDPSession(page);
      await cdp.send("Emulation.setCPUThrottlingRate", { rate: THROTTLE });
      await page.addInitScript({ content: PROBE });
      await page.goto(url);
      await page.waitForFunction(
        () => (window as unknown as { __bench: { done: boolean } }).__bench.done,
        undefined,
        { timeout: 90_000 },
      );
      const load = await page.evaluate(() => {
        const { marks, answerTimes } = (
          window as unknown as {
            __bench: { marks: Record<string, number | string[]>; answerTimes: number[] };
          }
        ).__bench;
        const sorted = [...answerTimes].sort((a, b) => a - b);
        return {
          fcp: performance.getEntriesByName("first-contentful-paint")[0]?.startTime ?? Number.NaN,
          control: (marks.control as number) ?? Number.NaN,
          interactive: (marks.interactive as number) ?? Number.NaN,
          answer: sorted.length ? (sorted[sorted.length >> 1] as number) : Number.NaN,
          result: (marks.result as number) ?? Number.NaN,
          critical: (marks.critical as string[]) ?? [],
          total: performance.getEntriesByType("resource").map((r) => r.name),
        };
      });
      // Named functions inside page.evaluate would need the TypeScript runner's helpers.
      const paths = (urls: string[]) => urls.map((u) => new URL(u).pathname);
      loads.push({ ...load, critical: paths(load.critical), total: paths(load.total) });
      await context.close();
    }
  } finally {
    await browser.close();
  }
  return loads;
}

function quantile(values: number[], q: number): number {
  const sorted = values.filter((v) => !Number.isNaN(v)).sort((a, b) => a - b);
  if (sorted.length === 0) return Number.NaN;
  const at = (sorted.length - 1) * q;
  const low = sorted[Math.floor(at)] ?? Number.NaN;
  const high = sorted[Math.ceil(at)] ?? Number.NaN;
  return low + (high - low) * (at - Math.floor(at));
}

type Timing = { median: number; p25: number; p75: number };
const TIMINGS = ["fcp", "control", "interactive", "answer", "result"] as const;
type Row = { name: string; critical: Size; total: Size } & Record<(typeof TIMINGS)[number], Timing>;

await buildTargets();
const rows: Record<string, Row> = {};
for (const [name, target] of Object.entries(TARGETS)) {
  const { server, url } = await startServer({ root: target.root, port: 0 });
  try {
    const loads = await measure(new URL(target.path, url).href);
    const last = loads.at(-1);
    const timing = (key: (typeof TIMINGS)[number]): Timing => {
      const values = loads.map((l) => l[key]);
      return {
        median: quantile(values, 0.5),
        p25: quantile(values, 0.25),
        p75: quantile(values, 0.75),
      };
    };
    rows[name] = {
      name,
      critical: sizeOf(target.root, last?.critical ?? []),
      total: sizeOf(target.root, last?.total ?? []),
      ...(Object.fromEntries(TIMINGS.map((k) => [k, timing(k)])) as Record<
        (typeof TIMINGS)[number],
        Timing
      >),
    };
  } finally {
    server.close();
  }
}

const bare = rows.bare;
if (!bare) throw new Error("the bare page was not measured");
const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`;
const ms = (t: Timing) =>
  Number.isNaN(t.median)
    ? "-"
    : `${t.median.toFixed(t.median < 10 ? 1 : 0)} ms (${t.p25.toFixed(0)}-${t.p75.toFixed(0)})`;
const size = (s: Size) => `${kb(s.bytes)} (${kb(s.gzip)} gz)`;

type Check = { what: string; value: number; limit: number };
const failures: Check[] = [];
/** "1.05x", marked when over its limit (and recorded as a failure). */
function ratio(row: Row, what: string, value: number, against: number, limit?: number): string {
  if (Number.isNaN(value) || Number.isNaN(against) || against === 0) return "-";
  const r = value / against;
  const over = limit !== undefined && r > limit;
  if (over) failures.push({ what: `${row.name} ${what}`, value: r, limit });
  return `${r.toFixed(2)}x${limit === undefined ? "" : over ? ` OVER ${limit}` : ` (<= ${limit})`}`;
}

const order = ["page", "element", "floor", "bare"];
const header = ["measure", ...order.flatMap((n) => (n === "bare" ? [n] : [n, "ratio"]))];
const line = (label: string, cell: (row: Row) => string, rel?: (row: Row) => string): string[] => [
  label,
  ...order.flatMap((n) => {
    const row = rows[n];
    if (!row) return n === "bare" ? ["-"] : ["-", "-"];
    return n === "bare" ? [cell(row)] : [cell(row), rel ? rel(row) : ""];
  }),
];
const checked = (row: Row) => row.name === "page" || row.name === "element";
const gated = (row: Row, key: keyof typeof LIMITS) => (checked(row) ? LIMITS[key] : undefined);
/** A row of medians, each with its ratio to the bare page's and that ratio's limit. */
function timingLine(
  label: string,
  key: (typeof TIMINGS)[number],
  limit: (row: Row) => number | undefined,
): string[] {
  return line(
    label,
    (r) => ms(r[key]),
    (r) => ratio(r, key, r[key].median, bare?.[key].median ?? Number.NaN, limit(r)),
  );
}
const table = [
  header,
  line(
    "critical-path JS + CSS",
    (r) => size(r.critical),
    (r) =>
      ratio(r, "critical-path gzip", r.critical.gzip, bare.critical.gzip, gated(r, "critical")),
  ),
  line(
    "all JS + CSS to finish",
    (r) => size(r.total),
    (r) => ratio(r, "total gzip", r.total.gzip, bare.total.gzip, gated(r, "total")),
  ),
  timingLine("first contentful paint", "fcp", (r) =>
    // The element's first paint is its host page's text, not the quiz: reported, not gated.
    r.name === "page" ? LIMITS.fcp : undefined,
  ),
  timingLine("first control enabled", "control", () => undefined),
  timingLine("first question interactive (eager)", "interactive", (r) => gated(r, "interactive")),
  timingLine("answer -> next question", "answer", (r) => gated(r, "answer")),
  line("See my result -> result shown", (r) => ms(r.result)),
];
for (const name of ["page", "element"]) {
  const row = rows[name];
  if (!row) continue;
  for (const key of ["answer", "result"] as const)
    if (!(row[key].median < FRAME_MS))
      failures.push({ what: `${name} ${key} (ms)`, value: row[key].median, limit: FRAME_MS });
}

const widths = header.map((_, i) => Math.max(...table.map((r) => (r[i] ?? "").length)));
const print = (r: string[]) => `| ${r.map((c, i) => c.padEnd(widths[i] ?? 0)).join(" | ")} |`;
console.log(
  `\nMedians of ${RUNS} loads each (25th-75th percentile), Chromium, ${THROTTLE}x CPU throttling; ratios to the bare page.\n`,
);
console.log(print(header));
console.log(`|${widths.map((w) => "-".repeat(w + 2)).join("|")}|`);
for (const r of table.slice(1)) console.log(print(r));
mkdirSync(".bench", { recursive: true });
// The summaries bench lives in its own file.
(await import("../bench/summary")).runSummaryBench();
writeFileSync(
  ".bench/results.json",
  `${JSON.stringify({ runs: RUNS, throttle: THROTTLE, limits: LIMITS, rows, failures }, null, 2)}\n`,
);

(await import("../bench/cli-start")).runCliStartBench();

const { benchValidator } = await import("./bench-validator");
console.log("\ncoursefit validate on the validator's worst cases (process start included):");
for (const result of benchValidator()) console.log(`  ${result}`);
if (failures.length > 0) {
  console.log("\nOver target:");
  for (const f of failures) console.log(`  ${f.what}: ${f.value.toFixed(2)} (limit ${f.limit})`);
  process.exitCode = 1;
}
