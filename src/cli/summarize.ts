// `coursefit summarize <quiz> <files...|-> [--json | --csv]`: result links, tokens, JSON
// Lines or CSV -> the cohort summary. Input streams through the engine's reducer chunk by
// chunk, so memory stays flat however long the files are; bad rows are reported by file
// and line and never stop the run. Exit 0 when at least one row was valid, 1 when none.
import { createReadStream } from "node:fs";
import type { Readable } from "node:stream";
import { BOM, toCsv } from "../engine/summary/csv";
import { Ingest } from "../engine/summary/ingest";
import { dayText } from "../engine/summary/input";
import { groupLabel, percent, type Report, report } from "../engine/summary/report";
import type { ScoredRow, Summary } from "../engine/summary/summary";
import { UsageError } from "./errors";
import type { Io } from "./io";
import { loadQuiz, resolveQuizPath } from "./load";

/** Bad rows printed on stderr before the rest are only counted. */
const PRINTED_ISSUES = 100;
/** CSV rows written at a time. */
const CSV_BATCH = 2000;

export async function summarizeCommand(
  args: string[],
  options: { json: boolean; csv: boolean },
  io: Io,
): Promise<number> {
  const [quizArg, ...files] = args;
  if (quizArg === undefined) throw new UsageError("missing quiz path", "summarize");
  if (files.length === 0) throw new UsageError("missing input files (or - for stdin)", "summarize");
  if (options.json && options.csv)
    throw new UsageError("choose --json or --csv, not both", "summarize");
  const quiz = loadQuiz(resolveQuizPath(quizArg));

  let printed = 0;
  let csvRows: ScoredRow[] = [];
  const ingest = new Ingest(quiz, {
    issue: (kind, issue) => {
      if (kind === "duplicate" || printed++ >= PRINTED_ISSUES) return;
      const what = kind === "otherVersion" ? "from another version" : "invalid";
      io.warn(`${issue.source}:${issue.line}: ${what}: ${issue.reason}`);
    },
    row: options.csv
      ? (row) => {
          csvRows.push(row);
          if (csvRows.length >= CSV_BATCH) {
            io.write(toCsv(ingest.compiled, csvRows, false));
            csvRows = [];
          }
        }
      : undefined,
  });
  if (options.csv) io.write(BOM + toCsv(ingest.compiled, []));

  // Progress only for a person watching: never in a pipe or a log.
  const progress = process.stderr.isTTY ? progressLine(ingest.summary) : undefined;
  for (const file of files) {
    const name = file === "-" ? "(stdin)" : file;
    try {
      const stream: Readable = file === "-" ? (io.stdin as Readable) : createReadStream(file);
      stream.setEncoding("utf8");
      for await (const chunk of stream) {
        ingest.push(name, chunk as string);
        progress?.tick();
      }
      ingest.end(name);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      io.warn(
        `${name}: cannot read: ${code === "ENOENT" ? "no such file" : code === "EISDIR" ? "it is a directory" : (error as Error).message}`,
      );
    }
  }
  progress?.done();
  if (options.csv && csvRows.length > 0) io.write(toCsv(ingest.compiled, csvRows, false));

  const summary = ingest.summary;
  const skipped = summary.invalid.count + summary.otherVersion.count;
  if (printed > PRINTED_ISSUES)
    io.warn(`... and ${printed - PRINTED_ISSUES} more rows not counted`);
  if (ingest.dedupeFull)
    io.warn("coursefit: note: too many distinct rows to find every duplicate among them");
  if (options.json) io.print(JSON.stringify({ summary, report: report(quiz, summary) }, null, 2));
  else if (!options.csv) io.print(...formatSummary(quiz, summary));
  if (summary.results === 0) {
    io.warn(`coursefit: no valid results in the input (${skipped} rows not counted)`);
    return 1;
  }
  return 0;
}

function progressLine(summary: Summary) {
  let last = 0;
  const write = () =>
    process.stderr.write(
      `\r${(summary.results + summary.invalid.count + summary.otherVersion.count).toLocaleString("en")} rows read`,
    );
  return {
    tick() {
      const now = Date.now();
      if (now - last < 200) return;
      last = now;
      write();
    },
    done() {
      write();
      process.stderr.write("\n");
    },
  };
}

const count = (n: number) => n.toLocaleString("en");

/** The summary as terminal text: counts, split, strength, traits, questions, what moved people. */
export function formatSummary(quiz: Parameters<typeof report>[0], summary: Summary): string[] {
  const r: Report = report(quiz, summary);
  const lines: string[] = [
    `${quiz.title} (${quiz.id} ${quiz.version}): ${count(r.results)} results`,
  ];
  const notes = [
    summary.rescored > 0 && `${count(summary.rescored)} re-scored from an older version`,
    summary.duplicates > 0 && `${count(summary.duplicates)} duplicates counted once`,
    summary.otherVersion.count > 0 && `${count(summary.otherVersion.count)} from another version`,
    summary.invalid.count > 0 && `${count(summary.invalid.count)} invalid`,
  ].filter(Boolean);
  if (notes.length > 0) lines.push(`  (${notes.join("; ")})`);
  if (summary.firstDay !== null && summary.lastDay !== null) {
    lines.push(`  dated ${dayText(summary.firstDay)} to ${dayText(summary.lastDay)}`);
  }
  lines.push("", "How the cohort splits");
  for (const group of r.groups) {
    if (group.count === 0 && group.id === "none") continue;
    lines.push(
      `  ${group.label.padEnd(24)} ${count(group.count).padStart(9)}  ${percent(group.share).padStart(4)}`,
    );
  }
  lines.push("", `How strongly they lean (tie margin ${r.tieMargin} points)`);
  for (const s of r.strength) lines.push(`  ${s.id.padEnd(24)} ${count(s.count).padStart(9)}`);
  lines.push(
    `  within the tie margin: ${count(r.withinTie)}; close to it (under ${2 * r.tieMargin}): ${count(r.closeToTie)}`,
  );
  lines.push("", "Each trait's scores (mean, spread) by result");
  for (const trait of r.traits) {
    if (trait.byGroup.length === 0) continue;
    const parts = trait.byGroup.map(
      (b) => `${groupLabel(quiz, b.group)} ${b.mean.toFixed(1)} ± ${b.sd.toFixed(1)}`,
    );
    lines.push(`  ${trait.label}: ${parts.join("; ")}`);
  }
  lines.push("", "How each question was answered (by result)");
  const shownGroups = r.groups.filter((g) => g.count > 0);
  for (const question of r.questions) {
    lines.push(`  ${question.prompt}`);
    for (const answer of question.answers) {
      if (answer.total === 0) continue;
      const split = shownGroups.map(
        (g) => `${g.label} ${count(answer.byGroup[r.groups.indexOf(g)] ?? 0)}`,
      );
      lines.push(`    ${answer.label}: ${count(answer.total)} (${split.join(", ")})`);
    }
  }
  lines.push("", "What moved people: results that would change without the question");
  const moved = [...r.questions]
    .filter((q) => q.decisiveTotal > 0)
    .sort((a, b) => b.decisiveTotal - a.decisiveTotal);
  if (moved.length === 0) lines.push("  no single answer changed anyone's result");
  for (const question of moved) {
    const top = question.decidedBy.slice(0, 3).map((d) => `${d.label} (${count(d.count)})`);
    lines.push(
      `  ${count(question.decisiveTotal).padStart(9)}  ${question.prompt}`,
      `             decided by: ${top.join("; ")}`,
    );
  }
  return lines;
}
