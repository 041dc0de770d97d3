// @vitest-environment jsdom
// The result page: what it recommends and how strongly, the next step first, the trait
// figures, the strongest reasons with a short quote each, the comparison in a disclosure
// (no quote shown twice, the source cited once), and what can be done with it.
import { readFileSync } from "node:fs";
import { screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { afterEach, describe, expect, it, vi } from "vitest";
import { evaluate } from "../../src/engine/result";
import type { Answers } from "../../src/engine/schema";
import { buildQuiz } from "../helpers/build-quiz";
import { loadQuiz } from "../helpers/quiz";
import {
  BALANCED_ANSWERS,
  CSM_ANSWERS,
  memoryStore,
  questionHeading,
  renderApp,
  resultUrl,
  takeQuiz,
} from "./support";

const quiz = loadQuiz();
const SOURCE = readFileSync("quizzes/product-owner-101.txt", "utf8");
const ATTRIBUTION_ONCE = "Braintrust Group, Product Owner 101, June 1, 2023";

function openResult(answers: Answers, props: Parameters<typeof renderApp>[1] = {}) {
  const user = userEvent.setup();
  const view = renderApp(quiz, { start: { kind: "result", answers }, ...props });
  return { user, ...view };
}

afterEach(() => {
  vi.restoreAllMocks();
});

describe("a result reached by taking the quiz", () => {
  it("names the recommended course and how strongly the answers lean to it", async () => {
    const user = userEvent.setup();
    renderApp(quiz);
    await takeQuiz(user, quiz, CSM_ANSWERS);
    expect(questionHeading()).toHaveTextContent("CSM fits you best");
    expect(questionHeading()).toHaveFocus();
    expect(
      screen.getByText("Your answers lean strongly toward CSM: 78 to 0 out of 100."),
    ).toBeInTheDocument();
    expect(screen.getByText(/Your answers point to the ScrumMaster's work/)).toBeInTheDocument();
    expect(screen.queryByText(/Your answers point to the Product Owner's work/)).toBeNull();
    expect(screen.getAllByRole("status")[0]).toHaveTextContent("Your result: CSM fits you best");
  });
});

describe("the trait breakdown", () => {
  it("has a table with each trait's figures, the same as the engine's breakdown", () => {
    openResult(CSM_ANSWERS);
    const table = screen.getByRole("table", { name: "Score out of 100 on each trait" });
    const rows = within(table)
      .getAllByRole("row")
      .map((row) => Array.from(row.querySelectorAll("th, td"), (c) => c.textContent));
    expect(rows).toEqual([
      ["Trait", "CSM", "CSPO"],
      ["Role and responsibility", "77", "0"],
      ["Focus", "67", "0"],
      ["Who you are", "100", "0"],
      ["Collaboration", "69", "0"],
    ]);
    // Each row is named by its trait, each column by its course.
    expect(
      within(table)
        .getAllByRole("rowheader")
        .map((h) => h.textContent),
    ).toEqual(["Role and responsibility", "Focus", "Who you are", "Collaboration"]);
    expect(
      within(table)
        .getAllByRole("columnheader")
        .map((h) => h.textContent),
    ).toEqual(["Trait", "CSM", "CSPO"]);
    const { breakdown } = evaluate(quiz, CSM_ANSWERS);
    // Whole numbers: tenths of a point would be false precision.
    expect(rows.slice(1)).toEqual(
      breakdown.map((t) => [
        t.label,
        String(Math.round(t.scores.csm ?? 0)),
        String(Math.round(t.scores.cspo ?? 0)),
      ]),
    );
  });

  it("draws the same figures as bars on one grid, each labelled, hidden from screen readers", () => {
    openResult(BALANCED_ANSWERS);
    const result = evaluate(quiz, BALANCED_ANSWERS);
    const grid = document.querySelector(".cf-chart-grid") as HTMLElement;
    expect(grid).toHaveAttribute("aria-hidden", "true");
    expect(grid.querySelectorAll(".cf-chart-grid")).toHaveLength(0);
    // One trait label, then each outcome's bar and figure, in the headline's order.
    const order = result.scores.map((s) => s.outcome);
    const cells = Array.from(grid.children, (c) =>
      c.classList.contains("cf-chart-track")
        ? `bar ${(c.firstElementChild as HTMLElement).style.width}`
        : (c.textContent ?? ""),
    );
    expect(cells).toEqual(
      result.breakdown.flatMap((t) => [
        t.label,
        ...order.flatMap((o) => [
          `bar ${t.scores[o]}%`,
          `${o.toUpperCase()} ${Math.round(t.scores[o] ?? 0)}`,
        ]),
      ]),
    );
  });

  it("matches the engine for a closer result too", () => {
    openResult(BALANCED_ANSWERS);
    const table = screen.getByRole("table", { name: "Score out of 100 on each trait" });
    const cells = within(table)
      .getAllByRole("row")
      .slice(1)
      .map((row) => Array.from(row.querySelectorAll("th, td"), (c) => c.textContent));
    expect(cells[1]).toEqual(["Focus", "54", "32"]);
  });
});

describe("the reasons", () => {
  it("are the three strongest for the recommendation, each with a short quote, the source cited once", () => {
    openResult(CSM_ANSWERS);
    const titles = screen
      .getAllByRole("heading", { level: 3 })
      .map((h) => h.textContent)
      .filter((t) => t?.includes("points to"));
    expect(titles).toEqual([
      "Who you are points to CSM",
      "Role and responsibility points to CSM",
      "Collaboration points to CSM",
    ]);
    const reasons = Array.from(document.querySelectorAll<HTMLElement>(".cf-reason"));
    const expected = ["csm-audience", "csm-role", "csm-collaboration"];
    reasons.forEach((item, i) => {
      const full = quiz.passages.find((p) => p.id === expected[i])?.text ?? "";
      const shown = item.querySelector("blockquote")?.textContent ?? "";
      // The passage's first sentence, word for word.
      expect(full.startsWith(shown)).toBe(true);
      expect(shown).toMatch(/[.!?]$/);
      expect(SOURCE.replace(/\s+/g, " ")).toContain(shown);
      expect(item.querySelector("figcaption")).toBeNull();
    });
    expect(document.body.textContent?.split(ATTRIBUTION_ONCE)).toHaveLength(2);
  });

  it("lists only the answers that moved a reason toward its course", () => {
    openResult(CSM_ANSWERS);
    const item = screen
      .getByRole("heading", { name: "Who you are points to CSM" })
      .closest("li") as HTMLElement;
    expect(within(item).getByText("Because you answered:")).toBeInTheDocument();
    expect(
      within(item)
        .getAllByRole("listitem")
        .map((li) => li.textContent),
    ).toEqual([
      "Which is closest to the job you do now, or the one you want next? ScrumMaster or Agile coach",
      "I am, or will be, the person who orders the product backlog. Strongly disagree",
      "People look to me to lead or facilitate how a team works. Strongly agree",
    ]);
  });

  it("quotes no conclusion when one course leads", () => {
    openResult(CSM_ANSWERS);
    expect(screen.queryByText(quiz.conclusionLead)).not.toBeInTheDocument();
  });

  it("shows no quote twice anywhere on the result", () => {
    for (const answers of [CSM_ANSWERS, BALANCED_ANSWERS]) {
      const { unmount } = openResult(answers);
      const quotes = Array.from(
        document.querySelectorAll("blockquote"),
        (b) => b.textContent ?? "",
      );
      expect(quotes.length).toBeGreaterThan(3);
      for (const [i, q] of quotes.entries())
        for (const [j, other] of quotes.entries()) if (i !== j) expect(other).not.toContain(q);
      unmount();
    }
  });
});

describe("a balanced result", () => {
  it("says so once, with whole figures, both next steps side by side, and the conclusion", () => {
    openResult(BALANCED_ANSWERS);
    const result = evaluate(quiz, BALANCED_ANSWERS);
    expect(result.recommendation.kind).toBe("balanced");
    expect(questionHeading()).toHaveTextContent("Your answers are balanced between CSM and CSPO");
    expect(
      screen.getByText(
        "Neither leads by 5 points or more (41 to 40 out of 100), so either fits what you told us.",
      ),
    ).toBeInTheDocument();
    // One sentence of why, not each course's summary back to back.
    expect(screen.queryByText(/Your answers point to/)).toBeNull();
    expect(document.querySelector(".cf-result-why")).toHaveTextContent(
      /^\S.* points to CSM, while .* points to CSPO\.$/,
    );
    const lead = screen.getByText("As the article concludes:");
    const quote = lead.nextElementSibling as HTMLElement;
    expect(quote.tagName).toBe("BLOCKQUOTE");
    expect(quote.textContent).toBe(result.conclusion?.quote);
    const next = screen.getByRole("list", { name: "Next step" });
    expect(
      within(next)
        .getAllByRole("listitem")
        .map((li) => li.textContent),
    ).toEqual([
      "Look for a CSM course taught by a Certified Scrum Trainer",
      "Look for a CSPO course taught by a Certified Scrum Trainer",
    ]);
  });
});

describe("the comparison", () => {
  it("is in a disclosure under the quiz's heading, without what the reasons already quote", () => {
    openResult(CSM_ANSWERS);
    const details = document.querySelector("details") as HTMLDetailsElement;
    expect(details.querySelector("summary")).toHaveTextContent(quiz.comparisonHeading);
    const rows = within(details).getAllByRole("region");
    expect(rows.map((r) => r.getAttribute("aria-label"))).toEqual([
      "Role and responsibility",
      "Focus",
      "Training and certification",
      "Target audience",
      "Collaboration",
    ]);
    // Not quoted above: both passages whole.
    const training = within(details).getByRole("region", { name: "Training and certification" });
    expect(Array.from(training.querySelectorAll("blockquote"), (b) => b.textContent)).toEqual([
      quiz.passages.find((p) => p.id === "csm-training")?.text,
      quiz.passages.find((p) => p.id === "cspo-training")?.text,
    ]);
    // The CSM role passage began a reason: only the rest of it here.
    const role = within(details).getByRole("region", { name: "Role and responsibility" });
    expect(role.querySelector("blockquote")?.textContent).toBe(
      "They act as a coach and servant leader to the development team.",
    );
  });
});

describe("what to do with a result", () => {
  it("shows the link to the result and copies it", async () => {
    const { user } = openResult(CSM_ANSWERS);
    const url = resultUrl(evaluate(quiz, CSM_ANSWERS).token);
    expect(screen.getByRole("link", { name: url })).toHaveAttribute("href", url);
    // user-event puts a clipboard on navigator; watch what is written to it.
    const writeText = vi.spyOn(navigator.clipboard, "writeText");
    await user.click(screen.getByRole("button", { name: "Copy a link to this result" }));
    expect(writeText).toHaveBeenCalledWith(url);
    expect(await navigator.clipboard.readText()).toBe(url);
    expect(screen.getByText("Link copied.")).toHaveAttribute("role", "status");
  });

  it("says how to copy the link by hand when the clipboard refuses", async () => {
    const { user } = openResult(CSM_ANSWERS);
    vi.spyOn(navigator.clipboard, "writeText").mockRejectedValue(
      new DOMException("Write permission denied.", "NotAllowedError"),
    );
    await user.click(screen.getByRole("button", { name: "Copy a link to this result" }));
    expect(
      await screen.findByText("Copying was blocked: select the link below and copy it."),
    ).toBeInTheDocument();
    expect(screen.queryByText("Link copied.")).not.toBeInTheDocument();
  });

  it("downloads the Result as JSON, then lets its object URL go", async () => {
    const { user } = openResult(CSM_ANSWERS);
    const blobs: Blob[] = [];
    const create = vi.fn((blob: Blob) => {
      blobs.push(blob);
      return "blob:https://quiz.example/result-1";
    });
    const revoke = vi.fn();
    // jsdom has no object URLs; the page's own download is an <a download> click.
    Object.assign(URL, { createObjectURL: create, revokeObjectURL: revoke });
    const clicked: HTMLAnchorElement[] = [];
    vi.spyOn(HTMLAnchorElement.prototype, "click").mockImplementation(function (
      this: HTMLAnchorElement,
    ) {
      clicked.push(this);
    });
    // Fake timers stall Testing Library's own waits under vitest; catch the page's timer instead.
    const timers = vi.spyOn(globalThis, "setTimeout");

    await user.click(screen.getByRole("button", { name: "Save as a file" }));
    expect(create).toHaveBeenCalledTimes(1);
    expect(clicked.map((a) => [a.download, a.href])).toEqual([
      ["csm-vs-cspo-result.json", "blob:https://quiz.example/result-1"],
    ]);
    const blob = blobs[0] as Blob;
    expect(blob.type).toBe("application/json");
    const text = await new Promise<string>((resolve) => {
      const reader = new FileReader();
      reader.onload = () => resolve(String(reader.result));
      reader.readAsText(blob);
    });
    expect(JSON.parse(text)).toEqual(JSON.parse(JSON.stringify(evaluate(quiz, CSM_ANSWERS))));

    const later = timers.mock.calls.find(([, ms]) => ms === 1000)?.[0];
    expect(revoke).not.toHaveBeenCalled();
    expect(later).toBeTypeOf("function");
    (later as () => void)();
    expect(revoke).toHaveBeenCalledWith("blob:https://quiz.example/result-1");
  });

  it("prints", async () => {
    const { user } = openResult(CSM_ANSWERS);
    const print = vi.spyOn(window, "print").mockImplementation(() => {});
    await user.click(screen.getByRole("button", { name: "Print" }));
    expect(print).toHaveBeenCalledTimes(1);
  });

  it("goes back to the review to change answers", async () => {
    const onResultChange = vi.fn();
    const { user } = openResult(CSM_ANSWERS, { onResultChange });
    expect(onResultChange).toHaveBeenLastCalledWith(evaluate(quiz, CSM_ANSWERS).token);
    await user.click(screen.getByRole("button", { name: "Change answers" }));
    expect(questionHeading()).toHaveTextContent("Check your answers");
    expect(questionHeading()).toHaveFocus();
    expect(onResultChange).toHaveBeenLastCalledWith(null);
  });

  it("starts over: back to the intro, the saved progress cleared", async () => {
    const store = memoryStore();
    const onResultChange = vi.fn();
    const user = userEvent.setup();
    renderApp(quiz, { store, onResultChange });
    await takeQuiz(user, quiz, CSM_ANSWERS);
    expect(store.saved).toMatchObject({ step: "result", answers: CSM_ANSWERS });
    await user.click(screen.getByRole("button", { name: "Start again" }));
    expect(questionHeading()).toHaveTextContent(quiz.title);
    expect(questionHeading()).toHaveFocus();
    expect(screen.getByRole("button", { name: "Start the quiz" })).toBeInTheDocument();
    expect(store.clear).toHaveBeenCalled();
    expect(store.saved).toBeUndefined();
    expect(onResultChange).toHaveBeenLastCalledWith(null);
    // A fresh start: the first question has no answer.
    await user.click(screen.getByRole("button", { name: "Start the quiz" }));
    expect(screen.queryAllByRole("radio", { checked: true })).toHaveLength(0);
  });
});

describe("the next step", () => {
  it("is the quiz file's own words by default, on the first screen", () => {
    openResult(CSM_ANSWERS);
    const next = screen.getByRole("list", { name: "Next step" });
    expect(next).toHaveTextContent("Look for a CSM course taught by a Certified Scrum Trainer");
    expect(next.closest(".cf-result-card")).toContainElement(questionHeading());
  });

  it("is the trainer's own link when the page gives one", () => {
    openResult(CSM_ANSWERS, {
      outcomeLink: (outcome) => (
        <a href={`https://trainer.example/book/${outcome}`}>
          Book my {outcome.toUpperCase()} class
        </a>
      ),
    });
    expect(screen.getByRole("link", { name: "Book my CSM class" })).toHaveAttribute(
      "href",
      "https://trainer.example/book/csm",
    );
    expect(screen.queryByText(/Look for a/)).not.toBeInTheDocument();
  });

  it("is the quiz's own link, as the primary button, when the outcome has one", () => {
    const base = buildQuiz();
    const tiny = buildQuiz({
      outcomes: base.outcomes.map((o) =>
        o.id === "x" ? { ...o, nextStep: { label: "Book X", url: "https://x.example/" } } : o,
      ),
    });
    renderApp(tiny, { start: { kind: "result", answers: { q1: "o1", q2: "o1" } } });
    expect(questionHeading()).toHaveTextContent("Outcome X fits you best");
    const book = screen.getByRole("link", { name: "Book X" });
    expect(book).toHaveAttribute("href", "https://x.example/");
    expect(book).toHaveClass("cf-primary");
    // The only primary control on the result.
    expect(document.querySelectorAll(".cf-primary")).toHaveLength(1);
  });

  it("has neutral words of its own for a quiz that gives none, and no course-specific text", () => {
    const tiny = buildQuiz();
    renderApp(tiny, { start: { kind: "result", answers: { q1: "o1", q2: "o1" } } });
    expect(screen.getByText("Find out more about Outcome X")).toBeInTheDocument();
    expect(document.body.textContent).not.toMatch(
      /certification|both courses|Certified Scrum Trainer/i,
    );
  });
});
