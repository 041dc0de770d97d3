import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { type Actor, createActor } from "xstate";
import { countedAnswers } from "../../src/engine/answers";
import {
  createQuizMachine,
  type Progress,
  progressOf,
  type QuizEmitted,
  type QuizEvent,
  type QuizMachine,
  type QuizSnapshot,
  restoreProgress,
} from "../../src/engine/machine";
import { evaluate } from "../../src/engine/result";
import type { Answer, Answers, Question, Quiz } from "../../src/engine/schema";
import { arbitraryAnswer } from "../helpers/arbitraries";
import { checkInvariants } from "../helpers/machine-invariants";
import { loadQuiz } from "../helpers/quiz";

const quiz = loadQuiz();
const machine = createQuizMachine(quiz, evaluate);

/** A complete set of answers to the real quiz ("current-role" is not "other"). */
const complete: Record<string, Answer> = {
  week: "events",
  stalled: "obstacle",
  "current-role": "scrum-master",
  proud: ["improving-team", "smooth-events"],
  learn: "scrum-depth",
  "backlog-owner": 2,
  facilitator: 5,
  conversations: "the-team",
  disagreement: "mediate",
  own: ["events", "impediments"],
  "customer-vs-process": 1,
  alongside: 4,
};

type QuizActor = Actor<QuizMachine>;

function start(progress?: Progress): QuizActor {
  const actor = createActor(machine, progress ? { input: { progress } } : {});
  actor.start();
  return actor;
}

function snap(actor: QuizActor): QuizSnapshot {
  return actor.getSnapshot();
}

/** Records every emitted event. */
function record(actor: QuizActor): QuizEmitted[] {
  const seen: QuizEmitted[] = [];
  actor.on("*", (event) => seen.push(event));
  return seen;
}

/** From the intro: answers each question shown with `answers`, pressing NEXT, until review. */
function answerThrough(actor: QuizActor, answers: Record<string, Answer>): void {
  actor.send({ type: "START" });
  for (let guard = 0; snap(actor).value === "answering" && guard < 50; guard++) {
    const current = snap(actor).context.current ?? "";
    const answer = answers[current];
    if (answer !== undefined) actor.send({ type: "ANSWER", question: current, answer });
    actor.send({ type: "NEXT" });
  }
}

function withQuestion(q: Quiz, id: string, change: (question: Question) => void): Quiz {
  const copy = structuredClone(q);
  const question = copy.questions.find((candidate) => candidate.id === id);
  if (!question) throw new Error(`no question ${id}`);
  change(question);
  return copy;
}

