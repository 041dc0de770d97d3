// @vitest-environment jsdom
// One question at a time, as a person meets it: the three question types, the progress
// they see and hear, the error when they go on without answering, and where focus goes.
// Arrow keys inside a radio group are the browser's own behaviour (jsdom has none), so
// they are left to the browser tests; here a choice is made by click or Space.
import { screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it } from "vitest";
import { buildQuiz } from "../helpers/build-quiz";
import { loadQuiz } from "../helpers/quiz";
import { answer, CSM_ANSWERS, clickNext, questionHeading, renderApp } from "./support";

const quiz = loadQuiz();
const prompt = (id: string) => quiz.questions.find((q) => q.id === id)?.prompt ?? "?";

/** The visible "Question N of M" line (the status region says it too, for screen readers). */
function progressText(text: string) {
  return screen.getByText(text, { ignore: "[role=status], script, style" });
}

async function startQuiz() {
  const user = userEvent.setup();
  renderApp(quiz);
  await user.click(screen.getByRole("button", { name: "Start the quiz" }));
  return user;
}

/** Answers (the CSM way) every question before `id`, which is then on screen. */
async function goTo(id: string) {
  const user = await startQuiz();
  for (const [question, value] of Object.entries(CSM_ANSWERS)) {
    if (question === id) break;
    await answer(user, quiz, question, value);
  }
  expect(questionHeading()).toHaveTextContent(prompt(id));
  return user;
}

describe("a single-choice question", () => {
  it("is a group of radios named by its question", async () => {
    await startQuiz();
    const group = screen.getByRole("group", { name: prompt("week") });
    expect(
      within(group)
        .getAllByRole("radio")
        .map((r) => r.getAttribute("value")),
    ).toEqual(["events", "deciding", "coaching", "customers"]);
    expect(
      within(group).getByRole("radio", { name: "Deciding what gets built next, and why" }),
    ).not.toBeChecked();
    // The question is the group's heading, and it is the page's h1.
    expect(within(group).getByRole("heading", { level: 1 })).toHaveTextContent(prompt("week"));
  });

  it("takes one choice by click, a second click on another moving it", async () => {
    const user = await startQuiz();
    const events = screen.getByLabelText(
      "Running the team's meetings and clearing whatever blocks the team",
    );
    const deciding = screen.getByLabelText("Deciding what gets built next, and why");
    await user.click(events);
    expect(events).toBeChecked();
    await user.click(deciding);
    expect(deciding).toBeChecked();
    expect(events).not.toBeChecked();
    expect(screen.getAllByRole("radio", { checked: true })).toHaveLength(1);
  });

  it("can be answered and left with the keyboard alone", async () => {
    const user = await startQuiz();
    // Start moved focus to the question's heading; the first tab stop is the first radio.
    expect(questionHeading()).toHaveFocus();
    await user.tab();
    const first = screen.getByRole("radio", {
      name: "Running the team's meetings and clearing whatever blocks the team",
    });
    expect(first).toHaveFocus();
    await user.keyboard(" ");
    expect(first).toBeChecked();
    // Tab leaves the radio group for Back, then Next.
    await user.tab();
    expect(screen.getByRole("button", { name: "Back" })).toHaveFocus();
    await user.tab();
    expect(screen.getByRole("button", { name: "Next" })).toHaveFocus();
    await user.keyboard("{Enter}");
    expect(questionHeading()).toHaveTextContent(prompt("stalled"));
    expect(questionHeading()).toHaveFocus();
  });

  it("shows the answer already given when coming back to it", async () => {
    const user = await startQuiz();
    await answer(user, quiz, "week", "coaching");
    await user.click(screen.getByRole("button", { name: "Back" }));
    expect(questionHeading()).toHaveTextContent(prompt("week"));
    expect(
      screen.getByRole("radio", { name: "Helping people improve how they work together" }),
    ).toBeChecked();
  });
});

