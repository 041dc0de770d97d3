// Where a command reads and writes, so that commands never touch `process` directly.
// Everything written to the terminal goes through escapeControls: what a quiz file says
// is shown, never obeyed.
import { escapeControls } from "./terminal";

export type Io = {
  /** Writes one or more lines to stdout. */
  print: (...lines: string[]) => void;
  /** Writes text to stdout as it is (a prompt). */
  write: (text: string) => void;
  /** Writes one or more lines to stderr. */
  warn: (...lines: string[]) => void;
  stdin: NodeJS.ReadableStream & { isTTY?: boolean };
};

export const processIo: Io = {
  print: (...lines) => {
    process.stdout.write(`${escapeControls(lines.join("\n"))}\n`);
  },
  write: (text) => {
    process.stdout.write(escapeControls(text));
  },
  warn: (...lines) => {
    process.stderr.write(`${escapeControls(lines.join("\n"))}\n`);
  },
  stdin: process.stdin,
};