describe("the quiz machine, event by event", () => {
  it("starts at the intro with nothing entered", () => {
    const actor = start();
    expect(snap(actor).value).toBe("intro");
    expect(snap(actor).context).toEqual({
      answers: {},
      current: null,
      returnToReview: false,
      error: null,
      result: null,
    });
  });

  it("START shows the first question and emits started", () => {
    const actor = start();
    const seen = record(actor);
    actor.send({ type: "START" });
    expect(snap(actor).value).toBe("answering");
    expect(snap(actor).context.current).toBe("week");
    expect(seen).toEqual([{ type: "started" }]);
  });

  it("NEXT on an unanswered required question sets a required error and stays; answering clears it", () => {
    const actor = start();
    actor.send({ type: "START" });
    actor.send({ type: "NEXT" });
    expect(snap(actor).value).toBe("answering");
    expect(snap(actor).context.current).toBe("week");
    expect(snap(actor).context.error).toMatchObject({ question: "week", kind: "required" });
    expect(snap(actor).context.error?.message).toMatch(/answer/i);

    actor.send({ type: "ANSWER", question: "week", answer: "deciding" });
    expect(snap(actor).context.error).toBeNull();
    expect(snap(actor).context.answers).toEqual({ week: "deciding" });
    actor.send({ type: "NEXT" });
    expect(snap(actor).context.current).toBe("stalled");
    expect(snap(actor).context.error).toBeNull();
  });

  it("an invalid answer sets an invalid error and keeps the answer given before", () => {
    const actor = start();
    actor.send({ type: "START" });
    actor.send({ type: "ANSWER", question: "week", answer: "events" });
    for (const bad of ["no-such-option", 3, ["events"]] as Answer[]) {
      actor.send({ type: "ANSWER", question: "week", answer: bad });
      expect(snap(actor).context.error).toMatchObject({ question: "week", kind: "invalid" });
      expect(snap(actor).context.answers).toEqual({ week: "events" });
    }
    expect(snap(actor).context.error?.message).toBe("This question expects one option id.");

    // A multiple-choice question: three ticks where two are allowed.
    actor.send({ type: "SHOW_RESULT", answers: { ...complete, proud: ["value"] } });
    actor.send({ type: "BACK" });
    actor.send({ type: "EDIT", question: "proud" });
    actor.send({
      type: "ANSWER",
      question: "proud",
      answer: ["improving-team", "happy-customers", "value"],
    });
    expect(snap(actor).context.error).toEqual({
      question: "proud",
      kind: "invalid",
      message: "This question allows at most 2 choices.",
    });
    expect(snap(actor).context.answers.proud).toEqual(["value"]);
    // The person can still go on with the answer they had.
    actor.send({ type: "NEXT" });
    expect(snap(actor).value).toBe("review");
  });

  it("ignores ANSWER and CLEAR for a question other than the one shown", () => {
    const actor = start();
    actor.send({ type: "START" });
    actor.send({ type: "ANSWER", question: "week", answer: "events" });
    const before = snap(actor);
    actor.send({ type: "ANSWER", question: "stalled", answer: "obstacle" });
    actor.send({ type: "CLEAR", question: "stalled" });
    actor.send({ type: "CLEAR", question: "week-not" });
    expect(snap(actor).context).toEqual(before.context);
  });

  it("CLEAR removes the answer: a skippable question can then be passed, a required one cannot", () => {
    const optional = withQuestion(quiz, "week", (question) => {
      question.required = false;
    });
    const actor = createActor(createQuizMachine(optional, evaluate)).start();
    actor.send({ type: "START" });
    actor.send({ type: "ANSWER", question: "week", answer: "events" });
    actor.send({ type: "CLEAR", question: "week" });
    expect(snap(actor).context.answers).toEqual({});
    actor.send({ type: "NEXT" });
    expect(snap(actor).context.current).toBe("stalled");

    actor.send({ type: "ANSWER", question: "stalled", answer: "obstacle" });
    actor.send({ type: "CLEAR", question: "stalled" });
    actor.send({ type: "NEXT" });
    expect(snap(actor).context.current).toBe("stalled");
    expect(snap(actor).context.error).toMatchObject({ question: "stalled", kind: "required" });
    actor.send({ type: "CLEAR", question: "stalled" });
    expect(snap(actor).context.error).toBeNull();
  });

  it("show-if: 'other' shows other-role; changing it hides other-role, whose answer is kept but no longer counts", () => {
    const actor = start();
    const seen = record(actor);
    actor.send({ type: "START" });
    actor.send({ type: "ANSWER", question: "week", answer: "events" });
    actor.send({ type: "NEXT" });
    actor.send({ type: "ANSWER", question: "stalled", answer: "obstacle" });
    actor.send({ type: "NEXT" });
    actor.send({ type: "ANSWER", question: "current-role", answer: "other" });
    actor.send({ type: "NEXT" });
    expect(snap(actor).context.current).toBe("other-role");
    actor.send({ type: "ANSWER", question: "other-role", answer: "shaping" });
    expect(seen.at(-1)).toEqual({
      type: "answered",
      question: "other-role",
      answer: "shaping",
      answers: {
        week: "events",
        stalled: "obstacle",
        "current-role": "other",
        "other-role": "shaping",
      },
    });
    actor.send({ type: "NEXT" });
    expect(snap(actor).context.current).toBe("proud");

    // Back to current-role, change it: other-role is hidden and skipped both ways.
    actor.send({ type: "BACK" });
    expect(snap(actor).context.current).toBe("other-role");
    actor.send({ type: "BACK" });
    expect(snap(actor).context.current).toBe("current-role");
    actor.send({ type: "ANSWER", question: "current-role", answer: "product" });
    expect(seen.at(-1)).toMatchObject({
      answers: { week: "events", stalled: "obstacle", "current-role": "product" },
    });
    expect(snap(actor).context.answers["other-role"]).toBe("shaping"); // kept
    actor.send({ type: "NEXT" });
    expect(snap(actor).context.current).toBe("proud");
    actor.send({ type: "BACK" });
    expect(snap(actor).context.current).toBe("current-role");

    // Finish; the hidden answer does not count in the result.
    actor.send({ type: "NEXT" });
    for (const id of quiz.questions.map((q) => q.id).slice(4)) {
      expect(snap(actor).context.current).toBe(id);
      actor.send({ type: "ANSWER", question: id, answer: complete[id] as Answer });
      actor.send({ type: "NEXT" });
    }
    expect(snap(actor).value).toBe("review");
    actor.send({ type: "SUBMIT" });
    const { context } = snap(actor);
    expect(context.answers["other-role"]).toBe("shaping");
    expect(context.result?.answers).not.toHaveProperty("other-role");
    const { "other-role": _hidden, ...counted } = context.answers;
    expect(context.result).toEqual(evaluate(quiz, counted));
    expect(context.result?.answers).toEqual(counted);

    // Choosing "other" again brings the kept answer back.
    actor.send({ type: "BACK" });
    actor.send({ type: "EDIT", question: "current-role" });
    actor.send({ type: "ANSWER", question: "current-role", answer: "other" });
    expect(countedAnswers(quiz, snap(actor).context.answers)["other-role"]).toBe("shaping");
  });

  it("EDIT from review shows that question and NEXT returns to review; hidden questions cannot be edited", () => {
    const actor = start();
    answerThrough(actor, complete);
    expect(snap(actor).value).toBe("review");
    actor.send({ type: "EDIT", question: "other-role" }); // hidden: ignored
    actor.send({ type: "EDIT", question: "nope" });
    expect(snap(actor).value).toBe("review");

    actor.send({ type: "EDIT", question: "stalled" });
    expect(snap(actor).value).toBe("answering");
    expect(snap(actor).context).toMatchObject({ current: "stalled", returnToReview: true });
    actor.send({ type: "ANSWER", question: "stalled", answer: "priorities" });
    actor.send({ type: "NEXT" });
    expect(snap(actor).value).toBe("review");
    expect(snap(actor).context).toMatchObject({ current: null, returnToReview: false });
    expect(snap(actor).context.answers.stalled).toBe("priorities");
  });

  it("BACK from review goes to the last question shown; NEXT from there comes back to review", () => {
    const actor = start();
    answerThrough(actor, complete);
    actor.send({ type: "BACK" });
    expect(snap(actor).context).toMatchObject({ current: "alongside", returnToReview: false });
    actor.send({ type: "BACK" });
    expect(snap(actor).context.current).toBe("customer-vs-process");
    actor.send({ type: "NEXT" });
    actor.send({ type: "NEXT" });
    expect(snap(actor).value).toBe("review");
  });

  it("BACK from the first question goes to the intro without losing answers", () => {
    const actor = start();
    actor.send({ type: "START" });
    actor.send({ type: "ANSWER", question: "week", answer: "coaching" });
    actor.send({ type: "BACK" });
    expect(snap(actor).value).toBe("intro");
    expect(snap(actor).context.answers).toEqual({ week: "coaching" });
    actor.send({ type: "START" });
    expect(snap(actor).context.current).toBe("week");
    expect(snap(actor).context.answers).toEqual({ week: "coaching" });
  });

  it("a change from review that reveals a required question asks it before returning", () => {
    const actor = start();
    answerThrough(actor, complete);
    // Editing current-role to "other" from review shows other-role, still unanswered.
    actor.send({ type: "EDIT", question: "current-role" });
    actor.send({ type: "ANSWER", question: "current-role", answer: "other" });
    actor.send({ type: "NEXT" });
    expect(snap(actor).value).toBe("answering");
    expect(snap(actor).context.current).toBe("other-role");
    expect(snap(actor).context.returnToReview).toBe(true);
    actor.send({ type: "ANSWER", question: "other-role", answer: "delivery" });
    actor.send({ type: "NEXT" });
    expect(snap(actor).value).toBe("review");
  });

  it("SUBMIT with a required answer missing stays in review with an error naming it", () => {
    const actor = start();
    const seen = record(actor);
    const { "other-role": _left, ...partial } = {
      ...complete,
      "current-role": "other",
      "other-role": "delivery",
    };
    actor.send({ type: "SHOW_RESULT", answers: partial });
    expect(snap(actor).value).toBe("review");
    actor.send({ type: "SUBMIT" });
    expect(snap(actor).value).toBe("review");
    expect(snap(actor).context.error).toEqual({
      question: "other-role",
      kind: "required",
      message: `Question 4 still needs an answer: "In that job, which part is closer to what you do?"`,
    });
    expect(snap(actor).context.result).toBeNull();
    expect(seen.some((e) => e.type === "completed")).toBe(false);

    actor.send({ type: "EDIT", question: "other-role" });
    expect(snap(actor).context.error).toBeNull();
    actor.send({ type: "ANSWER", question: "other-role", answer: "delivery" });
    actor.send({ type: "NEXT" });
    actor.send({ type: "SUBMIT" });
    expect(snap(actor).value).toBe("result");
    expect(seen.filter((e) => e.type === "completed")).toHaveLength(1);
  });

  it("SUBMIT with everything answered goes to the result and emits completed with it", () => {
    const actor = start();
    const seen = record(actor);
    const completed: QuizEmitted[] = [];
    actor.on("completed", (event) => completed.push(event));
    answerThrough(actor, complete);
    actor.send({ type: "SUBMIT" });
    expect(snap(actor).value).toBe("result");
    const { result } = snap(actor).context;
    expect(result).toEqual(evaluate(quiz, complete));
    expect(result?.recommendation).toMatchObject({ kind: "outcome", outcome: "csm" });
    expect(completed).toEqual([{ type: "completed", result }]);
    expect(completed[0]?.type === "completed" && completed[0].result).toBe(result);
    expect(seen.map((e) => e.type)).toEqual([
      "started",
      ...Array.from({ length: Object.keys(complete).length }, () => "answered"),
      "completed",
    ]);
  });

  it("BACK from the result goes to review and drops the result", () => {
    const actor = start();
    answerThrough(actor, complete);
    actor.send({ type: "SUBMIT" });
    actor.send({ type: "BACK" });
    expect(snap(actor).value).toBe("review");
    expect(snap(actor).context.result).toBeNull();
    expect(snap(actor).context.answers).toEqual(complete);
  });

  it("SHOW_RESULT from any step shows the result for the answers that count, without emitting completed", () => {
    const extra = {
      ...complete,
      "other-role": "delivery", // hidden: current-role is not "other"
      "no-such-question": "x",
      week: "not-an-option", // malformed: does not count, and week is then missing
    } as Answers;
    for (const prepare of [
      (_a: QuizActor) => {},
      (a: QuizActor) => a.send({ type: "START" }),
      (a: QuizActor) => answerThrough(a, complete),
      (a: QuizActor) => {
        answerThrough(a, complete);
        a.send({ type: "SUBMIT" });
      },
    ]) {
      const actor = start();
      prepare(actor);
      const seen = record(actor);
      actor.send({ type: "SHOW_RESULT", answers: extra });
      expect(snap(actor).value).toBe("review");
      expect(snap(actor).context.error).toMatchObject({ question: "week", kind: "required" });
      const { week: _week, ...rest } = complete;
      expect(snap(actor).context.answers).toEqual(rest);
      expect(snap(actor).context.result).toBeNull();

      actor.send({ type: "SHOW_RESULT", answers: { ...extra, week: "customers" } });
      expect(snap(actor).value).toBe("result");
      expect(snap(actor).context.error).toBeNull();
      expect(snap(actor).context.answers).toEqual({ ...complete, week: "customers" });
      expect(snap(actor).context.result).toEqual(
        evaluate(quiz, { ...complete, week: "customers" }),
      );
      expect(seen.filter((e) => e.type === "completed")).toEqual([]);
      checkInvariants(quiz, snap(actor));
    }
  });

  it("SHOW_RESULT while showing a result recomputes it for the new answers", () => {
    const actor = start();
    actor.send({ type: "SHOW_RESULT", answers: complete });
    const first = snap(actor).context.result;
    const other = { ...complete, week: "deciding", stalled: "priorities" };
    actor.send({ type: "SHOW_RESULT", answers: other });
    expect(snap(actor).value).toBe("result");
    expect(snap(actor).context.result).not.toEqual(first);
    expect(snap(actor).context.result).toEqual(evaluate(quiz, other));
  });

  it("RESTART from any step goes to the intro with everything cleared", () => {
    const empty = { answers: {}, current: null, returnToReview: false, error: null, result: null };
    for (const prepare of [
      (_a: QuizActor) => {},
      (a: QuizActor) => {
        a.send({ type: "START" });
        a.send({ type: "NEXT" }); // leaves an error
      },
      (a: QuizActor) => {
        answerThrough(a, complete);
        a.send({ type: "EDIT", question: "week" });
      },
      (a: QuizActor) => answerThrough(a, complete),
      (a: QuizActor) => a.send({ type: "SHOW_RESULT", answers: complete }),
    ]) {
      const actor = start();
      prepare(actor);
      actor.send({ type: "RESTART" });
      expect(snap(actor).value).toBe("intro");
      expect(snap(actor).context).toEqual(empty);
    }
  });

  it("ignores events that do not apply to the step", () => {
    const actor = start();
    for (const event of [
      { type: "NEXT" },
      { type: "BACK" },
      { type: "SUBMIT" },
      { type: "EDIT", question: "week" },
      { type: "ANSWER", question: "week", answer: "events" },
    ] as QuizEvent[]) {
      actor.send(event);
      expect(snap(actor).value).toBe("intro");
    }
    expect(snap(actor).context.answers).toEqual({});
    answerThrough(actor, complete);
    actor.send({ type: "START" });
    actor.send({ type: "ANSWER", question: "week", answer: "deciding" });
    actor.send({ type: "NEXT" });
    expect(snap(actor).value).toBe("review");
    expect(snap(actor).context.answers).toEqual(complete);
  });
});

