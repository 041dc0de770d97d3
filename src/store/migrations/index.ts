// Every migration, by its numbered name, in order. Listed here rather than read from the
// folder, so that they ship inside a compiled build as well.
import type { Migration } from "kysely";
import * as results from "./0001-results";
import * as trainer from "./0002-trainer";

export const MIGRATIONS: Record<string, Migration> = {
  "0001-results": results,
  "0002-trainer": trainer,
};
