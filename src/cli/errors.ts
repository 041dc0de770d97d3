// The two ways a command fails on purpose. main.ts turns either into plain lines on
// stderr and an exit code; anything else is an internal error, still without a stack.

/** A failure to report: `lines` go to stderr first (e.g. a quiz's problems), then the message. */
export class CliError extends Error {
  constructor(
    message: string,
    readonly lines: readonly string[] = [],
    readonly exitCode = 1,
  ) {
    super(message);
    this.name = "CliError";
  }
}

/** The command line itself is wrong: exit 2 with the command's usage line as a hint. */
export class UsageError extends CliError {
  constructor(
    message: string,
    /** The command whose usage line to show; undefined for the general one. */
    readonly command?: string,
  ) {
    super(message, [], 2);
    this.name = "UsageError";
  }
}