describe("progress through the quiz", () => {
  it("names the bar by the visible count, which is heard once, as the bar", async () => {
    await startQuiz();
    const text = progressText("Question 1 of 12");
    expect(text).toHaveAttribute("aria-hidden", "true");
    expect(screen.getByRole("progressbar")).toHaveAccessibleName("Question 1 of 12");
  });

  it("asks the question a scale's points answer", async () => {
    await goTo("backlog-owner");
    const group = screen.getByRole("group", { name: prompt("backlog-owner") });
    expect(within(group).getByText("How much do you agree?")).toBeInTheDocument();
    expect(group).toHaveAccessibleDescription("How much do you agree?");
  });

  it('says "Question N of M" and fills the progress bar to match', async () => {
    const user = await startQuiz();
    expect(progressText("Question 1 of 12")).toBeInTheDocument();
    const bar = screen.getByRole("progressbar", { name: "Question 1 of 12" });
    expect(bar).toHaveAttribute("max", "12");
    expect(bar).toHaveAttribute("value", "1");

    await answer(user, quiz, "week", "events");
    expect(progressText("Question 2 of 12")).toBeInTheDocument();
    expect(screen.getByRole("progressbar", { name: "Question 2 of 12" })).toHaveAttribute(
      "value",
      "2",
    );
  });

  it("counts the extra question when it appears, not while the answer that shows it is picked", async () => {
    const user = await goTo("current-role");
    expect(progressText("Question 3 of 12")).toBeInTheDocument();
    await user.click(screen.getByLabelText("Something else"));
    // The count under the person's cursor stays as it was.
    expect(progressText("Question 3 of 12")).toBeInTheDocument();
    await clickNext(user);
    expect(questionHeading()).toHaveTextContent(prompt("other-role"));
    expect(screen.getByRole("progressbar", { name: "Question 4 of 13" })).toHaveAttribute(
      "max",
      "13",
    );
    // It says why it is here, the moment the count goes up, and that is read with it.
    expect(screen.getByRole("group", { name: prompt("other-role") })).toHaveAccessibleDescription(
      'One more question, because you chose "Something else".',
    );
  });

  it("announces each new question in the status region", async () => {
    const user = await startQuiz();
    const status = screen.getByRole("status");
    expect(status).toHaveTextContent("Question 1 of 12");
    await answer(user, quiz, "week", "events");
    expect(status).toHaveTextContent("Question 2 of 12");
    await user.click(screen.getByRole("button", { name: "Back" }));
    expect(status).toHaveTextContent("Question 1 of 12");
  });

  it("moves focus to the new question's heading after Next and after Back", async () => {
    const user = await startQuiz();
    await answer(user, quiz, "week", "events");
    expect(questionHeading()).toHaveTextContent(prompt("stalled"));
    expect(questionHeading()).toHaveFocus();

    await user.click(screen.getByRole("button", { name: "Back" }));
    expect(questionHeading()).toHaveTextContent(prompt("week"));
    expect(questionHeading()).toHaveFocus();
  });

  it("goes back to the intro from the first question, focus on its heading", async () => {
    const user = await startQuiz();
    await user.click(screen.getByRole("button", { name: "Back" }));
    expect(questionHeading()).toHaveTextContent(quiz.title);
    expect(questionHeading()).toHaveFocus();
    expect(screen.getByRole("button", { name: "Start the quiz" })).toBeInTheDocument();
    expect(screen.getByRole("status")).toHaveTextContent(quiz.title);
  });

  it('names the last question\'s button "Review my answers"', async () => {
    await goTo("alongside");
    expect(progressText("Question 12 of 12")).toBeInTheDocument();
    expect(screen.getByRole("button", { name: "Review my answers" })).toBeInTheDocument();
    expect(screen.queryByRole("button", { name: "Next" })).not.toBeInTheDocument();
  });
});

describe("going on without an answer", () => {
  it("focuses the error summary again when Next is pressed again without an answer", async () => {
    const user = await startQuiz();
    await clickNext(user);
    const first = screen.getByRole("alert", { name: "There is a problem" });
    await user.tab();
    expect(first).not.toHaveFocus();
    await clickNext(user);
    expect(screen.getByRole("alert", { name: "There is a problem" })).toHaveFocus();
  });

  it("shows the error summary, focused, and stays on the question", async () => {
    const user = await startQuiz();
    await clickNext(user);
    const summary = screen.getByRole("alert", { name: "There is a problem" });
    expect(summary).toHaveFocus();
    expect(
      within(summary).getByRole("link", { name: "Please answer this question before going on." }),
    ).toBeInTheDocument();
    expect(questionHeading()).toHaveTextContent(prompt("week"));
    expect(progressText("Question 1 of 12")).toBeInTheDocument();
    // The message is also beside the options, and read with the group.
    const group = screen.getByRole("group", { name: prompt("week") });
    expect(group).toHaveAccessibleDescription(
      "Error: Please answer this question before going on.",
    );
    // Nothing was announced as a new step.
    expect(screen.getByRole("status")).toHaveTextContent("Question 1 of 12");
  });

  it("takes focus to the first option from the summary's link", async () => {
    const user = await startQuiz();
    await clickNext(user);
    await user.click(screen.getByRole("link", { name: /Please answer this question/ }));
    expect(
      screen.getByRole("radio", {
        name: "Running the team's meetings and clearing whatever blocks the team",
      }),
    ).toHaveFocus();
  });

  it("clears the error once the question is answered", async () => {
    const user = await startQuiz();
    await clickNext(user);
    await user.click(screen.getByLabelText("Deciding what gets built next, and why"));
    expect(screen.queryByRole("alert")).not.toBeInTheDocument();
    expect(screen.queryByText(/Please answer this question/)).not.toBeInTheDocument();
    await clickNext(user);
    expect(questionHeading()).toHaveTextContent(prompt("stalled"));
  });
});

