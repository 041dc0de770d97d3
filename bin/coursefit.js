#!/usr/bin/env node
// The installed `coursefit` command: the compiled CLI (scripts/build-cli.ts, run by
// `npm pack`). In a clone of the repository, `npm run coursefit -- ...` runs the sources.
import { existsSync } from "node:fs";

const cli = new URL("../lib/cli/main.js", import.meta.url);
if (!existsSync(cli)) {
  console.error("coursefit: the command is not built; run `npm run build:cli` first");
  process.exit(1);
}
await import(cli.href);
