// The question flow: intro -> answering (one question at a time) -> review -> result.
//
// Pure: no DOM, no Node APIs, no I/O. The machine only decides what is shown and what is
// kept; which questions are shown, whether an answer fits and what the result is all come
// from the engine (./answers, ./result), so the page, the embed and the CLI agree.
// Shells react to what happened through emitted events (`actor.on("completed", ...)`).
//
// Progress (step, answers, current question) can be saved with progressOf and resumed
// with `createActor(machine, { input: { progress } })`; saved data is untrusted, so
// restoreProgress checks it against the quiz first (the machine does so again on input).
import { assign, emit, enqueueActions, type SnapshotFrom, setup } from "xstate";
import { answerProblem, countedAnswers, missingAnswers, visibleQuestions } from "./answers";
import type { Result } from "./result";
import type { Answer, Answers, Question, Quiz } from "./schema";

export type Step = "intro" | "answering" | "review" | "result";

export type QuizContext = {
  /**
   * Everything the person entered. Answers to questions that later became hidden are
   * kept (so that showing the question again brings them back) but do not count: the
   * engine's countedAnswers/evaluate ignore them. Every answer here fits its question.
   */
  answers: Record<string, Answer>;
  /** The id of the question shown while in "answering"; null in every other step. */
  current: string | null;
  /** True after EDIT from review: NEXT then returns to review. False outside "answering". */
  returnToReview: boolean;
  error: { question: string; kind: "required" | "invalid"; message: string } | null;
  /** evaluate(quiz, answers), set on entering "result"; null in every other step. */
  result: Result | null;
};

export type QuizEvent =
  | { type: "START" }
  /** Answer the current question (an answer to any other question is ignored). */
  | { type: "ANSWER"; question: string; answer: Answer }
  /** Remove the current question's answer (skippable questions, unticking all). */
  | { type: "CLEAR"; question: string }
  | { type: "NEXT" }
  | { type: "BACK" }
  /** From review: go to that (shown) question; NEXT then returns to review. */
  | { type: "EDIT"; question: string }
  /** From review: to the result, or stay with an error naming the first missing answer. */
  | { type: "SUBMIT" }
  /**
   * From any step, e.g. when a result link was opened: only the answers that count are
   * taken; goes to the result if nothing required is missing, else to review with an error.
   */
  | { type: "SHOW_RESULT"; answers: Answers }
  /** From any step: back to the intro with no answers. */
  | { type: "RESTART" };

export type QuizEmitted =
  | { type: "started" }
  /** `answers` are the answers that count after this one (see countedAnswers). */
  | { type: "answered"; question: string; answer: Answer; answers: Record<string, Answer> }
  /** Sent when the person submits from review (not when a result link is opened). */
  | { type: "completed"; result: Result };

/** What is saved to resume a quiz later: plain JSON. */
export type Progress = {
  v: 1;
  quiz: string;
  version: string;
  step: Step;
  answers: Record<string, Answer>;
  current: string | null;
  returnToReview: boolean;
};

export type QuizInput = { progress?: Progress } | undefined;

export type RestoreResult =
  /**
   * `dropped`: answers to questions of this quiz that no longer fit them; `unknown`: saved
   * keys that name no question of this quiz (a question removed since, or damaged data).
   */
  | { ok: true; progress: Progress; dropped: number; unknown: number }
  | { ok: false; reason: string };

const STEPS: readonly Step[] = ["intro", "answering", "review", "result"];

