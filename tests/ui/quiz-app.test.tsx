// @vitest-environment jsdom
// QuizApp around its store and its page: saving progress, resuming it, telling the
// person when saving fails or a link is bad, and telling the page what happened.
import { screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it, vi } from "vitest";
import type { Progress, QuizEmitted } from "../../src/engine/machine";
import { evaluate } from "../../src/engine/result";
import { decideStart } from "../../src/ui/start";
import { loadQuiz } from "../helpers/quiz";
import { answer, CSM_ANSWERS, memoryStore, questionHeading, renderApp, takeQuiz } from "./support";

const quiz = loadQuiz();
const prompt = (id: string) => quiz.questions.find((q) => q.id === id)?.prompt ?? "?";

function saved(
  step: Progress["step"],
  answers: Progress["answers"],
  current: string | null,
): Progress {
  return {
    v: 1,
    quiz: quiz.id,
    version: quiz.version,
    step,
    answers,
    current,
    returnToReview: false,
  };
}

const HALFWAY = saved(
  "answering",
  {
    week: "customers",
    stalled: "priorities",
    "current-role": "product",
    proud: ["happy-customers", "value"],
  },
  "learn",
);

describe("saving progress", () => {
  it("saves on every answer and every step, never the untouched intro", async () => {
    const user = userEvent.setup();
    const store = memoryStore();
    renderApp(quiz, { store });
    expect(store.save).not.toHaveBeenCalled();

    await user.click(screen.getByRole("button", { name: "Start the quiz" }));
    expect(store.saved).toEqual(saved("answering", {}, "week"));

    await user.click(screen.getByLabelText("Deciding what gets built next, and why"));
    expect(store.saved).toEqual(saved("answering", { week: "deciding" }, "week"));

    await user.click(screen.getByRole("button", { name: "Next" }));
    expect(store.saved).toEqual(saved("answering", { week: "deciding" }, "stalled"));

    await user.click(screen.getByLabelText("Get the team together to talk it through"));
    expect(store.saved).toEqual(
      saved("answering", { week: "deciding", stalled: "team-talk" }, "stalled"),
    );
    const saves = store.save.mock.calls.length;
    await user.click(screen.getByLabelText("Find out what is in the way and get it removed"));
    expect(store.save.mock.calls.length).toBeGreaterThan(saves);
    expect(store.saved).toMatchObject({ answers: { stalled: "obstacle" } });
  });

  it("saves the result step with every answer once the quiz is done", async () => {
    const user = userEvent.setup();
    const store = memoryStore();
    renderApp(quiz, { store });
    await takeQuiz(user, quiz, CSM_ANSWERS);
    expect(store.saved).toEqual(saved("result", CSM_ANSWERS, null));
  });

  it("survives closing the page: the next visit offers to resume where it stopped", async () => {
    const user = userEvent.setup();
    const store = memoryStore();
    const first = renderApp(quiz, { store });
    await user.click(screen.getByRole("button", { name: "Start the quiz" }));
    await answer(user, quiz, "week", "coaching");
    await answer(user, quiz, "stalled", "stakeholders");
    first.unmount();

    const start = decideStart(quiz, "", store);
    expect(start).toEqual({
      kind: "resume",
      dropped: 0,
      unknown: 0,
      progress: saved("answering", { week: "coaching", stalled: "stakeholders" }, "current-role"),
    });
    renderApp(quiz, { store, start });
    await user.click(screen.getByRole("button", { name: "Resume" }));
    expect(questionHeading()).toHaveTextContent(prompt("current-role"));
    await user.click(screen.getByRole("button", { name: "Back" }));
    expect(
      screen.getByRole("radio", { name: "Ask the people who asked for it what matters most now" }),
    ).toBeChecked();
  });
});

