// The command as the installed package runs it (lib/, compiled by `npm run build:cli`),
// built once per bench run, so that timings measure coursefit and not tsx compiling it.
import { execFileSync } from "node:child_process";

export const COMPILED_CLI = "lib/cli/main.js";
let built = false;

export function buildCompiledCli(): string {
  if (!built) execFileSync("npm", ["run", "build:cli"], { stdio: "ignore" });
  built = true;
  return COMPILED_CLI;
}
