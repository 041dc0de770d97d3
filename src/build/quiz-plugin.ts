// Quiz files become validated JSON modules at build time, so the browser never ships the
// validator, the YAML parser or zod to take a built-in quiz, and a broken quiz file
// fails the build with the same file:line:col lines the CLI prints.
import { readFileSync } from "node:fs";
import { dirname, join, relative } from "node:path";
import type { Plugin } from "vite";
import { formatProblem } from "../engine/problem";
import { validateQuiz } from "../engine/validate";

export function quizPlugin(): Plugin {
  return {
    name: "coursefit-quiz",
    load(id) {
      if (!/[\\/]quizzes[\\/][^\\/]+\.(ya?ml|json)$/.test(id) || id.endsWith(".schema.json"))
        return null;
      const fileName = relative(process.cwd(), id);
      const validation = validateQuiz(readFileSync(id, "utf8"), {
        fileName,
        loadSource: (file) => {
          const path = join(dirname(id), file);
          this.addWatchFile(path);
          return readFileSync(path, "utf8");
        },
      });
      if (!validation.ok) this.error(validation.problems.map(formatProblem).join("\n"));
      return {
        code: `export default ${JSON.stringify(validation.quiz)};`,
        map: null,
        moduleType: "js",
      };
    },
  };
}