describe("a visit with saved progress", () => {
  it("welcomes the person back and says nothing was lost when nothing was", () => {
    renderApp(quiz, { start: { kind: "resume", progress: HALFWAY, dropped: 0, unknown: 0 } });
    const notice = screen.getByRole("region", { name: "Welcome back" });
    expect(within(notice).getByText("You have a quiz in progress.")).toBeInTheDocument();
    expect(notice).not.toHaveTextContent("no longer");
  });

  it("says how many answers were dropped because the quiz changed", () => {
    renderApp(quiz, { start: { kind: "resume", progress: HALFWAY, dropped: 2, unknown: 0 } });
    expect(screen.getByRole("region", { name: "Welcome back" })).toHaveTextContent(
      "You have a quiz in progress. The quiz has changed since: 2 of your answers no longer apply and were removed.",
    );
  });

  it("does not count keys that name no question as answers: it says what was saved was damaged", () => {
    renderApp(quiz, { start: { kind: "resume", progress: HALFWAY, dropped: 0, unknown: 10_000 } });
    const notice = screen.getByRole("region", { name: "Welcome back" });
    expect(notice).toHaveTextContent(
      "You have a quiz in progress. Part of what was saved is for questions this quiz does not have (the quiz has changed, or the saved progress was damaged) and was left out.",
    );
    expect(notice).not.toHaveTextContent(/\d/);
  });

  it("says it in the singular for one dropped answer", () => {
    renderApp(quiz, { start: { kind: "resume", progress: HALFWAY, dropped: 1, unknown: 0 } });
    expect(screen.getByRole("region", { name: "Welcome back" })).toHaveTextContent(
      "The quiz has changed since: 1 of your answers no longer applies and was removed.",
    );
  });

  it("resumes at the saved question with the saved answers", async () => {
    const user = userEvent.setup();
    const store = memoryStore(HALFWAY);
    renderApp(quiz, {
      store,
      start: { kind: "resume", progress: HALFWAY, dropped: 0, unknown: 0 },
    });
    await user.click(screen.getByRole("button", { name: "Resume" }));

    expect(screen.queryByRole("region", { name: "Welcome back" })).not.toBeInTheDocument();
    expect(questionHeading()).toHaveTextContent(prompt("learn"));
    // The Resume button has gone: focus goes to the question, which is announced.
    expect(questionHeading()).toHaveFocus();
    expect(screen.getByRole("status")).toHaveTextContent("Question 5 of 12");
    expect(screen.queryAllByRole("radio", { checked: true })).toHaveLength(0);

    await user.click(screen.getByRole("button", { name: "Back" }));
    expect(questionHeading()).toHaveTextContent(prompt("proud"));
    expect(
      screen.getAllByRole("checkbox", { checked: true }).map((c) => c.getAttribute("value")),
    ).toEqual(["happy-customers", "value"]);
    expect(store.clear).not.toHaveBeenCalled();
  });

  it("can start again instead, after saying that it deletes the saved answers", async () => {
    const user = userEvent.setup();
    const store = memoryStore(HALFWAY);
    renderApp(quiz, {
      store,
      start: { kind: "resume", progress: HALFWAY, dropped: 0, unknown: 0 },
    });
    await user.click(
      within(screen.getByRole("region", { name: "Welcome back" })).getByRole("button", {
        name: "Start again",
      }),
    );
    // Nothing is deleted yet: it asks, focus on the choice that keeps them.
    expect(store.clear).not.toHaveBeenCalled();
    const ask = screen.getByRole("region", { name: "Start again?" });
    expect(ask).toHaveTextContent("Starting again deletes your 4 saved answers.");
    expect(within(ask).getByRole("button", { name: "Keep them and resume" })).toHaveFocus();
    await user.click(within(ask).getByRole("button", { name: "Delete them and start again" }));
    expect(store.clear).toHaveBeenCalledTimes(1);
    expect(store.saved).toBeUndefined();
    expect(screen.queryByRole("region", { name: /Welcome back|Start again/ })).toBeNull();
    expect(questionHeading()).toHaveTextContent(quiz.title);
    expect(questionHeading()).toHaveFocus();
    await user.click(screen.getByRole("button", { name: "Start the quiz" }));
    expect(questionHeading()).toHaveTextContent(prompt("week"));
    expect(screen.queryAllByRole("radio", { checked: true })).toHaveLength(0);
  });

  it("keeps the answers when the person thinks better of starting again", async () => {
    const user = userEvent.setup();
    const store = memoryStore(HALFWAY);
    renderApp(quiz, {
      store,
      start: { kind: "resume", progress: HALFWAY, dropped: 0, unknown: 0 },
    });
    await user.click(screen.getByRole("button", { name: "Start again" }));
    await user.click(screen.getByRole("button", { name: "Keep them and resume" }));
    expect(store.clear).not.toHaveBeenCalled();
    expect(questionHeading()).toHaveTextContent(prompt("learn"));
  });

  it("offers no Start on the intro beside it, which would discard the saved answers unasked", () => {
    const store = memoryStore(HALFWAY);
    renderApp(quiz, {
      store,
      start: { kind: "resume", progress: HALFWAY, dropped: 0, unknown: 0 },
    });
    expect(screen.queryByRole("button", { name: "Start the quiz" })).toBeNull();
    // One primary button on the screen: Resume.
    const primary = document.querySelectorAll(".cf-primary");
    expect([...primary].map((b) => b.textContent)).toEqual(["Resume"]);
    expect(store.clear).not.toHaveBeenCalled();
  });

  it("says a finished quiz is finished, and offers its result", async () => {
    const user = userEvent.setup();
    const done = saved("result", CSM_ANSWERS, null);
    renderApp(quiz, {
      store: memoryStore(done),
      start: { kind: "resume", progress: done, dropped: 0, unknown: 0 },
    });
    const notice = screen.getByRole("region", { name: "Welcome back" });
    expect(notice).toHaveTextContent("You finished this quiz.");
    expect(notice).not.toHaveTextContent("in progress");
    expect([...document.querySelectorAll(".cf-primary")].map((b) => b.textContent)).toEqual([
      "See my result",
    ]);
    await user.click(within(notice).getByRole("button", { name: "See my result" }));
    const expected = evaluate(quiz, CSM_ANSWERS);
    expect(await screen.findByRole("heading", { level: 1 })).toHaveTextContent(
      expected.recommendation.kind === "outcome" ? "CSM" : "balanced",
    );
  });
});

