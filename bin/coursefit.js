#!/usr/bin/env node
// The installed `coursefit` command: registers tsx so that Node runs the TypeScript
// sources directly, then hands over to the CLI.
import { register } from "tsx/esm/api";

register();
await import("../src/cli/main.ts");
