// Many results -> one cohort summary, as a streaming reducer: `add` folds one scored row
// in, `merge` joins two summaries, and the summary of a whole equals the merge of the
// summaries of its parts, however it was split and in whatever order rows came. Every
// figure is a count or an integer sum (scores in tenths of a point), so merging is exact.
//
// `add` and `merge` write into their first argument and return it: a cohort of a
// million rows is folded without copying the summary a million times.
import { type CompiledQuiz, type CompiledScores, compileQuiz, scoreWithDecisive } from "../compile";
import type { Quiz } from "../schema";

/** A row that was not counted: where it was and why. */
export type RowIssue = { source: string; line: number; reason: string };

/** Issues are counted in full; the first of them (by file and line) are kept to show. */
export const KEPT_ISSUES = 100;

/** Margins 0..100 in bins of one point (100 has its own bin). */
export const MARGIN_BINS = 101;
/** Trait scores 0..100 in bins of ten points (100 has its own bin). */
export const SCORE_BINS = 11;
/** Count, sum and sum of squares of a trait's scores, in tenths of a point. */
const STATS = 3;

/** Each outcome by id, then these two groups: every row belongs to exactly one. */
export const BALANCED = "balanced";
export const NONE = "none";

export type Summary = {
  quiz: { id: string; version: string };
  /** Outcome ids, then "balanced", then "none" (nothing answered): the groups rows fall in. */
  groups: string[];
  /** Valid rows counted (duplicates once). */
  results: number;
  /** Per group. */
  byGroup: number[];
  /** Rows from an older version of the quiz whose answers still apply, re-scored. */
  rescored: number;
  /** Rows seen again (the same token twice): counted once. */
  duplicates: number;
  /** Balanced, slight, clear, strong (rows with nothing answered are in none of them). */
  strength: number[];
  /** Per one-point bin of the margin. */
  margins: number[];
  /** Rows within the tie margin (balanced), and close to it (under twice the margin). */
  withinTie: number;
  closeToTie: number;
  /** [group][pair][bin]: how many rows had a trait score for an outcome in each bin. */
  traitBins: number[];
  /** [group][pair][count, sum, sum of squares] of trait scores in tenths, for mean and spread. */
  traitStats: number[];
  /** [question][slot][group]: slot 0 no answer counted, then each option (ticks) or point. */
  answers: number[];
  /** [question][group]: rows whose recommendation would change without their answer here. */
  decisive: number[];
  /** [question][slot]: how often that answer was the one whose removal changes the result. */
  decidedBy: number[];
  /** The first and last day (days since 1970-01-01, UTC) among dated rows. */
  firstDay: number | null;
  lastDay: number | null;
  invalid: { count: number; kept: RowIssue[] };
  otherVersion: { count: number; kept: RowIssue[] };
};

/** One valid row, scored: everything the summary, the filters and the table read. */
export type ScoredRow = {
  values: Int32Array;
  group: number;
  margin: number;
  /** Per pair, the trait score in tenths of a point; -1 where no answer touched the trait. */
  traits: Int32Array;
  /** Per outcome (quiz order), the score in tenths. */
  scores: Int32Array;
  decisive: Uint8Array;
  day: number | undefined;
  rescored: boolean;
};

/** Where each question's slots start in `answers` and `decidedBy`. */
export function slotLayout(compiled: CompiledQuiz): { start: number[]; total: number } {
  const start: number[] = [];
  let total = 0;
  for (const question of compiled.questions) {
    start.push(total);
    total += question.size + 1;
  }
  return { start, total };
}

export function emptySummary(quiz: Quiz): Summary {
  const compiled = compileQuiz(quiz);
  const groups = [...quiz.outcomes.map((o) => o.id), BALANCED, NONE];
  const g = groups.length;
  const zeros = (n: number) => new Array<number>(n).fill(0);
  const slots = slotLayout(compiled).total;
  return {
    quiz: { id: quiz.id, version: quiz.version },
    groups,
    results: 0,
    byGroup: zeros(g),
    rescored: 0,
    duplicates: 0,
    strength: zeros(4),
    margins: zeros(MARGIN_BINS),
    withinTie: 0,
    closeToTie: 0,
    traitBins: zeros(g * compiled.pairs * SCORE_BINS),
    traitStats: zeros(g * compiled.pairs * STATS),
    answers: zeros(slots * g),
    decisive: zeros(compiled.questions.length * g),
    decidedBy: zeros(slots),
    firstDay: null,
    lastDay: null,
    invalid: { count: 0, kept: [] },
    otherVersion: { count: 0, kept: [] },
  };
}

/** Which group a scoring falls in: the outcome's index, then balanced, then none. */
function groupOf(compiled: CompiledQuiz, scores: CompiledScores): number {
  if (scores.counted.every((v) => v === 0)) return compiled.outcomes + 1;
  return scores.winner === -1 ? compiled.outcomes : scores.winner;
}

/** Scores one answer set (values, as compile.ts defines them) into a row for the summary. */
export function scoreRow(
  compiled: CompiledQuiz,
  values: Int32Array,
  day?: number,
  rescored = false,
): ScoredRow {
  const { scores, decisive } = scoreWithDecisive(compiled, values);
  const traits = new Int32Array(compiled.pairs);
  for (let t = 0; t < compiled.traits; t++) {
    const touched = (scores.traitShares[t] as number) > 0;
    for (let o = 0; o < compiled.outcomes; o++) {
      const p = t * compiled.outcomes + o;
      traits[p] = touched ? Math.round((scores.traitScores[p] as number) * 10) : -1;
    }
  }
  return {
    values: scores.counted,
    group: groupOf(compiled, scores),
    margin: scores.margin,
    traits,
    scores: Int32Array.from(scores.outcomeScores, (s) => Math.round(s * 10)),
    decisive,
    day,
    rescored,
  };
}

