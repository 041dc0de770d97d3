// The browser's Back and Forward between the quiz's steps, on the quiz's own page: each
// new step is a history entry (pushState), and going to an entry (popstate) walks the
// flow there with the same events the buttons send. Never on a trainer's page: the
// element's and the iframe's history is the host page's, which is not ours to fill.
import { useEffect, useRef } from "react";
import { type Actor, createActor } from "xstate";
import { visibleQuestions } from "../engine/answers";
import type { QuizEvent, QuizMachine, QuizSnapshot, Step } from "../engine/machine";
import type { Quiz } from "../engine/schema";

/** Where an entry of ours stands in the flow, kept in history.state under this key. */
const KEY = "coursefitStep";
type Place = { step: Step; question: string | null };

/** Steps walked at most for one Back or Forward (a long press can jump far). */
const MOST_STEPS = 100;

function placeIn(state: unknown): Place | undefined {
  if (typeof state !== "object" || state === null || !Object.hasOwn(state, KEY)) return undefined;
  const place = (state as Record<string, unknown>)[KEY] as Partial<Place> | null;
  const steps: unknown[] = ["intro", "answering", "review", "result"];
  if (!place || !steps.includes(place.step)) return undefined;
  return {
    step: place.step as Step,
    question: typeof place.question === "string" ? place.question : null,
  };
}

function placeOf(snapshot: QuizSnapshot): Place {
  return { step: snapshot.value as Step, question: snapshot.context.current };
}

const same = (a: Place, b: Place) => a.step === b.step && a.question === b.question;

/** A place's order in the flow for these answers: intro, each shown question, review, result. */
function orderOf(quiz: Quiz, snapshot: QuizSnapshot, place: Place): number {
  const shown = visibleQuestions(quiz, snapshot.context.answers);
  if (place.step === "intro") return 0;
  if (place.step === "review") return shown.length + 1;
  if (place.step === "result") return shown.length + 2;
  // A question no longer shown stands where it would be, before the next shown one.
  const at = quiz.questions.findIndex((q) => q.id === place.question);
  return 1 + shown.filter((q) => quiz.questions.indexOf(q) < at).length;
}

function forwardFrom(step: Step): QuizEvent | undefined {
  if (step === "intro") return { type: "START" };
  if (step === "answering") return { type: "NEXT" };
  if (step === "review") return { type: "SUBMIT" };
  return undefined;
}

/**
 * The events that take the flow from where it is to `target`, tried first on a copy of
 * the actor: none when it cannot get there without an error (a required answer that is
 * missing now, an entry from before Start again), so a refused walk never half happens.
 */
function walkTo(
  quiz: Quiz,
  actor: Actor<QuizMachine>,
  target: Place,
  canShowResult: boolean,
): QuizEvent[] | undefined {
  const trial = createActor(actor.logic, { snapshot: actor.getPersistedSnapshot() }).start();
  const events: QuizEvent[] = [];
  try {
    for (let i = 0; i < MOST_STEPS; i++) {
      const snapshot = trial.getSnapshot();
      const here = placeOf(snapshot);
      const [at, wanted] = [orderOf(quiz, snapshot, here), orderOf(quiz, snapshot, target)];
      if (at === wanted) return events;
      const event = wanted < at ? ({ type: "BACK" } as const) : forwardFrom(here.step);
      if (!event || (event.type === "SUBMIT" && !canShowResult)) return undefined;
      trial.send(event);
      const after = trial.getSnapshot();
      if (same(placeOf(after), here) || after.context.error) return undefined;
      events.push(event);
    }
    return undefined;
  } finally {
    trial.stop();
  }
}

export function useStepHistory({
  enabled,
  quiz,
  actor,
  send,
  canShowResult,
}: {
  enabled: boolean;
  quiz: Quiz;
  actor: Actor<QuizMachine>;
  /** How the flow's events are sent (the result waits for its chunk). */
  send: (event: QuizEvent) => void;
  /** The result's chunk is loaded, so Forward can show the result at once. */
  canShowResult: () => boolean;
}) {
  const latest = useRef({ send, canShowResult });
  latest.current = { send, canShowResult };

  // Entries are made as the flow moves, synchronously, before anything renames the entry
  // (the page's #r= fragment follows the result, and must land on the result's entry).
  // A flow's first place takes over the entry it opened on: a visit, or Start again,
  // after which the steps before it are gone. The address itself is left as it is.
  useEffect(() => {
    if (!enabled) return;
    const entry = (place: Place) => ({ [KEY]: place });
    let recorded = placeOf(actor.getSnapshot());
    let walking = false;
    history.replaceState(entry(recorded), "", location.href);
    const moving = actor.subscribe((snapshot) => {
      const place = placeOf(snapshot);
      if (walking || same(place, recorded)) return;
      recorded = place;
      history.pushState(entry(place), "", location.href);
    });
    const moved = (event: PopStateEvent) => {
      const target = placeIn(event.state);
      if (!target) return;
      const events = walkTo(quiz, actor, target, latest.current.canShowResult());
      walking = true;
      try {
        for (const step of events ?? []) latest.current.send(step);
      } finally {
        walking = false;
      }
      // The entry now says where the flow is, even when it could not go where it said.
      recorded = placeOf(actor.getSnapshot());
      history.replaceState(entry(recorded), "", location.href);
    };
    window.addEventListener("popstate", moved);
    return () => {
      moving.unsubscribe();
      window.removeEventListener("popstate", moved);
    };
  }, [enabled, quiz, actor]);
}
