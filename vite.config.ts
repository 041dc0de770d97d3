import react from "@vitejs/plugin-react";
import { defineConfig } from "vitest/config";
import { quizPlugin } from "./src/build/quiz-plugin";

// Files trainers link to by name keep their names; everything else is content-hashed.
const STABLE_NAMES: Record<string, string> = { embed: "embed.js", resize: "resize.js" };

// What a build makes. scripts/build.ts builds each on its own (COURSEFIT_BUILD names one),
// so each page or script is one self-contained file plus its lazy chunks.
export const BUILDS: Record<string, string> = {
  index: "index.html",
  frame: "embed.html",
  // The hidden frame in which the element checks a trainer's quiz, in a worker.
  validate: "validate.html",
  builder: "builder.html",
  summary: "summary.html",
  embed: "src/embed/element.tsx",
  resize: "src/embed/resize.ts",
};
const only = process.env.COURSEFIT_BUILD;

export default defineConfig({
  plugins: [react(), quizPlugin()],
  // Relative URLs: the embed loads its chunks from wherever it is served, not from the host page.
  base: "./",
  build: {
    target: "es2022",
    // No <link rel="modulepreload"> and no polyfill for it: each page is one file, and
    // the embed's only lazy chunk (a trainer's quiz validator) imports nothing else.
    modulePreload: false,
    // light-dark() kept as it is: lowered, it follows only the visitor's setting, never a
    // color-scheme that a trainer's page sets on <coursefit-quiz>.
    cssTarget: ["chrome123", "edge123", "firefox120", "safari17.5"],
    rolldownOptions: {
      input: only ? { [only]: BUILDS[only] ?? only } : BUILDS,
      output: {
        // resize.js is a classic <script>: wrapped, so its names do not become the page's globals.
        format: only === "resize" ? "iife" : "es",
        entryFileNames: (chunk) => STABLE_NAMES[chunk.name] ?? "assets/[name]-[hash].js",
      },
    },
  },
  // Module workers (validate.html's): the worker is one file of its own.
  worker: { format: "es" },
  test: {
    include: ["tests/**/*.test.{ts,tsx}"],
    exclude: ["tests/e2e/**"],
    environment: "node",
    setupFiles: ["tests/setup.ts"],
  },
});
