// @vitest-environment jsdom
// The review step: every shown question with its answer, a way back to each, and the
// error when something required is still missing.
import { screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it } from "vitest";
import { loadQuiz } from "../helpers/quiz";
import {
  answerAll,
  BALANCED_ANSWERS,
  CSM_ANSWERS,
  clickNext,
  questionHeading,
  renderApp,
} from "./support";

const quiz = loadQuiz();
const prompt = (id: string) => quiz.questions.find((q) => q.id === id)?.prompt ?? "?";

/** The review as [question, answer] pairs, read from the description list. */
function reviewRows(): [string, string][] {
  return screen.getAllByRole("term").map((term) => {
    const answer = term.nextElementSibling;
    return [term.textContent ?? "", answer?.textContent ?? ""];
  });
}

async function reviewWith(answers = CSM_ANSWERS) {
  const user = userEvent.setup();
  renderApp(quiz);
  await answerAll(user, quiz, answers);
  return user;
}

describe("Review", () => {
  it("lists every shown question with the answer in the words the person saw", async () => {
    await reviewWith();
    expect(questionHeading()).toHaveTextContent("Check your answers");
    expect(questionHeading()).toHaveFocus();
    expect(screen.getByRole("status")).toHaveTextContent("Check your answers");
    expect(reviewRows()).toEqual([
      [prompt("week"), "Running the team's meetings and clearing whatever blocks the team"],
      [prompt("stalled"), "Find out what is in the way and get it removed"],
      [prompt("current-role"), "ScrumMaster or Agile coach"],
      [prompt("proud"), "A team that gets better at how it works, sprint after sprint"],
      [prompt("learn"), "The Scrum framework and Agile principles, in depth"],
      [prompt("backlog-owner"), "Strongly disagree"],
      [prompt("facilitator"), "Strongly agree"],
      [prompt("conversations"), "The people on my team, every day"],
      [prompt("disagreement"), "Help them resolve it so the team keeps moving"],
      [prompt("own"), "The Scrum events and how well they run; Getting impediments removed"],
      [prompt("customer-vs-process"), "Strongly disagree"],
      [prompt("alongside"), "Strongly agree"],
    ]);
  });

  it("does not list a question its show-if keeps hidden", async () => {
    await reviewWith();
    expect(screen.getAllByRole("term")).toHaveLength(12);
    expect(screen.queryByText(prompt("other-role"))).not.toBeInTheDocument();
  });

  it("lists that question once an answer shows it", async () => {
    await reviewWith(BALANCED_ANSWERS);
    expect(screen.getAllByRole("term")).toHaveLength(13);
    expect(reviewRows()[3]).toEqual([
      prompt("other-role"),
      "Shaping what a product should be and who it is for",
    ]);
  });

  it("names each Change button after its question", async () => {
    await reviewWith();
    const changes = screen.getAllByRole("button", { name: /^Change/ });
    expect(changes).toHaveLength(12);
    expect(changes[0]).toHaveAccessibleName(`Change your answer to: ${prompt("week")}`);
    expect(
      screen.getByRole("button", { name: `Change your answer to: ${prompt("own")}` }),
    ).toBeInTheDocument();
  });

  it('goes to the question from "Change" and comes back with "Save and return to review"', async () => {
    const user = await reviewWith();
    await user.click(
      screen.getByRole("button", { name: `Change your answer to: ${prompt("learn")}` }),
    );
    expect(questionHeading()).toHaveTextContent(prompt("learn"));
    expect(questionHeading()).toHaveFocus();
    expect(screen.getByRole("status")).toHaveTextContent("Question 5 of 12");
    expect(
      screen.getByRole("radio", { name: "The Scrum framework and Agile principles, in depth" }),
    ).toBeChecked();
    expect(screen.queryByRole("button", { name: "Next" })).not.toBeInTheDocument();

    await user.click(screen.getByLabelText("How to coach and support a team"));
    await user.click(screen.getByRole("button", { name: "Save and return to review" }));
    expect(questionHeading()).toHaveTextContent("Check your answers");
    expect(questionHeading()).toHaveFocus();
    expect(reviewRows()[4]).toEqual([prompt("learn"), "How to coach and support a team"]);
  });

  it("still asks for an answer before returning to the review", async () => {
    const user = await reviewWith();
    await user.click(
      screen.getByRole("button", { name: `Change your answer to: ${prompt("proud")}` }),
    );
    await user.click(
      screen.getByLabelText("A team that gets better at how it works, sprint after sprint"),
    );
    await clickNext(user);
    expect(screen.getByRole("alert")).toHaveTextContent(
      "Please answer this question before going on.",
    );
    expect(questionHeading()).toHaveTextContent(prompt("proud"));
  });

  it("goes back to the last question from Back", async () => {
    const user = await reviewWith();
    await user.click(screen.getByRole("button", { name: "Back" }));
    expect(questionHeading()).toHaveTextContent(prompt("alongside"));
    expect(questionHeading()).toHaveFocus();
    expect(screen.getByRole("button", { name: "Review my answers" })).toBeInTheDocument();
  });

  it("names the first missing answer and links to its Change button", async () => {
    // A result link carrying one answer lands on the review: the rest are missing.
    const user = userEvent.setup();
    renderApp(quiz, { start: { kind: "result", answers: { week: "deciding" } } });
    expect(questionHeading()).toHaveTextContent("Check your answers");
    expect(reviewRows()[0]).toEqual([prompt("week"), "Deciding what gets built next, and why"]);
    expect(reviewRows()[1]).toEqual([prompt("stalled"), "Not answered"]);

    await user.click(screen.getByRole("button", { name: "See my result" }));
    const summary = screen.getByRole("alert", { name: "There is a problem" });
    expect(summary).toHaveFocus();
    const link = within(summary).getByRole("link", {
      name: `Question 2 still needs an answer: "${prompt("stalled")}"`,
    });
    await user.click(link);
    expect(
      screen.getByRole("button", { name: `Change your answer to: ${prompt("stalled")}` }),
    ).toHaveFocus();
  });
});
