// The command line: arguments -> a command -> an exit code. Every failure ends here as
// plain lines on stderr (one `coursefit: ...` line, plus a usage hint for bad arguments),
// never a stack trace.
import { parseArgs } from "node:util";
import { CliError, UsageError } from "./errors";
import { type Io, processIo } from "./io";
import { resolveQuizPath } from "./load";
import { scoreCommand } from "./score";
import { validateCommand } from "./validate";

const USAGE: Record<string, string> = {
  validate: "coursefit validate <quiz> [--json]",
  score: "coursefit score <quiz> --answers <json|token> [--json]",
  take: "coursefit take <quiz>",
  summarize: "coursefit summarize <quiz> <files...|-> [--json | --csv]",
  serve:
    "coursefit serve [--db FILE] [--allow-origin URL]... [--retain DAYS] [--rate N] [--port N] [--root DIR]",
};

const ABOUT: Record<string, string> = {
  validate: `Check a quiz file. Prints each problem as "file:line:col pointer code message"
      (exit 1), or, for a valid quiz, how fair it is to each outcome (exit 0).`,
  score: `Score a set of answers and explain the result. The answers are a JSON object,
      e.g. '{"week":"events","proud":["value"],"facilitator":4}' (an option id, a
      list of option ids or a scale point per question), or a share token.`,
  take: `Take the quiz one question at a time, then see the result.`,
  summarize: `Summarise many results (links, tokens, JSON Lines, CSV; - for stdin): how the
      cohort splits, how strongly it leans, each trait, each question, what moved people.`,
  serve: `Serve the quiz pages on 127.0.0.1 and collect the results takers agree to send
      (SQLite in --db, default coursefit.db; PostgreSQL with DATABASE_URL). The trainer
      key is COURSEFIT_TRAINER_KEY, or created at first start and printed once.`,
};

const QUIZ_ARG = `<quiz> is a quiz file (.yaml, .yml or .json) with its source texts beside it, or the
name of a quiz shipped with coursefit (csm-vs-cspo).`;

const HELP = `coursefit: a self-assessment quiz in the terminal

Usage:
${Object.keys(USAGE)
  .map((command) => `  ${USAGE[command]}\n      ${ABOUT[command]}`)
  .join("\n")}

${QUIZ_ARG}

Options:
  --answers <json|token>  the answers to score (score only)
  --json                  print JSON instead of text (validate, score, summarize)
  --csv                   print one CSV row per result (summarize)
  --db FILE               the SQLite file for results (serve; default coursefit.db)
  --allow-origin URL      an origin whose pages may send results (serve; repeatable)
  --retain DAYS           delete results older than this (serve; default 365)
  --rate N                results one address may send a minute (serve; default 30)
  --port N                the port (serve; default PORT or 4173)
  --root DIR              the built pages to serve (serve; default the package's dist/)
  -h, --help              show this help

Exit status: 0 done, 1 invalid quiz or answers (or the quiz was not finished),
2 bad command line.`;

const OPTIONS = {
  answers: { type: "string" },
  json: { type: "boolean" },
  csv: { type: "boolean" },
  help: { type: "boolean", short: "h" },
  db: { type: "string" },
  "allow-origin": { type: "string", multiple: true },
  retain: { type: "string" },
  rate: { type: "string" },
  port: { type: "string" },
  root: { type: "string" },
} as const;

/** Which options each command takes. */
const ALLOWED: Record<string, (keyof typeof OPTIONS)[]> = {
  validate: ["json", "help"],
  score: ["answers", "json", "help"],
  take: ["help"],
  summarize: ["json", "csv", "help"],
  serve: ["db", "allow-origin", "retain", "rate", "port", "root", "help"],
};

