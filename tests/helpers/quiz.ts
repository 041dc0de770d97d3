// Loads a quiz file through the real validator, failing loudly if it is not valid.
import { readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import type { Quiz } from "../../src/engine/schema";
import { validateQuiz } from "../../src/engine/validate";

export function loadQuiz(path = "quizzes/csm-vs-cspo.yaml"): Quiz {
  const validation = validateQuiz(readFileSync(path, "utf8"), {
    fileName: path,
    loadSource: (file) => readFileSync(join(dirname(path), file), "utf8"),
  });
  if (!validation.ok)
    throw new Error(`${path} is not valid: ${JSON.stringify(validation.problems)}`);
  return validation.quiz;
}
