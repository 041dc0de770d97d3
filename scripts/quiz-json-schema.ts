// The JSON Schema that editors use to autocomplete and underline quiz files, generated
// from the one schema definition in src/engine/schema.ts. `npm run schema` rewrites
// quizzes/quiz.schema.json; a test fails when the committed file is out of date.
import { writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { z } from "zod";
import { quizSchema } from "../src/engine/schema";

export const SCHEMA_FILE = fileURLToPath(new URL("../quizzes/quiz.schema.json", import.meta.url));

export function quizJsonSchema(): string {
  const schema = z.toJSONSchema(quizSchema, { io: "input", target: "draft-2020-12" });
  return `${JSON.stringify({ ...schema, title: "coursefit quiz" }, null, 2)}\n`;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  writeFileSync(SCHEMA_FILE, quizJsonSchema());
  console.log(`wrote ${SCHEMA_FILE}`);
}
