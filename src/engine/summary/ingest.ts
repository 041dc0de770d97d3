// Text of one or more files, chunk by chunk -> rows -> the summary, in flat memory. Each
// file's format is told from its first line: JSON Lines (one result or logged event per
// line), result links or tokens (one per line), a CSV export (a header naming `token` or
// `answer:` columns), or one JSON document (a Result or an array of them; the only form
// held whole, since JSON cannot be read in parts). CSV records are read by papaparse.
import Papa from "papaparse";
import { type CompiledQuiz, compileQuiz } from "../compile";
import type { Quiz } from "../schema";
import { Deduper } from "./dedupe";
import { fromCsvRecord, fromJson, fromLinkOrToken, type RowInput, unescapeCell } from "./input";
import {
  add,
  addIssue,
  emptySummary,
  type RowIssue,
  type ScoredRow,
  type Summary,
  scoreRow,
} from "./summary";

/** A JSON document over this size is refused: such files should be JSON Lines. */
export const MAX_DOCUMENT_CHARS = 64 * 1024 * 1024;
/** A line over this size is refused and skipped to its end, never held: no row is this long. */
export const MAX_LINE_CHARS = 1024 * 1024;

type FileState = {
  rest: string;
  /** Skipping the rest of an overlong line. */
  skipping: boolean;
  line: number;
  mode: "detect" | "lines" | "csv" | "document";
  header: string[];
  /** A CSV record still open inside quotes, and the line it started on. */
  record: string;
  recordLine: number;
  document: string;
  documentLine: number;
};

export type IngestEvents = {
  /** A valid row, scored and counted (not called for duplicates). */
  row?: (row: ScoredRow, source: string, line: number) => void;
  issue?: (kind: "invalid" | "otherVersion" | "duplicate", issue: RowIssue) => void;
};

export class Ingest {
  readonly summary: Summary;
  readonly compiled: CompiledQuiz;
  private readonly files = new Map<string, FileState>();
  private readonly dedupe = new Deduper();

  constructor(
    quiz: Quiz,
    private readonly events: IngestEvents = {},
  ) {
    this.compiled = compileQuiz(quiz);
    this.summary = emptySummary(quiz);
  }

  /** Whether duplicates may have gone uncounted (more distinct rows than the table holds). */
  get dedupeFull(): boolean {
    return this.dedupe.full;
  }

  /** A chunk of a file's text (any size, cut anywhere). */
  push(source: string, chunk: string): void {
    const file = this.file(source);
    let text = chunk;
    let start = 0;
    if (file.skipping) {
      start = text.indexOf("\n") + 1;
      if (start === 0) return;
      file.skipping = false;
    } else text = file.rest + chunk;
    for (let end = text.indexOf("\n", start); end !== -1; end = text.indexOf("\n", start)) {
      this.line(source, file, text.slice(start, end));
      start = end + 1;
    }
    file.rest = text.slice(start);
    if (file.rest.length > MAX_LINE_CHARS) {
      file.rest = "";
      file.skipping = true;
      file.line++;
      this.issue("invalid", {
        source,
        line: file.line,
        reason: "the line is far too long for a result",
      });
    }
  }

  /** The end of a file: its last line and any document it held. */
  end(source: string): void {
    const file = this.file(source);
    if (file.rest !== "") this.line(source, file, file.rest);
    file.rest = "";
    if (file.mode === "csv" && file.record !== "") {
      this.issue("invalid", {
        source,
        line: file.recordLine,
        reason: "a quoted field is never closed",
      });
    }
    if (file.mode === "document") this.document(source, file);
    this.files.delete(source);
  }

  private file(source: string): FileState {
    let file = this.files.get(source);
    if (!file) {
      file = {
        rest: "",
        skipping: false,
        line: 0,
        mode: "detect",
        header: [],
        record: "",
        recordLine: 0,
        document: "",
        documentLine: 0,
      };
      this.files.set(source, file);
    }
    return file;
  }

