// Plain-text rendering of the engine's values for a terminal: no colours, no scoring.
// Everything shown here is already in the Result or the Fairness report; this file only
// lays it out.
import type { Quote } from "../engine/explain";
import type { Fairness } from "../engine/fairness";
import type { Result } from "../engine/result";
import type { Quiz } from "../engine/schema";

const WIDTH = 80;
const BAR = 20;

/** A 0..100 score as a fixed-width text bar. */
export function bar(score: number, width = BAR): string {
  const filled = Math.max(0, Math.min(width, Math.round((score / 100) * width)));
  return `${"#".repeat(filled)}${".".repeat(width - filled)}`;
}

/** Words wrapped to `width` columns, every line starting with `indent`. */
export function wrap(text: string, indent = "", width = WIDTH, firstIndent = indent): string[] {
  const lines: string[] = [];
  let line = firstIndent;
  let empty = true;
  for (const word of text.split(/\s+/).filter(Boolean)) {
    if (!empty && line.length + 1 + word.length > width) {
      lines.push(line);
      line = indent;
      empty = true;
    }
    line += empty ? word : ` ${word}`;
    empty = false;
  }
  if (!empty || lines.length === 0) lines.push(line);
  return lines;
}

/** Rows of cells padded into columns; `right` lists the columns aligned right. */
export function table(rows: string[][], right: number[] = [], indent = "  "): string[] {
  const widths: number[] = [];
  for (const row of rows) {
    row.forEach((cell, i) => {
      widths[i] = Math.max(widths[i] ?? 0, cell.length);
    });
  }
  return rows.map((row) =>
    (
      indent +
      row
        .map((cell, i) =>
          right.includes(i) ? cell.padStart(widths[i] ?? 0) : cell.padEnd(widths[i] ?? 0),
        )
        .join("  ")
    ).trimEnd(),
  );
}

const one = (x: number) => x.toFixed(1);
const percent = (share: number) => `${(share * 100).toFixed(1)}%`;
const count = (n: number) => n.toLocaleString("en-US");

/** The short name of an outcome for tight columns: its shortLabel, else its label. */
function shortName(quiz: Quiz, outcome: string): string {
  const o = quiz.outcomes.find((x) => x.id === outcome);
  return o?.shortLabel ?? o?.label ?? outcome;
}

export function formatFairness(quiz: Quiz, report: Fairness): string[] {
  const how =
    report.method === "exact"
      ? `exact: every one of ${count(report.answerSets)} answer sets scored`
      : `sampled: ${count(report.answerSets)} random answer sets scored${report.cutShort ? ", fewer than usual: the work budget ran out" : ""}`;
  const rows = [
    ["Outcome", "Wins", "Highest score"],
    ...quiz.outcomes.map((o) => [
      o.label,
      percent(report.wins[o.id] ?? 0),
      one(report.highest[o.id] ?? 0),
    ]),
    ["Balanced result", percent(report.balanced), ""],
  ];
  return [`Fairness (${how})`, ...table(rows, [1, 2])];
}

function attribution(quote: Quote): string {
  const { title, author, date, url } = quote.source;
  return `— ${title}, ${author}, ${date}${url ? `, ${url}` : ""}`;
}

/** A quotation in quotation marks, wrapped, with its attribution under it. */
function formatQuote(quote: Quote, indent: string): string[] {
  return [...wrap(`"${quote.quote}"`, indent), `${indent}  ${attribution(quote)}`];
}

export function formatResult(quiz: Quiz, result: Result, quizArg?: string): string[] {
  const lines: string[] = [];
  const { recommendation: rec } = result;
  lines.push(...wrap(result.quiz.title), "");

  if (rec.kind === "outcome") {
    lines.push(`Recommendation: ${rec.label}`);
    lines.push(
      `Leans: ${result.strength} (${one(result.margin)} points ahead, out of 100; a lead under ${one(
        quiz.scoring.tieMargin,
      )} counts as balanced)`,
    );
    const summary = quiz.outcomes.find((o) => o.id === rec.outcome)?.summary;
    if (summary) lines.push("", ...wrap(summary, "  "));
  } else if (rec.kind === "none") {
    lines.push("Recommendation: none: no answer that counts gave any points");
  } else {
    lines.push(`Recommendation: balanced between ${rec.labels.join(" and ")}`);
    lines.push(
      `Leans: ${result.strength} (${one(result.margin)} points apart, out of 100; a lead under ${one(
        quiz.scoring.tieMargin,
      )} counts as balanced)`,
    );
  }

  lines.push("", "Scores (out of 100)");
  lines.push(
    ...table(
      result.scores.map((s) => [s.label, one(s.score).padStart(5), bar(s.score)]),
      [1],
    ),
  );

  lines.push("", "By trait (each trait's share of the result; scores out of 100)");
  for (const trait of result.breakdown) {
    const share =
      trait.weight > 0 ? `${Math.round(trait.weight * 100)}% of the result` : "not scored";
    lines.push(`  ${trait.label} (${share})`);
    if (trait.weight === 0) continue;
    lines.push(
      ...table(
        result.scores.map((s) => {
          const score = trait.scores[s.outcome] ?? 0;
          return [shortName(quiz, s.outcome), one(score).padStart(5), bar(score)];
        }),
        [1],
        "    ",
      ),
    );
  }

  lines.push("", "Why");
  if (result.reasons.length === 0) lines.push("  No answer gave any outcome points.");
  result.reasons.forEach((reason, i) => {
    const trait = result.breakdown.find((t) => t.trait === reason.trait)?.label ?? reason.trait;
    const impact = `${reason.impact >= 0 ? "+" : ""}${one(reason.impact)}`;
    lines.push(
      "",
      `  ${i + 1}. ${trait} points to ${shortName(quiz, reason.outcome)} (${impact} points of lead)`,
    );
    if (reason.answers.length > 0) {
      lines.push("     Because you answered:");
      for (const answer of reason.answers) {
        lines.push(...wrap(answer.prompt, "       ", WIDTH, "     - "));
        lines.push(...wrap(answer.answer, "         ", WIDTH, "       > "));
      }
    }
    lines.push(...formatQuote(reason, "     "));
  });

  if (result.conclusion) {
    lines.push("", "In the article's words", ...formatQuote(result.conclusion, "  "));
  }

  lines.push("", `Share token: ${result.token}`);
  if (quizArg) {
    lines.push(
      `  (to see this result again: coursefit score ${quizArg} --answers ${result.token})`,
    );
  }
  return lines;
}