describe("a browser that will not save", () => {
  it('says "Progress will not be saved" once, however many answers follow', async () => {
    const user = userEvent.setup();
    const store = memoryStore(undefined, { works: false });
    renderApp(quiz, { store });
    expect(screen.queryByRole("region", { name: "Progress will not be saved" })).toBeNull();
    await user.click(screen.getByRole("button", { name: "Start the quiz" }));
    await answer(user, quiz, "week", "events");
    await answer(user, quiz, "stalled", "obstacle");
    await answer(user, quiz, "current-role", "analyst");
    expect(store.save.mock.calls.length).toBeGreaterThan(5);
    const notices = screen.getAllByRole("region", { name: "Progress will not be saved" });
    expect(notices).toHaveLength(1);
    expect(notices[0]).toHaveTextContent(
      "This browser is not letting the quiz save your answers, so they will be lost if you close the page. The quiz still works.",
    );
    expect(screen.getAllByText("Progress will not be saved")).toHaveLength(1);
    // The quiz goes on regardless.
    expect(questionHeading()).toHaveTextContent(prompt("proud"));
  });
});

describe("a bad result link", () => {
  it("shows why it cannot be opened, above a quiz that can be taken", async () => {
    const user = userEvent.setup();
    const message =
      "This link is damaged: part of it is missing or was changed. Try copying the whole link again.";
    renderApp(quiz, { start: { kind: "bad-link", message } });
    const notice = screen.getByRole("region", { name: "This result link cannot be opened" });
    expect(notice).toHaveTextContent(message);
    expect(notice).toHaveTextContent("You can take the quiz below to get your result again.");
    expect(questionHeading()).toHaveTextContent(quiz.title);

    await user.click(screen.getByRole("button", { name: "Start the quiz" }));
    expect(screen.queryByRole("region", { name: "This result link cannot be opened" })).toBeNull();
  });

  it("comes from decideStart for a damaged #r= address", () => {
    renderApp(quiz, { start: decideStart(quiz, "#r=not-a-real-token", undefined) });
    expect(
      screen.getByRole("region", { name: "This result link cannot be opened" }),
    ).toHaveTextContent(/^This result link cannot be openedThis link is damaged: /);
  });
});

