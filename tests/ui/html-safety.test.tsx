// @vitest-environment jsdom
// Quiz text is data, written by a trainer or arriving in a file: it is always shown as
// text, never parsed as HTML, on every screen.
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it } from "vitest";
import { buildQuiz } from "../helpers/build-quiz";
import { answer, questionHeading, renderApp } from "./support";

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return /\.(ts|tsx|js|mjs)$/.test(entry.name) ? [path] : [];
  });
}

const MARKUP = /dangerouslySetInnerHTML|innerHTML|outerHTML|insertAdjacentHTML|document\.write/;

describe("HTML in the source", () => {
  it("is never written as markup by any file in src/", () => {
    const files = sourceFiles("src");
    expect(files.length).toBeGreaterThan(20);
    expect(files.filter((file) => MARKUP.test(readFileSync(file, "utf8")))).toEqual([]);
  });
});

describe("quiz text that looks like HTML", () => {
  const base = buildQuiz();
  const tiny = buildQuiz({
    title: "<b>Tiny</b> quiz",
    intro: "An <i>intro</i> & more",
    traits: [
      { id: "a", label: "<s>Trait A</s>" },
      { id: "b", label: "Trait B" },
    ],
    outcomes: base.outcomes.map((o) =>
      o.id === "x" ? { ...o, label: "<b>Outcome X</b>", summary: "<u>X summary</u>" } : o,
    ),
    passages: base.passages.map((p) =>
      p.id === "x-why" ? { ...p, text: "<b>X</b> suits people who run teams." } : p,
    ),
    questions: base.questions.map((q) =>
      q.id === "q1" && q.type === "single"
        ? {
            ...q,
            prompt: "<b>x</b>",
            help: "<script>window.hacked = true</script>",
            options: [
              { ...q.options[0], label: '<img src="x" onerror="window.hacked = true">' },
              q.options[1],
            ],
          }
        : q,
    ),
  });

  function noMarkupRendered() {
    expect(document.body.querySelector("b, i, u, s, img, script")).toBeNull();
    expect((window as { hacked?: boolean }).hacked).toBeUndefined();
  }

  it("is shown as literal text on every screen", async () => {
    const user = userEvent.setup();
    renderApp(tiny);
    expect(questionHeading()).toHaveTextContent("<b>Tiny</b> quiz");
    expect(screen.getByText("An <i>intro</i> & more")).toBeInTheDocument();
    noMarkupRendered();

    await user.click(screen.getByRole("button", { name: "Start the quiz" }));
    expect(questionHeading().textContent).toBe("<b>x</b>");
    expect(screen.getByRole("group", { name: "<b>x</b>" })).toBeInTheDocument();
    expect(screen.getByText("<script>window.hacked = true</script>")).toBeInTheDocument();
    expect(
      screen.getByRole("radio", { name: '<img src="x" onerror="window.hacked = true">' }),
    ).toBeInTheDocument();
    noMarkupRendered();

    await answer(user, tiny, "q1", "o1");
    await answer(user, tiny, "q2", "o1");
    await user.click(screen.getByRole("button", { name: "Review my answers" }));
    expect(screen.getAllByRole("term")[0]?.textContent).toBe("<b>x</b>");
    expect(screen.getByText('<img src="x" onerror="window.hacked = true">')).toBeInTheDocument();
    noMarkupRendered();

    await user.click(screen.getByRole("button", { name: "See my result" }));
    expect(questionHeading()).toHaveTextContent("<b>Outcome X</b> fits you best");
    expect(screen.getByText("<u>X summary</u>")).toBeInTheDocument();
    expect(screen.getByRole("rowheader", { name: "<s>Trait A</s>" })).toBeInTheDocument();
    expect(Array.from(document.querySelectorAll("blockquote"), (q) => q.textContent)).toContain(
      "<b>X</b> suits people who run teams.",
    );
    // The result's own tags are there; the quiz's never are.
    expect(document.querySelectorAll("strong").length).toBeGreaterThan(0);
    noMarkupRendered();
  });
});