function bump(counts: number[], at: number, by = 1): void {
  counts[at] = (counts[at] ?? 0) + by;
}

/** Folds one scored row into the summary (written in place and returned). */
export function add(summary: Summary, row: ScoredRow, compiled: CompiledQuiz): Summary {
  const g = summary.groups.length;
  const { group } = row;
  summary.results++;
  bump(summary.byGroup, group);
  if (row.rescored) summary.rescored++;
  if (group !== compiled.outcomes + 1) {
    const tie = compiled.tieMargin;
    const m = row.margin;
    bump(summary.strength, group === compiled.outcomes ? 0 : m < 2 * tie ? 1 : m < 4 * tie ? 2 : 3);
    bump(summary.margins, Math.min(MARGIN_BINS - 1, Math.max(0, Math.floor(m))));
    if (group === compiled.outcomes) summary.withinTie++;
    else if (m < 2 * tie) summary.closeToTie++;
  }
  const pairs = compiled.pairs;
  for (let p = 0; p < pairs; p++) {
    const tenths = row.traits[p] as number;
    if (tenths < 0) continue;
    bump(summary.traitBins, (group * pairs + p) * SCORE_BINS + Math.floor(tenths / 100));
    const at = (group * pairs + p) * STATS;
    bump(summary.traitStats, at);
    bump(summary.traitStats, at + 1, tenths);
    bump(summary.traitStats, at + 2, tenths * tenths);
  }
  let slot = 0;
  compiled.questions.forEach((question, q) => {
    const value = row.values[q] as number;
    if (value === 0) bump(summary.answers, slot * g + group);
    else if (question.kind === "multiple") {
      for (let o = 0; o < question.size; o++)
        if (value & (1 << o)) bump(summary.answers, (slot + 1 + o) * g + group);
    } else bump(summary.answers, (slot + value) * g + group);
    if (row.decisive[q]) {
      bump(summary.decisive, q * g + group);
      if (question.kind === "multiple") {
        for (let o = 0; o < question.size; o++)
          if (value & (1 << o)) bump(summary.decidedBy, slot + 1 + o);
      } else bump(summary.decidedBy, slot + value);
    }
    slot += question.size + 1;
  });
  if (row.day !== undefined) {
    summary.firstDay = summary.firstDay === null ? row.day : Math.min(summary.firstDay, row.day);
    summary.lastDay = summary.lastDay === null ? row.day : Math.max(summary.lastDay, row.day);
  }
  return summary;
}

/** Counts a row that could not be used: invalid, or from a version whose answers no longer fit. */
export function addIssue(
  summary: Summary,
  kind: "invalid" | "otherVersion",
  issue: RowIssue,
): Summary {
  const list = summary[kind];
  list.count++;
  if (list.kept.length < KEPT_ISSUES || compareIssues(issue, list.kept.at(-1) as RowIssue) < 0) {
    list.kept = keepFirst([...list.kept, issue]);
  }
  return summary;
}

function compareIssues(a: RowIssue, b: RowIssue): number {
  if (a.source !== b.source) return a.source < b.source ? -1 : 1;
  if (a.line !== b.line) return a.line - b.line;
  return a.reason < b.reason ? -1 : a.reason > b.reason ? 1 : 0;
}

/** The first KEPT_ISSUES by file and line: the same whatever order they came in. */
function keepFirst(issues: RowIssue[]): RowIssue[] {
  return issues.sort(compareIssues).slice(0, KEPT_ISSUES);
}

/** Joins summary b into a (written in place and returned). Both must be of the same quiz. */
export function merge(a: Summary, b: Summary): Summary {
  if (a.quiz.id !== b.quiz.id || a.quiz.version !== b.quiz.version) {
    throw new Error(
      `cannot merge summaries of ${a.quiz.id} ${a.quiz.version} and ${b.quiz.id} ${b.quiz.version}`,
    );
  }
  const sum = (x: number[], y: number[]) => {
    for (let i = 0; i < x.length; i++) x[i] = (x[i] as number) + (y[i] ?? 0);
  };
  a.results += b.results;
  a.rescored += b.rescored;
  a.duplicates += b.duplicates;
  a.withinTie += b.withinTie;
  a.closeToTie += b.closeToTie;
  for (const key of [
    "byGroup",
    "strength",
    "margins",
    "traitBins",
    "traitStats",
    "answers",
    "decisive",
    "decidedBy",
  ] as const)
    sum(a[key], b[key]);
  const day = (x: number | null, y: number | null, pick: (...n: number[]) => number) =>
    x === null ? y : y === null ? x : pick(x, y);
  a.firstDay = day(a.firstDay, b.firstDay, Math.min);
  a.lastDay = day(a.lastDay, b.lastDay, Math.max);
  for (const kind of ["invalid", "otherVersion"] as const) {
    a[kind] = {
      count: a[kind].count + b[kind].count,
      kept: keepFirst([...a[kind].kept, ...b[kind].kept]),
    };
  }
  return a;
}
