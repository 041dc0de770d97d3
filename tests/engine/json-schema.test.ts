import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { quizJsonSchema, SCHEMA_FILE } from "../../scripts/quiz-json-schema";

describe("quizzes/quiz.schema.json", () => {
  it("is what the schema definition generates (run `npm run schema` after changing it)", () => {
    expect(readFileSync(SCHEMA_FILE, "utf8")).toBe(quizJsonSchema());
  });

  it("refuses unknown fields, so editors underline typos", () => {
    const schema = JSON.parse(quizJsonSchema());
    expect(schema.additionalProperties).toBe(false);
    expect(schema.required).toEqual(
      expect.arrayContaining(["id", "version", "questions", "scoring"]),
    );
  });
});