describe("saving and restoring progress", () => {
  const steps: [string, (a: QuizActor) => void][] = [
    ["intro, fresh", () => {}],
    [
      "intro, after going back",
      (a) => {
        a.send({ type: "START" });
        a.send({ type: "ANSWER", question: "week", answer: "events" });
        a.send({ type: "BACK" });
      },
    ],
    [
      "answering",
      (a) => {
        answerThrough(a, complete);
        a.send({ type: "BACK" });
        a.send({ type: "BACK" });
      },
    ],
    [
      "answering, editing from review, with a hidden answer kept",
      (a) => {
        answerThrough(a, { ...complete, "current-role": "other", "other-role": "delivery" });
        a.send({ type: "EDIT", question: "current-role" });
        a.send({ type: "ANSWER", question: "current-role", answer: "analyst" });
      },
    ],
    ["review", (a) => answerThrough(a, complete)],
    [
      "result",
      (a) => {
        answerThrough(a, complete);
        a.send({ type: "SUBMIT" });
      },
    ],
  ];

  for (const [name, prepare] of steps) {
    it(`a persisted snapshot restores the same state: ${name}`, () => {
      const actor = start();
      prepare(actor);
      const before = snap(actor);
      const saved: unknown = JSON.parse(JSON.stringify(progressOf(quiz, before)));
      const restored = restoreProgress(quiz, saved);
      expect(restored).toEqual({ ok: true, progress: saved, dropped: 0, unknown: 0 });
      if (!restored.ok) return;
      const again = start(restored.progress);
      const after = snap(again);
      expect(after.value).toBe(before.value);
      expect(after.context.answers).toEqual(before.context.answers);
      expect(after.context.current).toBe(before.context.current);
      expect(after.context.returnToReview).toBe(before.context.returnToReview);
      expect(after.context.result).toEqual(before.context.result);
      checkInvariants(quiz, after);
      expect(progressOf(quiz, after)).toEqual(saved);
    });
  }

  it("a restored result is recomputed from the answers, never taken from storage", () => {
    const progress: Progress = {
      v: 1,
      quiz: quiz.id,
      version: quiz.version,
      step: "result",
      answers: complete,
      current: "week", // ignored outside answering
      returnToReview: true,
    };
    const actor = start(progress);
    expect(snap(actor).value).toBe("result");
    expect(snap(actor).context).toMatchObject({ current: null, returnToReview: false });
    expect(snap(actor).context.result).toEqual(evaluate(quiz, complete));
  });

  it("restoring keeps the answers that still fit a changed quiz and counts exactly those dropped, and keys of no question apart", () => {
    const saved = {
      v: 1,
      quiz: quiz.id,
      version: quiz.version,
      step: "answering",
      answers: {
        week: "customers", // option removed below
        stalled: "obstacle", // question removed below
        "current-role": "other",
        "other-role": "delivery",
        proud: ["improving-team", "value"], // now at most one choice
        learn: "scrum-depth", // question removed below, and it is the current one
        facilitator: "4", // a string for a scale: wrong type
        "no-such-question": "x", // unknown question
        "backlog-owner": 5,
      },
      current: "learn",
      returnToReview: false,
    };
    const changed = structuredClone(quiz);
    changed.version = "1.1.0";
    changed.questions = changed.questions.filter((q) => q.id !== "stalled" && q.id !== "learn");
    const week = changed.questions.find((q) => q.id === "week");
    if (week?.type === "single") week.options = week.options.filter((o) => o.id !== "customers");
    const proud = changed.questions.find((q) => q.id === "proud");
    if (proud?.type === "multiple") proud.maxChoices = 1;

    const restored = restoreProgress(changed, saved);
    expect(restored).toEqual({
      ok: true,
      // week, proud and facilitator; stalled, learn and no-such-question name no question.
      dropped: 3,
      unknown: 3,
      progress: {
        v: 1,
        quiz: quiz.id,
        version: "1.1.0",
        step: "answering",
        answers: { "current-role": "other", "other-role": "delivery", "backlog-owner": 5 },
        current: "week", // learn is gone: the first required question without an answer
        returnToReview: false,
      },
    });
    if (!restored.ok) return;
    const resumed = createActor(createQuizMachine(changed, evaluate), {
      input: { progress: restored.progress },
    }).start();
    expect(snap(resumed).value).toBe("answering");
    expect(snap(resumed).context.current).toBe("week");
    checkInvariants(changed, snap(resumed));
  });

  it("a saved result that now misses a newly required answer resumes in review", () => {
    const optional = withQuestion(quiz, "alongside", (question) => {
      question.required = false;
    });
    const { alongside: _skipped, ...answers } = complete;
    const actor = createActor(createQuizMachine(optional, evaluate)).start();
    actor.send({ type: "SHOW_RESULT", answers });
    expect(snap(actor).value).toBe("result");
    const saved = progressOf(optional, snap(actor));

    const restored = restoreProgress(quiz, saved); // alongside is required again
    expect(restored).toEqual({
      ok: true,
      dropped: 0,
      unknown: 0,
      progress: { ...saved, step: "review" },
    });
    if (!restored.ok) return;
    const resumed = start(restored.progress);
    expect(snap(resumed).value).toBe("review");
    resumed.send({ type: "SUBMIT" });
    expect(snap(resumed).context.error).toMatchObject({ question: "alongside", kind: "required" });
  });

  it("a saved current question that is now hidden moves to the first missing answer, or review", () => {
    const base = {
      v: 1,
      quiz: quiz.id,
      version: quiz.version,
      step: "answering",
      current: "other-role",
      returnToReview: true,
    };
    const hidden = restoreProgress(quiz, {
      ...base,
      answers: { week: "events", "current-role": "product" },
    });
    expect(hidden).toMatchObject({
      ok: true,
      dropped: 0,
      progress: { step: "answering", current: "stalled", returnToReview: true },
    });
    const done = restoreProgress(quiz, { ...base, answers: complete });
    expect(done).toMatchObject({
      ok: true,
      progress: { step: "review", current: null, returnToReview: false },
    });
    const noCurrent = restoreProgress(quiz, { ...base, current: null, answers: {} });
    expect(noCurrent).toMatchObject({ ok: true, progress: { step: "answering", current: "week" } });
  });

  it("refuses garbage with a reason and never throws", () => {
    const good = progressOf(quiz, snap(start()));
    const throwing = Object.defineProperty({ ...good }, "answers", {
      enumerable: true,
      get() {
        throw new Error("boom");
      },
    });
    const { proxy, revoke } = Proxy.revocable({}, {});
    revoke();
    const garbage: unknown[] = [
      null,
      undefined,
      42,
      "x",
      true,
      [],
      [good],
      {},
      { quiz: "other" },
      { ...good, quiz: "other" },
      { ...good, v: 2 },
      { ...good, v: "1" },
      { ...good, quiz: 7 },
      { ...good, version: 1 },
      { ...good, step: "done" },
      { ...good, step: null },
      { ...good, answers: null },
      { ...good, answers: [] },
      { ...good, answers: "week=events" },
      { ...good, current: 3 },
      { ...good, current: undefined },
      { ...good, returnToReview: "yes" },
      throwing,
      proxy,
    ];
    for (const [index, saved] of garbage.entries()) {
      let restored: ReturnType<typeof restoreProgress> | undefined;
      expect(() => {
        restored = restoreProgress(quiz, saved);
      }).not.toThrow();
      expect(restored?.ok, `garbage #${index}`).toBe(false);
      if (restored && !restored.ok) expect(restored.reason).toMatch(/saved progress/);
    }
    expect(restoreProgress(quiz, { ...good, quiz: "other" })).toEqual({
      ok: false,
      reason: "The saved progress cannot be used: it is for another quiz.",
    });
    // A machine given garbage as progress starts afresh.
    const actor = createActor(machine, {
      input: { progress: { ...good, answers: null } as unknown as Progress },
    }).start();
    expect(snap(actor).value).toBe("intro");
  });

  it("property: any JSON-ish data restores to ok:false or to progress an actor resumes cleanly", () => {
    const ids = [...quiz.questions.map((q) => q.id), "zzz"];
    const anyAnswer = fc.oneof(
      fc.constantFrom(...quiz.questions).chain((q) => arbitraryAnswer(q) as fc.Arbitrary<unknown>),
      fc.anything(),
    );
    const saved = fc.oneof(
      fc.anything(),
      fc.record(
        {
          v: fc.oneof(fc.constant(1), fc.anything()),
          quiz: fc.oneof(fc.constant(quiz.id), fc.string()),
          version: fc.oneof(fc.constant(quiz.version), fc.string(), fc.anything()),
          step: fc.oneof(fc.constantFrom("intro", "answering", "review", "result"), fc.anything()),
          answers: fc.oneof(fc.dictionary(fc.constantFrom(...ids), anyAnswer), fc.anything()),
          current: fc.oneof(fc.constantFrom(...ids, null), fc.anything()),
          returnToReview: fc.oneof(fc.boolean(), fc.anything()),
        },
        { requiredKeys: [] },
      ),
    );
    fc.assert(
      fc.property(saved, (data) => {
        const restored = restoreProgress(quiz, data);
        if (!restored.ok) {
          expect(restored.reason.length).toBeGreaterThan(0);
          return;
        }
        const given = Object.keys((data as { answers: object }).answers).length;
        expect(
          Object.keys(restored.progress.answers).length + restored.dropped + restored.unknown,
        ).toBe(given);
        const actor = start(restored.progress);
        expect(snap(actor).value).toBe(restored.progress.step);
        checkInvariants(quiz, snap(actor));
        expect(progressOf(quiz, snap(actor))).toEqual(restored.progress);
      }),
      { numRuns: 300 },
    );
  });
});

