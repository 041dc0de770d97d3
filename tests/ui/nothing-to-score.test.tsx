// @vitest-environment jsdom
// A result with nothing to score (an all-optional quiz left blank) says so, and neither
// calls it balanced nor quotes the conclusion.
import { screen } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { buildQuiz } from "../helpers/build-quiz";
import { renderApp } from "./support";

describe("the result of answers that score nothing", () => {
  it("says there is nothing to score yet", async () => {
    const base = buildQuiz();
    const quiz = { ...base, questions: base.questions.map((q) => ({ ...q, required: false })) };
    renderApp(quiz, { start: { kind: "result", answers: {} } });
    // The result view is a lazily loaded chunk, so the heading arrives a moment later.
    expect(await screen.findByRole("heading", { level: 1 })).toHaveTextContent(
      "There is nothing to score yet",
    );
    const text = document.body.textContent ?? "";
    expect(text).not.toMatch(/balanced|both courses fit/i);
    expect(text).not.toContain("Both are fine.");
    expect(screen.getByRole("button", { name: /back|change/i })).toBeInTheDocument();
  });
});
