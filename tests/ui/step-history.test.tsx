// @vitest-environment jsdom
// Each step an entry in the browser's history on the quiz's own page, and Back/Forward
// (popstate) walking the flow there with answers kept; nothing added when embedded.
import { screen, waitFor } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it } from "vitest";
import { loadQuiz } from "../helpers/quiz";
import { answer, questionHeading, renderApp } from "./support";

const quiz = loadQuiz();
const prompt = (id: string) => quiz.questions.find((q) => q.id === id)?.prompt ?? "?";

describe("the browser's Back and Forward", () => {
  it("move between the steps, answers kept, when the quiz has the page to itself", async () => {
    const user = userEvent.setup();
    renderApp(quiz, { stepHistory: true });
    const before = history.length;
    await user.click(screen.getByRole("button", { name: "Start the quiz" }));
    await answer(user, quiz, "week", "coaching");
    expect(questionHeading()).toHaveTextContent(prompt("stalled"));
    expect(history.length).toBe(before + 2);

    history.back();
    await waitFor(() => expect(questionHeading()).toHaveTextContent(prompt("week")));
    expect(
      screen.getByRole("radio", { name: "Helping people improve how they work together" }),
    ).toBeChecked();
    history.back();
    await waitFor(() => expect(questionHeading()).toHaveTextContent(quiz.title));
    history.forward();
    await waitFor(() => expect(questionHeading()).toHaveTextContent(prompt("week")));
    history.forward();
    await waitFor(() => expect(questionHeading()).toHaveTextContent(prompt("stalled")));
    // Walking there is not answering: no error was raised on the way.
    expect(screen.queryByRole("alert")).not.toBeInTheDocument();
  });

  it("are left to the host page when the quiz is embedded", async () => {
    const user = userEvent.setup();
    renderApp(quiz, { embedded: true });
    const before = history.length;
    await user.click(screen.getByRole("button", { name: "Start the quiz" }));
    await answer(user, quiz, "week", "coaching");
    expect(history.length).toBe(before);
  });
});