// --- Random event sequences ---------------------------------------------------------------

/** An event, or a stand-in resolved against the snapshot when sent (to reach deeper steps). */
type Step = QuizEvent | { type: "ANSWER_CURRENT"; pick: number } | { type: "CLEAR_CURRENT" };

function resolve(step: Step, snapshot: QuizSnapshot): QuizEvent {
  if (step.type === "CLEAR_CURRENT") {
    return { type: "CLEAR", question: snapshot.context.current ?? "week" };
  }
  if (step.type !== "ANSWER_CURRENT") return step;
  const question =
    quiz.questions.find((q) => q.id === snapshot.context.current) ??
    (quiz.questions[0] as Question);
  const pick = step.pick;
  let answer: Answer;
  if (question.type === "scale") answer = (pick % question.labels.length) + 1;
  else if (question.type === "single")
    answer = question.options[pick % question.options.length]?.id ?? "";
  else {
    const ids = question.options.map((o) => o.id);
    const count = (pick % question.maxChoices) + 1;
    answer = Array.from({ length: count }, (_, i) => ids[(pick + i) % ids.length] ?? "");
  }
  return { type: "ANSWER", question: question.id, answer };
}

const questionIds = [...quiz.questions.map((q) => q.id), "no-such-question"];
const validAnswer = fc
  .constantFrom(...quiz.questions)
  .chain((q) => arbitraryAnswer(q) as fc.Arbitrary<Answer>);
