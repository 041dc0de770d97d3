// @vitest-environment jsdom
// The result page: what it recommends and how strongly, the trait figures, every reason
// in the article's own words, the side-by-side comparison, and what can be done with it.
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
const ATTRIBUTION = "Braintrust Group, Product Owner 101, June 1, 2023";

function openResult(answers: Answers, props: Parameters<typeof renderApp>[1] = {}) {
  const user = userEvent.setup();
  const view = renderApp(quiz, { start: { kind: "result", answers }, ...props });
  return { user, ...view };
}

/** The quote and attribution of every <figure> inside `element`. */
function quotesIn(element: HTMLElement) {
  return Array.from(element.querySelectorAll("figure")).map((figure) => ({
    quote: figure.querySelector("blockquote")?.textContent ?? "",
    attribution: figure.querySelector("figcaption")?.textContent ?? "",
  }));
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
      screen.getByText(
        "Your answers lean strongly toward CSM: 78.2 to 0 out of 100, a lead of 78.2 points.",
      ),
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
      ["Role and responsibility", "76.9", "0"],
      ["Focus", "66.7", "0"],
      ["Who you are", "100", "0"],
      ["Collaboration", "69.2", "0"],
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
    expect(rows.slice(1)).toEqual(
      breakdown.map((t) => [t.label, String(t.scores.csm), String(t.scores.cspo)]),
    );
  });

  it("draws the same figures as bars, hidden from screen readers (the table speaks for them)", () => {
    openResult(BALANCED_ANSWERS);
    const { breakdown } = evaluate(quiz, BALANCED_ANSWERS);
    const rows = Array.from(document.querySelectorAll<HTMLElement>(".cf-chart-row"));
    expect(rows).toHaveLength(4);
    rows.forEach((row, i) => {
      const trait = breakdown[i];
      expect(row.closest("[aria-hidden='true']")).not.toBeNull();
      expect(row.querySelector(".cf-chart-trait")?.textContent).toBe(trait?.label);
      expect(row.querySelector(".cf-chart-figures")?.textContent).toBe(
        `${trait?.scores.csm} / ${trait?.scores.cspo}`,
      );
      expect(
        Array.from(row.querySelectorAll("rect"), (r) => Number(r.getAttribute("width"))),
      ).toEqual([trait?.scores.csm, trait?.scores.cspo]);
    });
  });

  it("matches the engine for a closer result too", () => {
    openResult(BALANCED_ANSWERS);
    const table = screen.getByRole("table", { name: "Score out of 100 on each trait" });
    const cells = within(table)
      .getAllByRole("row")
      .slice(1)
      .map((row) => Array.from(row.querySelectorAll("th, td"), (c) => c.textContent));
    const { breakdown } = evaluate(quiz, BALANCED_ANSWERS);
    expect(cells).toEqual(
      breakdown.map((t) => [t.label, String(t.scores.csm), String(t.scores.cspo)]),
    );
    expect(cells[1]).toEqual(["Focus", "54.2", "31.8"]);
  });
});

describe("the reasons", () => {
  it("quotes every reason from the article inside a blockquote, attributed", () => {
    openResult(CSM_ANSWERS);
    const { reasons } = evaluate(quiz, CSM_ANSWERS);
    expect(reasons).toHaveLength(4);
    const titles = [
      "Who you are points to CSM (+25 points)",
      "Role and responsibility points to CSM (+19.2 points)",
      "Collaboration points to CSM (+17.3 points)",
      "Focus points to CSM (+16.7 points)",
    ];
    reasons.forEach((reason, i) => {
      const heading = screen.getByRole("heading", { level: 3, name: titles[i] });
      const item = heading.closest("li") as HTMLElement;
      const quotes = quotesIn(item);
      expect(quotes).toEqual([{ quote: reason.quote, attribution: ATTRIBUTION }]);
      expect(item.querySelector("blockquote")).toHaveTextContent(reason.quote);
      // Quoted exactly: the words are the article's.
      expect(SOURCE.replace(/\s+/g, " ")).toContain(reason.quote);
    });
  });

  it("lists the answers behind a reason", () => {
    openResult(CSM_ANSWERS);
    const item = screen
      .getByRole("heading", { name: "Who you are points to CSM (+25 points)" })
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
    expect(screen.queryByText("As the article concludes:")).not.toBeInTheDocument();
  });
});

