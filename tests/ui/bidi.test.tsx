// @vitest-environment jsdom
// Author text is isolated for bidi: a right-to-left override (U+202E) in a title, a
// prompt or a label reverses at most that text, never the words of ours around it. Each
// piece of author text sits alone in an element that isolates it: dir="auto" or <bdi>, or
// a paragraph of its own (a block ends the bidi algorithm's paragraph, as for a hint).
import { screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it } from "vitest";
import { buildQuiz } from "../helpers/build-quiz";
import { answer, renderApp } from "./support";

const RLO = "\u202E";
const authored = (name: string) => `${RLO}${name} by the author`;

const base = buildQuiz();
const quiz = buildQuiz({
  title: authored("title"),
  intro: authored("intro"),
  sources: base.sources.map((s) => ({ ...s, title: authored("source"), author: authored("name") })),
  questions: base.questions.map((q) =>
    q.type === "scale"
      ? { ...q, prompt: authored(`${q.id} prompt`), labels: q.labels.map((l) => authored(l)) }
      : {
          ...q,
          prompt: authored(`${q.id} prompt`),
          help: authored(`${q.id} help`),
          options: q.options.map((o) => ({
            ...o,
            label: authored(`${q.id} ${o.id}`),
            help: authored(`${q.id} ${o.id} help`),
          })),
        },
  ),
});

/**
 * Every piece of author text on screen, each with the text of the nearest element that
 * isolates it (undefined when none does).
 */
function isolation(): { text: string; isolatedAs: string | undefined }[] {
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  const found: { text: string; isolatedAs: string | undefined }[] = [];
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const text = node.textContent ?? "";
    if (!text.includes(RLO)) continue;
    const isolate = node.parentElement?.closest('[dir="auto"], bdi, p');
    found.push({ text, isolatedAs: isolate?.textContent ?? undefined });
  }
  return found;
}

/** Each piece of author text is the whole of what its isolating element holds. */
function expectIsolated(least: number) {
  const found = isolation();
  expect(found.length).toBeGreaterThanOrEqual(least);
  for (const { text, isolatedAs } of found) expect(isolatedAs, text).toBe(text);
}

describe("author text and bidi", () => {
  it("is isolated on the intro, the questions and the review", async () => {
    const user = userEvent.setup();
    renderApp(quiz);
    // Title, intro, source title and its author.
    expectIsolated(4);
    expect(screen.getByText(authored("source")).tagName).toBe("BDI");

    await user.click(screen.getByRole("button", { name: "Start the quiz" }));
    // Prompt, help, and each option's label and help.
    expectIsolated(6);
    await answer(user, quiz, "q1", "o1");
    await answer(user, quiz, "q2", "o2");
    // The scale's prompt and its five labels.
    expectIsolated(6);
    await user.click(screen.getByRole("button", { name: "Review my answers" }));
    // Each prompt twice (the term, and the Change button's hidden words) and the answers.
    expectIsolated(8);
    expect(
      screen.getByRole("button", { name: `Change your answer to: ${authored("q1 prompt")}` }),
    ).toBeInTheDocument();
  });
});
