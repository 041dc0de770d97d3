import react from "@vitejs/plugin-react";
import { defineConfig } from "vitest/config";
import { quizPlugin } from "./src/build/quiz-plugin";

export default defineConfig({
  plugins: [react(), quizPlugin()],
  build: {
    target: "es2022",
    rolldownOptions: { input: { index: "index.html" } },
  },
  test: {
    include: ["tests/**/*.test.{ts,tsx}"],
    exclude: ["tests/e2e/**"],
    environment: "node",
    setupFiles: ["tests/setup.ts"],
  },
});
