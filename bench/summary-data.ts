// Inputs for the summary bench: random answer sets for the built-in quiz as compiled
// values, as tokens and as Result JSON Lines. Seeded, so every run reads the same rows.
import { readFileSync } from "node:fs";
import { type CompiledQuiz, compileQuiz, valuesToAnswers } from "../src/engine/compile";
import { evaluate } from "../src/engine/result";
import type { Quiz } from "../src/engine/schema";
import { encodeAnswers } from "../src/engine/share";
import { validateQuiz } from "../src/engine/validate";

export const QUIZ_PATH = "quizzes/csm-vs-cspo.yaml";

export function builtInQuiz(): Quiz {
  const validation = validateQuiz(readFileSync(QUIZ_PATH, "utf8"), {
    fileName: QUIZ_PATH,
    loadSource: (file) => readFileSync(`quizzes/${file}`, "utf8"),
  });
  if (!validation.ok) throw new Error(`${QUIZ_PATH} is not valid`);
  return validation.quiz;
}

/** A small seeded generator (mulberry32). */
function random(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** `count` answer sets, every question answered (hidden ones too: the scorer drops those). */
export function randomValues(compiled: CompiledQuiz, count: number, seed = 7): Int32Array[] {
  const next = random(seed);
  const pick = (n: number) => Math.floor(next() * n);
  return Array.from({ length: count }, () =>
    Int32Array.from(compiled.questions, (q) => {
      if (q.kind !== "multiple") return 1 + pick(q.size);
      let mask = 0;
      const ticks = q.minChoices + pick(q.maxChoices - q.minChoices + 1);
      while (mask.toString(2).replace(/0/g, "").length < ticks) mask |= 1 << pick(q.size);
      return mask;
    }),
  );
}

export function tokensOf(quiz: Quiz, values: Int32Array[]): string[] {
  const compiled = compileQuiz(quiz);
  return values.map((v) => encodeAnswers(quiz, valuesToAnswers(compiled, v)));
}

export function resultLinesOf(quiz: Quiz, values: Int32Array[]): string[] {
  const compiled = compileQuiz(quiz);
  return values.map((v) => JSON.stringify(evaluate(quiz, valuesToAnswers(compiled, v))));
}
