import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { validateQuiz } from "../src/engine/validate";

describe("the README's quiz example", () => {
  it("is a valid quiz", () => {
    const readme = readFileSync("README.md", "utf8");
    const example = /## Writing a quiz[\s\S]*?```yaml\n([\s\S]*?)```/.exec(readme)?.[1];
    expect(example).toBeDefined();
    const validation = validateQuiz(example ?? "", {
      fileName: "README-example.yaml",
      loadSource: () => "X people run teams. Y people shape products. Both are good.",
    });
    expect(validation.problems).toEqual([]);
  });
});
