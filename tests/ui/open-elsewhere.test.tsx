// @vitest-environment jsdom
// The same quiz open in two tabs: when the other one saves, this one stops saving (it
// would overwrite the other's answers), says so, and on request goes on where the other
// left off. The other tab is played here by writing to localStorage and sending the
// storage event the browser would send.
import { act, screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { afterEach, describe, expect, it } from "vitest";
import { browserProgressStore } from "../../src/ui/progress-store";
import { loadQuiz } from "../helpers/quiz";
import { answer, CSM_ANSWERS, questionHeading, renderApp } from "./support";

const quiz = loadQuiz();
const KEY = "coursefit:test";

/** What the other tab saves: the first four answers, on the fifth question. */
const OTHER_TAB = {
  v: 1,
  quiz: quiz.id,
  version: quiz.version,
  step: "answering",
  answers: {
    week: CSM_ANSWERS.week,
    stalled: CSM_ANSWERS.stalled,
    "current-role": CSM_ANSWERS["current-role"],
    proud: CSM_ANSWERS.proud,
  },
  current: "learn",
  returnToReview: false,
};

function otherTabSaves(value: unknown) {
  act(() => {
    if (value === undefined) localStorage.removeItem(KEY);
    else localStorage.setItem(KEY, JSON.stringify(value));
    dispatchEvent(new StorageEvent("storage", { key: KEY, storageArea: localStorage }));
  });
}

afterEach(() => localStorage.clear());

describe("the same quiz open in another tab", () => {
  const store = () => browserProgressStore(KEY, () => localStorage);

  it("stops this tab, keeps the other's answers, and continues here from them on request", async () => {
    const user = userEvent.setup();
    renderApp(quiz, { store: store() });
    await user.click(screen.getByRole("button", { name: "Start the quiz" }));
    await answer(user, quiz, "week", "events");

    otherTabSaves(OTHER_TAB);
    expect(screen.getByRole("region", { name: "This quiz is open in another tab" })).toBeVisible();
    // Nothing left to answer here, so nothing here can overwrite the other tab's answers.
    expect(screen.queryAllByRole("radio")).toEqual([]);
    expect(JSON.parse(localStorage.getItem(KEY) ?? "null")).toEqual(OTHER_TAB);

    await user.click(screen.getByRole("button", { name: "Continue here" }));
    expect(questionHeading()).toHaveTextContent(
      quiz.questions.find((q) => q.id === "learn")?.prompt ?? "?",
    );
    await answer(user, quiz, "learn", "scrum-depth");
    const saved = JSON.parse(localStorage.getItem(KEY) ?? "null");
    expect(saved.answers).toEqual({ ...OTHER_TAB.answers, learn: CSM_ANSWERS.learn });
  });

  it("starts afresh here when the other tab started over", async () => {
    const user = userEvent.setup();
    renderApp(quiz, { store: store() });
    await user.click(screen.getByRole("button", { name: "Start the quiz" }));
    await answer(user, quiz, "week", "events");
    otherTabSaves(undefined);
    await user.click(screen.getByRole("button", { name: "Continue here" }));
    expect(questionHeading()).toHaveTextContent(quiz.title);
  });

  it("is not told of another quiz's progress", async () => {
    const user = userEvent.setup();
    renderApp(quiz, { store: store() });
    await user.click(screen.getByRole("button", { name: "Start the quiz" }));
    act(() => {
      localStorage.setItem("coursefit:other", "{}");
      dispatchEvent(
        new StorageEvent("storage", { key: "coursefit:other", storageArea: localStorage }),
      );
    });
    expect(screen.queryByRole("region", { name: "This quiz is open in another tab" })).toBeNull();
    expect(screen.getAllByRole("radio").length).toBeGreaterThan(0);
  });
});
