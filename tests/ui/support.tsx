// Shared pieces for the component tests: an in-memory progress store, a way to render
// the whole quiz, and helpers that answer questions the way a person does (clicking
// the labels they read, then the button they see).
import { render, screen } from "@testing-library/react";
import type { UserEvent } from "@testing-library/user-event";
import { expect, vi } from "vitest";
import { visibleQuestions } from "../../src/engine/answers";
import type { Progress } from "../../src/engine/machine";
import type { Answer, Answers, Quiz } from "../../src/engine/schema";
import type { ProgressStore } from "../../src/ui/progress-store";
import { QuizApp, type QuizAppProps } from "../../src/ui/QuizApp";

export const RESULT_PAGE = "https://quiz.example/csm-vs-cspo";
export const resultUrl = (token: string) => `${RESULT_PAGE}#r=${token}`;

/** Every answer leaning to CSM (all twelve shown questions; "other-role" stays hidden). */
export const CSM_ANSWERS: Record<string, Answer> = {
  week: "events",
  stalled: "obstacle",
  "current-role": "scrum-master",
  proud: ["improving-team"],
  learn: "scrum-depth",
  "backlog-owner": 1,
  facilitator: 5,
  conversations: "the-team",
  disagreement: "mediate",
  own: ["events", "impediments"],
  "customer-vs-process": 1,
  alongside: 5,
};

/** Answers that come out balanced (a lead of 1.3 points, under the 5-point tie margin). */
export const BALANCED_ANSWERS: Record<string, Answer> = {
  week: "events",
  stalled: "priorities",
  "current-role": "other",
  "other-role": "shaping",
  proud: ["improving-team", "happy-customers"],
  learn: "scrum-depth",
  "backlog-owner": 3,
  facilitator: 3,
  conversations: "customers-stakeholders",
  disagreement: "mediate",
  own: ["vision", "events"],
  "customer-vs-process": 3,
  alongside: 3,
};

export type MemoryStore = ProgressStore & {
  saved: unknown;
  saves: Progress[];
  save: ReturnType<typeof vi.fn<(progress: Progress) => boolean>>;
  clear: ReturnType<typeof vi.fn<() => void>>;
};

/** A ProgressStore in memory; `works: false` makes every save fail, as a full storage would. */
export function memoryStore(initial?: unknown, { works = true } = {}): MemoryStore {
  const store = {
    saved: initial,
    saves: [] as Progress[],
    load: () => store.saved,
    save: vi.fn((progress: Progress) => {
      if (!works) return false;
      store.saves.push(structuredClone(progress));
      store.saved = structuredClone(progress);
      return true;
    }),
    clear: vi.fn(() => {
      store.saved = undefined;
    }),
  };
  return store;
}

export function renderApp(quiz: Quiz, props: Partial<QuizAppProps> = {}) {
  return render(<QuizApp quiz={quiz} start={{ kind: "fresh" }} resultUrl={resultUrl} {...props} />);
}

/** The labels a person clicks to give this answer. */
export function labelsFor(quiz: Quiz, questionId: string, answer: Answer): string[] {
  const question = quiz.questions.find((q) => q.id === questionId);
  if (!question) throw new Error(`no question ${questionId}`);
  if (question.type === "scale") return [question.labels[Number(answer) - 1] ?? "?"];
  const ids = Array.isArray(answer) ? answer : [String(answer)];
  return ids.map((id) => question.options.find((o) => o.id === id)?.label ?? `no option ${id}`);
}

export function questionHeading() {
  return screen.getByRole("heading", { level: 1 });
}

export async function clickNext(user: UserEvent) {
  await user.click(
    screen.getByRole("button", { name: /^(Next|Review my answers|Save and return to review)$/ }),
  );
}

/** On the question shown now: checks it is `questionId`, ticks the answer, goes on. */
export async function answer(user: UserEvent, quiz: Quiz, questionId: string, value: Answer) {
  const prompt = quiz.questions.find((q) => q.id === questionId)?.prompt;
  expect(questionHeading()).toHaveTextContent(prompt ?? "?");
  for (const label of labelsFor(quiz, questionId, value)) {
    await user.click(screen.getByLabelText(label));
  }
  await clickNext(user);
}

/** From the intro: answers every shown question in order and stops on the review. */
export async function answerAll(user: UserEvent, quiz: Quiz, answers: Answers) {
  await user.click(screen.getByRole("button", { name: "Start the quiz" }));
  for (const question of visibleQuestions(quiz, answers)) {
    const value = answers[question.id];
    if (value === undefined) throw new Error(`no answer for ${question.id}`);
    await answer(user, quiz, question.id, value);
  }
  expect(questionHeading()).toHaveTextContent("Check your answers");
}

/** From the intro, all the way to the result. */
export async function takeQuiz(user: UserEvent, quiz: Quiz, answers: Answers) {
  await answerAll(user, quiz, answers);
  await user.click(screen.getByRole("button", { name: "See my result" }));
}