const invalidAnswer: fc.Arbitrary<Answer> = fc.oneof(
  fc.string({ maxLength: 12 }),
  fc.integer({ min: -3, max: 9 }),
  fc.double({ noNaN: false }) as fc.Arbitrary<number>,
  fc.array(fc.string({ maxLength: 12 }), { maxLength: 5 }),
  fc.constantFrom<Answer>([], ["events", "events"], ["improving-team", "happy-customers", "value"]),
);
const anyAnswer = fc.oneof(validAnswer, invalidAnswer);
const anyAnswers = fc.dictionary(fc.constantFrom(...questionIds), anyAnswer, { maxKeys: 14 });
const completeish = fc
  .record(Object.fromEntries(quiz.questions.map((q) => [q.id, arbitraryAnswer(q)])))
  .map((answers) => answers as Record<string, Answer>);

const stepArbitrary: fc.Arbitrary<Step> = fc.oneof(
  { arbitrary: fc.constant<Step>({ type: "START" }), weight: 2 },
  { arbitrary: fc.constant<Step>({ type: "NEXT" }), weight: 8 },
  { arbitrary: fc.constant<Step>({ type: "BACK" }), weight: 3 },
  { arbitrary: fc.constant<Step>({ type: "SUBMIT" }), weight: 2 },
  { arbitrary: fc.constant<Step>({ type: "RESTART" }), weight: 1 },
  { arbitrary: fc.nat().map<Step>((pick) => ({ type: "ANSWER_CURRENT", pick })), weight: 8 },
  { arbitrary: fc.constant<Step>({ type: "CLEAR_CURRENT" }), weight: 1 },
  {
    arbitrary: fc.record({
      type: fc.constant("ANSWER" as const),
      question: fc.constantFrom(...questionIds),
      answer: anyAnswer,
    }),
    weight: 3,
  },
  {
    arbitrary: fc.record({
      type: fc.constant("CLEAR" as const),
      question: fc.constantFrom(...questionIds),
    }),
    weight: 1,
  },
  {
    arbitrary: fc.record({
      type: fc.constant("EDIT" as const),
      question: fc.constantFrom(...questionIds),
    }),
    weight: 2,
  },
  {
    arbitrary: fc.record({
      type: fc.constant("SHOW_RESULT" as const),
      answers: fc.oneof(anyAnswers, completeish),
    }),
    weight: 1,
  },
);

describe("random event sequences", () => {
  it("never throw and always keep the machine's invariants", () => {
    let reachedResult = 0;
    fc.assert(
      fc.property(fc.array(stepArbitrary, { maxLength: 60 }), (steps) => {
        const actor = createActor(machine);
        const errors: unknown[] = [];
        actor.subscribe({ error: (error) => errors.push(error) });
        actor.start();
        checkInvariants(quiz, snap(actor));
        for (const step of steps) {
          actor.send(resolve(step, snap(actor)));
          expect(errors).toEqual([]);
          checkInvariants(quiz, snap(actor));
          if (snap(actor).value === "result") reachedResult++;
        }
        actor.stop();
      }),
      { numRuns: 500 },
    );
    // The generator does reach the end of the quiz, not only the first questions.
    expect(reachedResult).toBeGreaterThan(0);
  });
});
