// The summary page's worker: reads pasted text and files chunk by chunk into the engine's
// reducer, keeps the scored rows so that filters can fold them again, and exports.
import { compileQuiz, valuesToAnswers } from "../engine/compile";
import type { Quiz } from "../engine/schema";
import { encodeAnswers } from "../engine/share";
import { BOM, toCsv } from "../engine/summary/csv";
import { Ingest } from "../engine/summary/ingest";
import { dayText } from "../engine/summary/input";
import { add, emptySummary, type ScoredRow, type Summary } from "../engine/summary/summary";
import type { Filter, FromWorker, SortKey, TableRow, ToWorker } from "./protocol";

/** Rows sent for the table at a time. */
const TABLE_ROWS = 100;
/** Text handed to the reducer at a time, so progress can be told. */
const SLICE = 256 * 1024;

let quiz: Quiz | undefined;
let ingest: Ingest | undefined;
let rows: ScoredRow[] = [];
let last: { filter: Filter; sort: SortKey; descending: boolean } | undefined;

const post = (message: FromWorker) => postMessage(message);

function start(q: Quiz): Ingest {
  quiz = q;
  rows = [];
  ingest = new Ingest(q, { row: (row) => rows.push(row) });
  return ingest;
}

async function read(sources: { name: string; size: number; chunks: AsyncIterable<string> }[]) {
  const run = ingest ?? start(quiz as Quiz);
  const total = sources.reduce((sum, s) => sum + s.size, 0);
  let done = 0;
  let told = 0;
  for (const source of sources) {
    for await (const chunk of source.chunks) {
      run.push(source.name, chunk);
      done += chunk.length;
      if (Date.now() - told > 100) {
        told = Date.now();
        post({ type: "progress", done, total });
      }
    }
    run.end(source.name);
  }
  post({ type: "progress", done: total, total });
  view(
    last?.filter ?? { groups: [], from: null, to: null, answer: null },
    last?.sort ?? "date",
    last?.descending ?? true,
  );
}

async function* slices(text: string) {
  for (let at = 0; at < text.length; at += SLICE) yield text.slice(at, at + SLICE);
}

async function* fileText(file: File) {
  const reader = file.stream().pipeThrough(new TextDecoderStream()).getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) return;
    yield value;
  }
}

function passes(filter: Filter, groups: string[], row: ScoredRow): boolean {
  if (filter.groups.length > 0 && !filter.groups.includes(groups[row.group] ?? "")) return false;
  if (filter.from !== null || filter.to !== null) {
    if (row.day === undefined) return false;
    if (filter.from !== null && row.day < filter.from) return false;
    if (filter.to !== null && row.day > filter.to) return false;
  }
  if (filter.answer) {
    const q = ingest?.compiled.questions[filter.answer.question];
    const value = row.values[filter.answer.question] ?? 0;
    if (!q) return false;
    const slot = filter.answer.slot;
    if (slot === 0) return value === 0;
    if (q.kind === "multiple") return (value & (1 << (slot - 1))) !== 0;
    return value === slot;
  }
  return true;
}

function filtered(filter: Filter): { summary: Summary; kept: ScoredRow[] } {
  const run = ingest as Ingest;
  const summary = emptySummary(run.compiled.quiz);
  const kept: ScoredRow[] = [];
  for (const row of rows) {
    if (!passes(filter, summary.groups, row)) continue;
    add(summary, row, run.compiled);
    kept.push(row);
  }
  // What could not be counted belongs to the input, not to a filter.
  const all = run.summary;
  summary.duplicates = all.duplicates;
  summary.invalid = all.invalid;
  summary.otherVersion = all.otherVersion;
  return { summary, kept };
}

function tableRow(row: ScoredRow, groups: string[]): TableRow {
  const compiled = (ingest as Ingest).compiled;
  return {
    token: encodeAnswers(compiled.quiz, valuesToAnswers(compiled, row.values)),
    group: groups[row.group] ?? "",
    margin: row.margin,
    scores: Array.from(row.scores, (s) => s / 10),
    date: row.day === undefined ? "" : dayText(row.day),
  };
}

function view(filter: Filter, sort: SortKey, descending: boolean) {
  if (!ingest) return;
  last = { filter, sort, descending };
  const { summary, kept } = filtered(filter);
  const key = (row: ScoredRow) =>
    sort === "margin" ? row.margin : sort === "date" ? (row.day ?? -1) : row.group;
  const sorted = [...kept].sort((a, b) => (descending ? key(b) - key(a) : key(a) - key(b)));
  post({
    type: "view",
    all: ingest.summary,
    summary,
    rows: sorted.slice(0, TABLE_ROWS).map((row) => tableRow(row, summary.groups)),
    matching: kept.length,
    issues: {
      invalid: ingest.summary.invalid.kept,
      otherVersion: ingest.summary.otherVersion.kept,
    },
  });
}

addEventListener("message", (event: MessageEvent<ToWorker>) => {
  const message = event.data;
  switch (message.type) {
    case "start":
      start(message.quiz);
      break;
    case "text":
      void read([
        { name: message.source, size: message.text.length, chunks: slices(message.text) },
      ]);
      break;
    case "files":
      void read(
        message.files.map((file) => ({ name: file.name, size: file.size, chunks: fileText(file) })),
      );
      break;
    case "view":
      view(message.filter, message.sort, message.descending);
      break;
    case "export": {
      const { summary, kept } = filtered(message.filter);
      const compiled = compileQuiz(quiz as Quiz);
      post({
        type: "export",
        format: message.format,
        text:
          message.format === "csv"
            ? BOM + toCsv(compiled, kept)
            : JSON.stringify({ filter: message.filter, summary }, null, 2),
      });
      break;
    }
  }
});