describe("events for the page", () => {
  it("tells the page when the quiz starts, at each answer and when it completes", async () => {
    const user = userEvent.setup();
    const events: QuizEmitted[] = [];
    renderApp(quiz, { onEvent: (event) => events.push(structuredClone(event)) });

    await user.click(screen.getByRole("button", { name: "Start the quiz" }));
    expect(events).toEqual([{ type: "started" }]);

    await answer(user, quiz, "week", "customers");
    expect(events.at(-1)).toEqual({
      type: "answered",
      question: "week",
      answer: "customers",
      answers: { week: "customers" },
    });

    await user.click(screen.getByRole("button", { name: "Back" }));
    await user.click(screen.getByRole("button", { name: "Back" }));
    events.length = 0;
    await takeQuiz(user, quiz, CSM_ANSWERS);
    const types = events.map((e) => e.type);
    expect(types[0]).toBe("started");
    expect(types.filter((t) => t === "answered")).toHaveLength(
      Object.values(CSM_ANSWERS).flat().length,
    );
    const multiple = events.filter((e) => e.type === "answered" && e.question === "own");
    expect(multiple.map((e) => e.type === "answered" && e.answer)).toEqual([
      ["events"],
      ["events", "impediments"],
    ]);
    expect(types.at(-1)).toBe("completed");
    expect(types.filter((t) => t === "completed")).toHaveLength(1);
    const completed = events.at(-1);
    expect(completed).toEqual({ type: "completed", result: evaluate(quiz, CSM_ANSWERS) });
  });

  it("does not report a completion when a result link is opened", () => {
    const onEvent = vi.fn();
    renderApp(quiz, { start: { kind: "result", answers: CSM_ANSWERS }, onEvent });
    expect(questionHeading()).toHaveTextContent("CSM fits you best");
    expect(onEvent).not.toHaveBeenCalled();
  });

  it("never overwrites the visitor's own saved answers from someone else's result link", async () => {
    const user = userEvent.setup();
    const store = memoryStore(structuredClone(HALFWAY));
    renderApp(quiz, { store, start: { kind: "result", answers: CSM_ANSWERS } });
    await screen.findByRole("heading", { level: 1, name: /CSM/ });
    // Changing the link's answers, then giving up on them.
    await user.click(screen.getByRole("button", { name: "Change answers" }));
    await user.click(await screen.findByRole("button", { name: "See my result" }));
    await user.click(await screen.findByRole("button", { name: "Start again" }));
    expect(store.save).not.toHaveBeenCalled();
    expect(store.clear).not.toHaveBeenCalled();
    expect(store.saved).toEqual(HALFWAY);
    // Asked instead: their own quiz is offered back.
    const notice = screen.getByRole("region", { name: "Welcome back" });
    await user.click(within(notice).getByRole("button", { name: "Resume" }));
    expect(questionHeading()).toHaveTextContent(prompt("learn"));
  });

  it("names each step in the document's title when asked to", async () => {
    const user = userEvent.setup();
    renderApp(quiz, { manageTitle: true });
    expect(document.title).toBe(quiz.title);
    await user.click(screen.getByRole("button", { name: "Start the quiz" }));
    expect(document.title).toBe(`Question 1 of 12 - ${quiz.title}`);
  });
});

describe("a press of Start made before the app loaded", () => {
  it("opens on the first question with focus on it, and Back then shows the intro", async () => {
    const user = userEvent.setup();
    renderApp(quiz, { startedEarly: true });
    expect(questionHeading()).toHaveTextContent(prompt("week"));
    expect(screen.queryByRole("button", { name: "Start the quiz" })).toBeNull();
    expect(document.activeElement).toBe(questionHeading());
    await user.click(screen.getByRole("button", { name: "Back" }));
    expect(questionHeading()).toHaveTextContent(quiz.title);
  });

  it("does not skip a result link or the offer to resume", () => {
    renderApp(quiz, {
      startedEarly: true,
      start: { kind: "resume", progress: HALFWAY, dropped: 0, unknown: 0 },
    });
    expect(screen.getByRole("button", { name: "Resume" })).toBeInTheDocument();
    expect(screen.getByRole("button", { name: "Start again" })).toBeInTheDocument();
    expect(questionHeading()).toHaveTextContent(quiz.title);
  });
});