describe("a multiple-choice question", () => {
  it("is a group of checkboxes, its limit read with it", async () => {
    await goTo("proud");
    const group = screen.getByRole("group", { name: prompt("proud") });
    expect(within(group).getAllByRole("checkbox")).toHaveLength(4);
    expect(within(group).queryAllByRole("radio")).toHaveLength(0);
    expect(group).toHaveAccessibleDescription("Choose up to two.");
  });

  it("refuses a tick over the limit, keeping the earlier ticks", async () => {
    const user = await goTo("proud");
    const team = screen.getByLabelText(
      "A team that gets better at how it works, sprint after sprint",
    );
    const customers = screen.getByLabelText("Customers who love what we shipped");
    const meetings = screen.getByLabelText(
      "Meetings that run smoothly and conflicts that get resolved",
    );
    await user.click(team);
    await user.click(customers);
    expect(team).toBeChecked();
    expect(customers).toBeChecked();

    await user.click(meetings);
    // Said calmly beside the options: no error summary, and focus stays on the box.
    expect(screen.queryByRole("alert")).not.toBeInTheDocument();
    expect(meetings).toHaveFocus();
    const limit = screen.getByText(
      "You can choose up to 2. To choose this one, untick one of the others first.",
    );
    expect(limit).toHaveAttribute("aria-live", "polite");
    expect(screen.getByRole("group", { name: prompt("proud") })).toContainElement(limit);
    expect(team).toBeChecked();
    expect(customers).toBeChecked();
    expect(meetings).not.toBeChecked();

    // Unticking one makes room; the words go.
    await user.click(customers);
    expect(limit).toBeEmptyDOMElement();
    await user.click(meetings);
    expect(
      screen.getAllByRole("checkbox", { checked: true }).map((c) => c.getAttribute("value")),
    ).toEqual(["improving-team", "smooth-events"]);
    await clickNext(user);
    expect(questionHeading()).toHaveTextContent(prompt("learn"));
  });

  it("counts as unanswered once every tick is taken off", async () => {
    const user = await goTo("proud");
    const value = screen.getByLabelText("A product that delivers more value for the same effort");
    await user.click(value);
    await user.click(value);
    expect(value).not.toBeChecked();
    await clickNext(user);
    expect(screen.getByRole("alert")).toHaveTextContent(
      "Please answer this question before going on.",
    );
  });
});

describe("an agree/disagree scale", () => {
  it("is a group of radios, one per labelled point, in order", async () => {
    await goTo("backlog-owner");
    const group = screen.getByRole("group", { name: prompt("backlog-owner") });
    const points = within(group).getAllByRole("radio");
    expect(points.map((p) => p.getAttribute("value"))).toEqual(["1", "2", "3", "4", "5"]);
    expect(points.map((p) => (p as HTMLInputElement).labels?.[0]?.textContent)).toEqual([
      "Strongly disagree",
      "Disagree",
      "Neither",
      "Agree",
      "Strongly agree",
    ]);
  });

  it("takes one point by click or Space and keeps it on the way back", async () => {
    const user = await goTo("backlog-owner");
    await user.click(screen.getByLabelText("Agree"));
    expect(screen.getByRole("radio", { name: "Agree" })).toBeChecked();
    await user.click(screen.getByLabelText("Strongly agree"));
    expect(screen.getByRole("radio", { name: "Strongly agree" })).toBeChecked();
    expect(screen.getByRole("radio", { name: "Agree" })).not.toBeChecked();

    screen.getByRole("radio", { name: "Disagree" }).focus();
    await user.keyboard(" ");
    expect(screen.getByRole("radio", { name: "Disagree" })).toBeChecked();

    await clickNext(user);
    expect(questionHeading()).toHaveTextContent(prompt("facilitator"));
    // The next scale starts empty, though it reuses the same inputs.
    expect(screen.queryAllByRole("radio", { checked: true })).toHaveLength(0);
    await user.click(screen.getByRole("button", { name: "Back" }));
    expect(screen.getByRole("radio", { name: "Disagree" })).toBeChecked();
  });
});

describe("a question that can be skipped", () => {
  const tiny = buildQuiz();

  it("says so, and lets the person go on without an answer", async () => {
    const user = userEvent.setup();
    renderApp(tiny);
    await user.click(screen.getByRole("button", { name: "Start the quiz" }));
    expect(screen.queryByText("You can skip this question.")).not.toBeInTheDocument();
    await answer(user, tiny, "q1", "o1");
    await answer(user, tiny, "q2", "o2");
    expect(questionHeading()).toHaveTextContent("Q3?");
    expect(screen.getByText("You can skip this question.")).toBeInTheDocument();
    await user.click(screen.getByRole("button", { name: "Review my answers" }));
    expect(questionHeading()).toHaveTextContent("Check your answers");
    expect(questionHeading()).toHaveFocus();
  });
});