export async function run(argv: string[], io: Io): Promise<number> {
  const { values, positionals, tokens } = parseArgs({
    args: argv,
    options: OPTIONS,
    allowPositionals: true,
    strict: false,
    tokens: true,
  });
  const [command, ...rest] = positionals;
  const allowed = command !== undefined ? ALLOWED[command] : undefined;

  for (const token of tokens) {
    if (token.kind !== "option") continue;
    const known = token.name in OPTIONS;
    if (!known) throw new UsageError(`unknown option "${token.rawName}"`, allowed && command);
    const name = token.name as keyof typeof OPTIONS;
    if (allowed && !allowed.includes(name)) {
      throw new UsageError(`"${command}" does not take ${token.rawName}`, command);
    }
    if (OPTIONS[name].type === "boolean" && token.value !== undefined) {
      throw new UsageError(`${token.rawName} takes no value`, allowed && command);
    }
    if (
      OPTIONS[name].type === "string" &&
      (token.value === undefined || (!token.inlineValue && /^--?[a-z]+$/.test(token.value)))
    ) {
      throw new UsageError(`${token.rawName} needs a value`, allowed && command);
    }
  }

  if (values.help) {
    io.print(
      allowed
        ? `Usage: ${USAGE[command as string]}\n      ${ABOUT[command as string]}\n\n${QUIZ_ARG}`
        : HELP,
    );
    return 0;
  }
  if (command === undefined) throw new UsageError("missing command");
  if (!allowed) throw new UsageError(`unknown command "${command}"`);
  if (command === "summarize") {
    const { summarizeCommand } = await import("./summarize");
    return summarizeCommand(rest, { json: values.json === true, csv: values.csv === true }, io);
  }
  if (command === "serve") {
    if (rest.length > 0) throw new UsageError(`unexpected argument "${rest[0]}"`, command);
    // Loaded only when needed: the server brings Hono and the database drivers with it.
    const { serveCommand } = await import("./serve");
    return serveCommand(
      {
        db: text(values.db) ?? "coursefit.db",
        allowOrigins: (values["allow-origin"] ?? []).filter((v) => typeof v === "string"),
        retain: text(values.retain) ?? "365",
        rate: text(values.rate) ?? "30",
        port: text(values.port) ?? process.env.PORT ?? "4173",
        ...(text(values.root) ? { root: text(values.root) } : {}),
      },
      io,
    );
  }
  const [quizArg, ...extra] = rest;
  if (quizArg === undefined) throw new UsageError("missing quiz path", command);
  if (extra.length > 0) throw new UsageError(`unexpected argument "${extra[0]}"`, command);
  const quiz = resolveQuizPath(quizArg);

  const json = values.json === true;
  switch (command) {
    case "validate":
      return validateCommand(quiz, { json }, io);
    case "score": {
      if (typeof values.answers !== "string") throw new UsageError("missing --answers", command);
      return scoreCommand(quiz, { answers: values.answers, json }, io);
    }
    default: {
      // Loaded only when needed: the flow machine brings XState with it.
      const { takeCommand } = await import("./take");
      return takeCommand(quiz, io);
    }
  }
}

/** An option's value; the checks above leave only strings for string options. */
function text(value: unknown): string | undefined {
  return typeof value === "string" ? value : undefined;
}

/** Turns any failure into lines on stderr and an exit code. */
export function report(error: unknown, io: Io): number {
  if (error instanceof UsageError) {
    const usage = error.command ? USAGE[error.command] : undefined;
    io.warn(
      `coursefit: ${error.message}`,
      usage
        ? `usage: ${usage}  (coursefit --help for more)`
        : "usage: coursefit <validate|score|take|serve> [<quiz>] [options]  (coursefit --help for more)",
    );
    return error.exitCode;
  }
  if (error instanceof CliError) {
    io.warn(...error.lines, `coursefit: ${error.message}`);
    return error.exitCode;
  }
  const message = error instanceof Error ? error.message : String(error);
  io.warn(`coursefit: internal error: ${message.split("\n")[0]}`);
  return 1;
}

async function main(): Promise<void> {
  // `coursefit ... | head` closes the pipe early: stop quietly rather than crash.
  process.stdout.on("error", (error: NodeJS.ErrnoException) => {
    if (error.code === "EPIPE") process.exit(process.exitCode ?? 0);
  });
  const crash = (error: unknown) => {
    process.exitCode = report(error, processIo);
    process.exit();
  };
  process.on("uncaughtException", crash);
  process.on("unhandledRejection", crash);
  try {
    process.exitCode = await run(process.argv.slice(2), processIo);
  } catch (error) {
    process.exitCode = report(error, processIo);
  }
}

await main();
