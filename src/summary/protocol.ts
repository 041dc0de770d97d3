// Messages between the summary page and its worker. Everything heavy (reading, scoring,
// filtering, exporting) happens in the worker; the page only draws what it is sent.
import type { Quiz } from "../engine/schema";
import type { RowIssue, Summary } from "../engine/summary/summary";

export type Filter = {
  /** Groups to keep (outcome ids, "balanced", "none"); empty keeps all. */
  groups: string[];
  /** Days since 1970-01-01 (UTC), inclusive; rows without a date are kept only without a range. */
  from: number | null;
  to: number | null;
  /** Keep rows that gave this answer: question index and slot (option index + 1, or scale point). */
  answer: { question: number; slot: number } | null;
};

export const NO_FILTER: Filter = { groups: [], from: null, to: null, answer: null };

export type SortKey = "recommendation" | "margin" | "date";

export type TableRow = {
  token: string;
  group: string;
  margin: number;
  /** Per outcome, in quiz order. */
  scores: number[];
  date: string;
};

export type ToWorker =
  | { type: "start"; quiz: Quiz }
  | { type: "text"; source: string; text: string }
  | { type: "files"; files: File[] }
  | { type: "view"; filter: Filter; sort: SortKey; descending: boolean }
  | { type: "export"; format: "csv" | "json"; filter: Filter };

export type FromWorker =
  | { type: "progress"; done: number; total: number }
  | {
      type: "view";
      /** Every row read, unfiltered: for the counts of what was read. */
      all: Summary;
      /** The rows that pass the filter. */
      summary: Summary;
      rows: TableRow[];
      /** How many rows pass the filter (the table shows the first of them). */
      matching: number;
      issues: { invalid: RowIssue[]; otherVersion: RowIssue[] };
    }
  | { type: "export"; format: "csv" | "json"; text: string };