describe("a balanced result", () => {
  it("says so, with the figures, and quotes the article's conclusion", () => {
    openResult(BALANCED_ANSWERS);
    const result = evaluate(quiz, BALANCED_ANSWERS);
    expect(result.recommendation.kind).toBe("balanced");
    expect(questionHeading()).toHaveTextContent("Your answers are balanced between CSM and CSPO");
    expect(
      screen.getByText(
        "Neither leads by 5 points or more (40.9 to 39.6 out of 100), so both courses fit what you told us.",
      ),
    ).toBeInTheDocument();
    const lead = screen.getByText("As the article concludes:");
    const figure = lead.nextElementSibling as HTMLElement;
    expect(figure.tagName).toBe("FIGURE");
    expect(figure.querySelector("blockquote")).toHaveTextContent(
      /^Ultimately, both certifications complement each other/,
    );
    expect(figure.querySelector("blockquote")?.textContent).toBe(result.conclusion?.quote);
    expect(figure.querySelector("figcaption")).toHaveTextContent(ATTRIBUTION);
    // Both summaries, and a next step for each course.
    expect(screen.getByText(/Your answers point to the ScrumMaster's work/)).toBeInTheDocument();
    expect(screen.getByText(/Your answers point to the Product Owner's work/)).toBeInTheDocument();
    const next = screen.getByRole("heading", { name: "What to do next" })
      .nextElementSibling as HTMLElement;
    expect(
      within(next)
        .getAllByRole("listitem")
        .map((li) => li.textContent),
    ).toEqual([
      "Look for a Certified ScrumMaster (CSM) course taught by a Certified Scrum Trainer.",
      "Look for a Certified Scrum Product Owner (CSPO) course taught by a Certified Scrum Trainer.",
    ]);
  });
});

describe("the comparison", () => {
  it("shows the five rows of the article side by side, each quoted for both courses", () => {
    openResult(CSM_ANSWERS);
    const rows = screen.getAllByRole("region");
    expect(rows.map((r) => r.getAttribute("aria-label"))).toEqual([
      "Role and responsibility",
      "Focus",
      "Training and certification",
      "Target audience",
      "Collaboration",
    ]);
    const training = screen.getByRole("region", { name: "Training and certification" });
    expect(
      within(training).getByRole("heading", { level: 3, name: "Training and certification" }),
    ).toBeInTheDocument();
    expect(quotesIn(training)).toEqual([
      {
        quote: quiz.passages.find((p) => p.id === "csm-training")?.text,
        attribution: ATTRIBUTION,
      },
      {
        quote: quiz.passages.find((p) => p.id === "cspo-training")?.text,
        attribution: ATTRIBUTION,
      },
    ]);
    expect(
      Array.from(training.querySelectorAll(".cf-compare-outcome")).map((p) => p.textContent),
    ).toEqual(["CSM", "CSPO"]);
    for (const row of rows) expect(row.querySelectorAll("blockquote")).toHaveLength(2);
  });
});

describe("what to do with a result", () => {
  it("shows the link to the result and copies it", async () => {
    const { user } = openResult(CSM_ANSWERS);
    const url = resultUrl(evaluate(quiz, CSM_ANSWERS).token);
    expect(screen.getByRole("link", { name: url })).toHaveAttribute("href", url);
    // user-event puts a clipboard on navigator; watch what is written to it.
    const writeText = vi.spyOn(navigator.clipboard, "writeText");
    await user.click(screen.getByRole("button", { name: "Copy link" }));
    expect(writeText).toHaveBeenCalledWith(url);
    expect(await navigator.clipboard.readText()).toBe(url);
    expect(screen.getByText("Link copied.")).toHaveAttribute("role", "status");
  });

  it("says how to copy the link by hand when the clipboard refuses", async () => {
    const { user } = openResult(CSM_ANSWERS);
    vi.spyOn(navigator.clipboard, "writeText").mockRejectedValue(
      new DOMException("Write permission denied.", "NotAllowedError"),
    );
    await user.click(screen.getByRole("button", { name: "Copy link" }));
    expect(
      await screen.findByText("Copying was blocked: select the link above and copy it."),
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

    await user.click(screen.getByRole("button", { name: "Download (JSON)" }));
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
    await user.click(screen.getByRole("button", { name: "Start over" }));
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
  it("is a Certified Scrum Trainer's course by default", () => {
    openResult(CSM_ANSWERS);
    expect(
      screen.getByText(
        "Look for a Certified ScrumMaster (CSM) course taught by a Certified Scrum Trainer.",
      ),
    ).toBeInTheDocument();
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

  it("is the quiz's own next step when the outcome has one", () => {
    const base = buildQuiz();
    const tiny = buildQuiz({
      outcomes: base.outcomes.map((o) =>
        o.id === "x" ? { ...o, nextStep: { label: "Book X", url: "https://x.example/" } } : o,
      ),
    });
    renderApp(tiny, { start: { kind: "result", answers: { q1: "o1", q2: "o1" } } });
    expect(questionHeading()).toHaveTextContent("Outcome X fits you best");
    expect(screen.getByRole("link", { name: "Book X" })).toHaveAttribute(
      "href",
      "https://x.example/",
    );
  });
});