  private line(source: string, file: FileState, raw: string): void {
    file.line++;
    let text = raw.endsWith("\r") ? raw.slice(0, -1) : raw;
    if (file.line === 1 && text.startsWith("\uFEFF")) text = text.slice(1);
    if (file.mode === "document") {
      this.growDocument(source, file, text);
      return;
    }
    if (file.mode === "csv") {
      this.csvLine(source, file, text);
      return;
    }
    const trimmed = text.trim();
    if (trimmed === "") return;
    if (file.mode === "detect") {
      file.mode = this.detect(file, trimmed);
      if (file.mode === "document") {
        file.documentLine = file.line;
        this.growDocument(source, file, text);
        return;
      }
      if (file.mode === "csv") return; // the header
    }
    const at = { source, line: file.line };
    if (trimmed.startsWith("{")) {
      let value: unknown;
      try {
        value = JSON.parse(trimmed);
      } catch {
        this.take(invalidRow("the line is not valid JSON"), at);
        return;
      }
      this.take(fromJson(this.compiled, value), at);
    } else this.take(fromLinkOrToken(this.compiled, trimmed), at);
  }

  private detect(file: FileState, first: string): FileState["mode"] {
    if (first.startsWith("[")) return "document";
    if (first.startsWith("{")) {
      try {
        JSON.parse(first);
        return "lines";
      } catch {
        return "document";
      }
    }
    if (first.includes(",")) {
      const header = (Papa.parse<string[]>(first).data[0] ?? []).map((h) => unescapeCell(h).trim());
      if (header.includes("token") || header.some((h) => h.startsWith("answer:"))) {
        file.header = header;
        return "csv";
      }
    }
    return "lines";
  }

  private csvLine(source: string, file: FileState, text: string): void {
    if (file.record === "") {
      if (text.trim() === "") return;
      file.recordLine = file.line;
      file.record = text;
    } else file.record += `\n${text}`;
    // A record ends where its quotes are balanced ("" inside a field counts twice).
    if ((file.record.split('"').length - 1) % 2 === 1) return;
    const fields = Papa.parse<string[]>(file.record).data[0] ?? [];
    file.record = "";
    const record: Record<string, string> = {};
    file.header.forEach((name, i) => {
      record[name] = fields[i] ?? "";
    });
    const at = { source, line: file.recordLine };
    if (fields.length !== file.header.length) {
      this.take(
        invalidRow(`the row has ${fields.length} fields, the header ${file.header.length}`),
        at,
      );
    } else this.take(fromCsvRecord(this.compiled, record), at);
  }

  private growDocument(source: string, file: FileState, text: string): void {
    if (file.document.length + text.length > MAX_DOCUMENT_CHARS) {
      if (file.document !== "\u0000") {
        this.issue("invalid", {
          source,
          line: file.documentLine,
          reason:
            "the JSON document is too large to read whole: write one result per line (JSON Lines)",
        });
      }
      file.document = "\u0000"; // refused: the rest of the file is skipped
      return;
    }
    if (file.document !== "\u0000") file.document += `${text}\n`;
  }

  private document(source: string, file: FileState): void {
    if (file.document === "\u0000") return;
    const at = { source, line: file.documentLine };
    let value: unknown;
    try {
      value = JSON.parse(file.document);
    } catch (error) {
      const why = error instanceof Error ? error.message : String(error);
      this.take(invalidRow(`the file is not valid JSON (${why})`), at);
      return;
    }
    if (!Array.isArray(value)) {
      this.take(fromJson(this.compiled, value), at);
      return;
    }
    value.forEach((item, i) => {
      const row = fromJson(this.compiled, item);
      this.take(
        row.kind === "answers" ? row : { ...row, reason: `item ${i + 1}: ${row.reason}` },
        at,
      );
    });
  }

  private take(row: RowInput, at: { source: string; line: number }): void {
    if (row.kind === "invalid") this.issue("invalid", { ...at, reason: row.reason });
    else if (row.kind === "other-version")
      this.issue("otherVersion", { ...at, reason: row.reason });
    else if (this.dedupe.seen(row.key)) {
      this.summary.duplicates++;
      this.events.issue?.("duplicate", { ...at, reason: "the same result again: counted once" });
    } else {
      const scored = scoreRow(this.compiled, row.values, row.day, row.rescored);
      add(this.summary, scored, this.compiled);
      this.events.row?.(scored, at.source, at.line);
    }
  }

  private issue(kind: "invalid" | "otherVersion", issue: RowIssue): void {
    addIssue(this.summary, kind, issue);
    this.events.issue?.(kind, issue);
  }
}

function invalidRow(reason: string): RowInput {
  return { kind: "invalid", reason };
}