function isStep(value: unknown): value is Step {
  return typeof value === "string" && (STEPS as readonly string[]).includes(value);
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** Why an answer does not fit a question, for any value at all; never throws. */
function problemOf(question: Question, answer: unknown): string | undefined {
  const shaped =
    typeof answer === "string" ||
    typeof answer === "number" ||
    (Array.isArray(answer) && answer.every((id) => typeof id === "string"));
  if (!shaped)
    return question.type === "multiple" ? "expects a list of option ids" : "expects one answer";
  try {
    return answerProblem(question, answer as Answer);
  } catch {
    return "cannot take this answer";
  }
}

function copyAnswer(answer: Answer): Answer {
  return Array.isArray(answer) ? [...answer] : answer;
}

function questionById(quiz: Quiz, id: unknown): Question | undefined {
  return typeof id === "string" ? quiz.questions.find((q) => q.id === id) : undefined;
}

/** Position of a question in the quiz, or -1. */
function positionOf(quiz: Quiz, id: string | null): number {
  return id === null ? -1 : quiz.questions.findIndex((q) => q.id === id);
}

/** The shown question after `id` in quiz order (visibility from the answers as they are). */
function nextShown(quiz: Quiz, answers: Answers, id: string | null): string | null {
  const at = positionOf(quiz, id);
  return visibleQuestions(quiz, answers).find((q) => positionOf(quiz, q.id) > at)?.id ?? null;
}

/** The shown question before `id` in quiz order. */
function previousShown(quiz: Quiz, answers: Answers, id: string | null): string | null {
  const at = positionOf(quiz, id);
  return visibleQuestions(quiz, answers).findLast((q) => positionOf(quiz, q.id) < at)?.id ?? null;
}

function isShown(quiz: Quiz, answers: Answers, id: unknown): boolean {
  return visibleQuestions(quiz, answers).some((q) => q.id === id);
}

function missingError(quiz: Quiz, answers: Answers): QuizContext["error"] {
  const missing = missingAnswers(quiz, answers)[0];
  if (!missing) return null;
  const number = visibleQuestions(quiz, answers).findIndex((q) => q.id === missing.id) + 1;
  return {
    question: missing.id,
    kind: "required",
    message: `Question ${number} still needs an answer: "${missing.prompt}"`,
  };
}

// ---------------------------------------------------------------------------------------
// Saved progress

/** Untrusted saved data (e.g. from localStorage) -> progress for this quiz, keeping only answers still valid for it. */
export function restoreProgress(quiz: Quiz, saved: unknown): RestoreResult {
  try {
    return restore(quiz, saved);
  } catch {
    // Only exotic values get here (a throwing getter, a revoked proxy): JSON never does.
    return { ok: false, reason: "The saved progress could not be read." };
  }
}

function restore(quiz: Quiz, saved: unknown): RestoreResult {
  const fail = (why: string): RestoreResult => ({
    ok: false,
    reason: `The saved progress cannot be used: ${why}.`,
  });
  if (!isRecord(saved)) return fail("it is not a saved quiz");
  if (saved.v !== 1) return fail("it was saved in a format this page does not know");
  if (typeof saved.quiz !== "string") return fail("it does not say which quiz it is for");
  if (saved.quiz !== quiz.id) return fail("it is for another quiz");
  if (typeof saved.version !== "string") return fail("its quiz version is missing");
  if (!isStep(saved.step)) return fail("its step is not one the quiz has");
  if (!isRecord(saved.answers)) return fail("its answers are not a set of answers");
  if (saved.current !== null && typeof saved.current !== "string") {
    return fail("its current question is not a question id");
  }
  if (typeof saved.returnToReview !== "boolean")
    return fail("its review flag is not true or false");

  // Keep each answer that still fits its question, shown or not; count the rest, apart
  // from keys that name no question at all, which may be anything (10,000 junk keys are
  // not 10,000 answers).
  const answers: Record<string, Answer> = {};
  let dropped = 0;
  let unknown = 0;
  for (const [id, answer] of Object.entries(saved.answers)) {
    const question = questionById(quiz, id);
    if (!question) unknown++;
    else if (problemOf(question, answer) === undefined) answers[id] = copyAnswer(answer as Answer);
    else dropped++;
  }

  let step: Step = saved.step;
  let current: string | null = null;
  let returnToReview = false;
  if (step === "answering") {
    returnToReview = saved.returnToReview;
    if (isShown(quiz, answers, saved.current)) {
      current = saved.current;
    } else {
      current = missingAnswers(quiz, answers)[0]?.id ?? null;
      if (current === null) {
        step = "review";
        returnToReview = false;
      }
    }
  } else if (step === "result" && missingAnswers(quiz, answers).length > 0) {
    step = "review";
  }
  return {
    ok: true,
    progress: {
      v: 1,
      quiz: quiz.id,
      version: quiz.version,
      step,
      answers,
      current,
      returnToReview,
    },
    dropped,
    unknown,
  };
}

/** Where an actor starts: the saved progress when it fits this quiz, else a fresh intro. */
function startOf(quiz: Quiz, input: unknown): { step: Step; context: QuizContext } {
  const progress = isRecord(input) ? input.progress : undefined;
  const restored = progress === undefined ? undefined : restoreProgress(quiz, progress);
  if (!restored?.ok) {
    return {
      step: "intro",
      context: { answers: {}, current: null, returnToReview: false, error: null, result: null },
    };
  }
  const { step, answers, current, returnToReview } = restored.progress;
  return { step, context: { answers, current, returnToReview, error: null, result: null } };
}

// ---------------------------------------------------------------------------------------
// The machine

/**
 * The flow for one quiz; `evaluateResult` (the engine's `evaluate`) works out the result
 * on entering "result". It is passed in, not imported, so that the browser can load the
 * scoring, explanation and share token after the first question (see src/ui/QuizApp.tsx).
 */
export function createQuizMachine(
  quiz: Quiz,
  evaluateResult: (quiz: Quiz, answers: Answers) => Result,
) {
  // The routing state decides from the input, which XState hands to the initial
  // (`xstate.init`) event; the context factory reads the same input, so both agree.
  const inputOf = (event: unknown) => (isRecord(event) ? event.input : undefined);
  const leaveQuestions = { current: null, returnToReview: false } as const;

  return setup({
    types: {
      context: {} as QuizContext,
      events: {} as QuizEvent,
      emitted: {} as QuizEmitted,
      // XState infers the input type through an optional property, which drops
      // `undefined` and would make input required in createActor and useMachine; `void`
      // survives that inference, so the input stays optional as QuizInput says.
      // biome-ignore lint/suspicious/noConfusingVoidType: see above
      input: {} as QuizInput | void,
    },
    guards: {
      resumesAt: ({ event }, params: { step: Step }) =>
        startOf(quiz, inputOf(event)).step === params.step,
      isCurrent: ({ context, event }) =>
        "question" in event && event.question === context.current && context.current !== null,
      answerFits: ({ context, event }) => {
        if (event.type !== "ANSWER" || event.question !== context.current) return false;
        const question = questionById(quiz, event.question);
        return question !== undefined && problemOf(question, event.answer) === undefined;
      },
      currentMissing: ({ context }) => {
        const question = questionById(quiz, context.current);
        if (!question?.required) return false;
        return !Object.hasOwn(countedAnswers(quiz, context.answers), question.id);
      },
      returnsToReview: ({ context }) => context.returnToReview,
      returnsWithMissing: ({ context }) =>
        context.returnToReview && missingAnswers(quiz, context.answers).length > 0,
      hasNext: ({ context }) => nextShown(quiz, context.answers, context.current) !== null,
      hasPrevious: ({ context }) => previousShown(quiz, context.answers, context.current) !== null,
      canEdit: ({ context, event }) =>
        event.type === "EDIT" && isShown(quiz, context.answers, event.question),
      anyMissing: ({ context }) => missingAnswers(quiz, context.answers).length > 0,
      shownAnswersComplete: ({ event }) =>
        event.type === "SHOW_RESULT" &&
        missingAnswers(quiz, countedAnswers(quiz, isRecord(event.answers) ? event.answers : {}))
          .length === 0,
    },
    actions: {
      leaveQuestions: assign(leaveQuestions),
      reset: assign({
        answers: {},
        ...leaveQuestions,
        error: null,
        result: null,
      }),
      clearError: assign({ error: null }),
      goToFirst: assign(({ context }) => ({
        current: nextShown(quiz, context.answers, null),
        error: null,
      })),
      goToNext: assign(({ context }) => ({
        current: nextShown(quiz, context.answers, context.current),
        error: null,
      })),
      goToFirstMissing: assign(({ context }) => ({
        current: missingAnswers(quiz, context.answers)[0]?.id ?? context.current,
        error: null,
      })),
      goToPrevious: assign(({ context }) => ({
        current: previousShown(quiz, context.answers, context.current),
        error: null,
      })),
      goToLast: assign(({ context }) => ({
        current: visibleQuestions(quiz, context.answers).at(-1)?.id ?? null,
        returnToReview: false,
        error: null,
      })),
      edit: assign(({ event }) => ({
        current: event.type === "EDIT" ? event.question : null,
        returnToReview: true,
        error: null,
      })),
      storeAnswer: assign(({ context, event }) => {
        if (event.type !== "ANSWER") return {};
        return {
          answers: { ...context.answers, [event.question]: copyAnswer(event.answer) },
          error: null,
        };
      }),
      clearAnswer: assign(({ context, event }) => {
        if (event.type !== "CLEAR") return {};
        const { [event.question]: _removed, ...answers } = context.answers;
        return { answers, error: null };
      }),
      setInvalidError: assign(({ event }) => {
        if (event.type !== "ANSWER") return {};
        const question = questionById(quiz, event.question);
        const problem = question ? problemOf(question, event.answer) : "is not this question";
        return {
          error: {
            question: event.question,
            kind: "invalid" as const,
            message: `This question ${problem ?? "cannot take this answer"}.`,
          },
        };
      }),
      setRequiredError: assign(({ context }) => ({
        error:
          context.current === null
            ? null
            : {
                question: context.current,
                kind: "required" as const,
                message: "Please answer this question before going on.",
              },
      })),
      setMissingError: assign(({ context }) => ({ error: missingError(quiz, context.answers) })),
      takeShownAnswers: assign(({ event }) => {
        if (event.type !== "SHOW_RESULT") return {};
        const shown = countedAnswers(quiz, isRecord(event.answers) ? event.answers : {});
        return {
          answers: Object.fromEntries(
            Object.entries(shown).map(([id, answer]) => [id, copyAnswer(answer)]),
          ),
          error: null,
        };
      }),
      computeResult: assign(({ context }) => ({ result: evaluateResult(quiz, context.answers) })),
      clearResult: assign({ result: null }),
      emitStarted: emit({ type: "started" }),
      emitAnswered: enqueueActions(({ context, event, enqueue }) => {
        if (event.type !== "ANSWER") return;
        enqueue.emit({
          type: "answered",
          question: event.question,
          answer: copyAnswer(event.answer),
          answers: countedAnswers(quiz, context.answers),
        });
      }),
      emitCompletedOnSubmit: enqueueActions(({ context, event, enqueue }) => {
        if (event.type === "SUBMIT" && context.result) {
          enqueue.emit({ type: "completed", result: context.result });
        }
      }),
    },
  }).createMachine({
    id: "quiz",
    context: ({ input }) => startOf(quiz, input).context,
    initial: "resume",
    on: {
      RESTART: { target: ".intro", actions: "reset" },
      SHOW_RESULT: [
        { guard: "shownAnswersComplete", target: ".result", actions: "takeShownAnswers" },
        { target: ".review", actions: ["takeShownAnswers", "setMissingError"] },
      ],
    },
    states: {
      /** Transient: routes a new actor to its saved step (or the intro). */
      resume: {
        always: [
          { guard: { type: "resumesAt", params: { step: "answering" } }, target: "answering" },
          { guard: { type: "resumesAt", params: { step: "review" } }, target: "review" },
          { guard: { type: "resumesAt", params: { step: "result" } }, target: "result" },
          { target: "intro" },
        ],
      },
      intro: {
        entry: "leaveQuestions",
        on: {
          START: { target: "answering", actions: ["goToFirst", "emitStarted"] },
        },
      },
      answering: {
        on: {
          ANSWER: [
            { guard: "answerFits", actions: ["storeAnswer", "emitAnswered"] },
            { guard: "isCurrent", actions: "setInvalidError" },
          ],
          CLEAR: { guard: "isCurrent", actions: "clearAnswer" },
          NEXT: [
            { guard: "currentMissing", actions: "setRequiredError" },
            // A change made from review can reveal a required question: ask it first.
            { guard: "returnsWithMissing", actions: "goToFirstMissing" },
            { guard: "returnsToReview", target: "review", actions: "clearError" },
            { guard: "hasNext", actions: "goToNext" },
            { target: "review", actions: "clearError" },
          ],
          BACK: [
            { guard: "hasPrevious", actions: "goToPrevious" },
            { target: "intro", actions: "clearError" },
          ],
        },
      },
      review: {
        entry: "leaveQuestions",
        on: {
          BACK: { target: "answering", actions: "goToLast" },
          EDIT: { guard: "canEdit", target: "answering", actions: "edit" },
          SUBMIT: [
            { guard: "anyMissing", actions: "setMissingError" },
            { target: "result", actions: "clearError" },
          ],
        },
      },
      result: {
        entry: ["leaveQuestions", "computeResult", "emitCompletedOnSubmit"],
        exit: "clearResult",
        on: {
          BACK: { target: "review" },
        },
      },
    },
  });
}

export type QuizMachine = ReturnType<typeof createQuizMachine>;
export type QuizSnapshot = SnapshotFrom<QuizMachine>;

/** The progress to save for a snapshot: plain JSON, to be read back with restoreProgress. */
export function progressOf(quiz: Quiz, snapshot: QuizSnapshot): Progress {
  const step: Step = isStep(snapshot.value) ? snapshot.value : "intro";
  const { answers, current, returnToReview } = snapshot.context;
  return {
    v: 1,
    quiz: quiz.id,
    version: quiz.version,
    step,
    answers: Object.fromEntries(
      Object.entries(answers).map(([id, answer]) => [id, copyAnswer(answer)]),
    ),
    current: step === "answering" ? current : null,
    returnToReview: step === "answering" && returnToReview,
  };
}
