// The whole quiz for one element: decides where a visit starts (fresh, resumed, a result
// link), saves progress, and renders the flow machine's current step. Everything it
// touches is inside its own root element, so several can live on a page or in a shadow root.
import { useActorRef, useSelector } from "@xstate/react";
import {
  type ReactNode,
  useCallback,
  useContext,
  useEffect,
  useMemo,
  useRef,
  useState,
} from "react";
import { visibleQuestions } from "../engine/answers";
import {
  createQuizMachine,
  type Progress,
  progressOf,
  type QuizEmitted,
  type QuizEvent,
  restoreProgress,
  type Step,
} from "../engine/machine";
import type { Answers, Quiz } from "../engine/schema";
import type { Collect } from "./collect";
import { HeadingBase } from "./Heading";
import { Intro } from "./Intro";
import { loadedResultPart, loadResultPart, type ResultPart } from "./load-result-part";
import { Notice } from "./Notice";
import type { ProgressStore } from "./progress-store";
import { QuestionStep } from "./QuestionStep";
import { ResumeNotice } from "./ResumeNotice";
import { Review } from "./Review";
import { decideStart } from "./start";
import { useStepFocus } from "./use-step-focus";
import { useStepHistory } from "./use-step-history";

/** Where a visit starts; the shell decides before the first render. */
export type Start =
  | { kind: "fresh" }
  | { kind: "resume"; progress: Progress; dropped: number; unknown: number }
  | { kind: "result"; answers: Answers }
  | { kind: "bad-link"; message: string };

export type QuizAppProps = {
  quiz: Quiz;
  start: Start;
  /** Where progress is saved; none when saving is off. */
  store?: ProgressStore;
  /** The address that opens a result, for "copy link". */
  resultUrl: (token: string) => string;
  /** Told when a result is shown (its token) or left (null), e.g. to update the address. */
  onResultChange?: (token: string | null) => void;
  /** Whether to name each step in the document's title (the page, not an embed). */
  manageTitle?: boolean;
  /** A link to book the course for an outcome, e.g. a trainer's slot around `nextStep`, the quiz's own. */
  outcomeLink?: (outcome: string, nextStep: ReactNode) => ReactNode;
  /** Where the taker may choose to send the result (the embed's `collect`); none: never sent. */
  collect?: Collect;
  onEvent?: (event: QuizEmitted) => void;
  /**
   * Start was pressed before the app took over the page (see public/early-start.js): a
   * fresh visit then opens straight on the first question, with no intro rendered first.
   */
  startedEarly?: boolean;
  /** Shown on someone else's page (the element, the iframe), which is told the result. */
  embedded?: boolean;
  /**
   * Each step is an entry in the browser's history, so Back and Forward move between
   * steps: only on the quiz's own page, never on a host's (see use-step-history).
   */
  stepHistory?: boolean;
};

export function QuizApp(props: QuizAppProps) {
  const { quiz, start, store } = props;
  const [session, setSession] = useState(() => ({
    id: 0,
    progress:
      start.kind === "result"
        ? progressAt(quiz, "result", start.answers, null)
        : props.startedEarly && start.kind === "fresh"
          ? progressAt(quiz, "answering", {}, visibleQuestions(quiz, {})[0]?.id ?? null)
          : undefined,
  }));
  const [pending, setPending] = useState(start.kind === "resume" ? start : undefined);
  // A result opened from a link (perhaps someone else's) must not overwrite this visitor's
  // own saved answers: while it is shown nothing is saved, and "Start again" from it asks
  // what to do with them (Resume, or Start again after a confirmation) instead of deleting.
  const [savedAside] = useState(() => {
    if (start.kind !== "result") return undefined;
    const saved = decideStart(quiz, "", store);
    return saved.kind === "resume" ? saved : undefined;
  });
  const [linkError, setLinkError] = useState(start.kind === "bad-link" ? start.message : undefined);
  const [storageFailed, setStorageFailed] = useState(false);
  // The same quiz in another tab saved over this one's progress: this tab stops (saving
  // would overwrite the other's answers) until the person takes over here.
  const [openElsewhere, setOpenElsewhere] = useState(false);
  useEffect(() => store?.watch?.(() => setOpenElsewhere(true)), [store]);
  const headingBase = useContext(HeadingBase);

  const part = useResultPart(session.progress?.step === "result");

  const restart = (progress?: Progress) => {
    setPending(undefined);
    setLinkError(undefined);
    setSession((s) => ({ id: s.id + 1, progress }));
  };

  if (openElsewhere)
    return (
      // Alone, the notice's heading is at the level of the step it stands in for.
      <HeadingBase.Provider value={headingBase - 1}>
        <div className="cf">
          <Notice title="This quiz is open in another tab">
            <p>
              Your answers there are saved. To go on in this tab instead, continue here: the quiz
              opens where the other tab left it, with all its answers.
            </p>
            <div className="cf-actions">
              <button
                type="button"
                className="cf-button cf-primary"
                onClick={() => {
                  const saved = store && restoreProgress(quiz, store.load());
                  setOpenElsewhere(false);
                  restart(saved?.ok ? saved.progress : undefined);
                }}
              >
                Continue here
              </button>
            </div>
          </Notice>
        </div>
      </HeadingBase.Provider>
    );

  return (
    <div className="cf">
      {pending && (
        <ResumeNotice
          progress={pending.progress}
          dropped={pending.dropped}
          unknown={pending.unknown}
          onResume={() => restart(pending.progress)}
          onStartAgain={() => {
            store?.clear();
            restart();
          }}
        />
      )}
      {linkError && (
        <Notice title="This result link cannot be opened" tone="error">
          <p>{linkError}</p>
          <p>You can take the quiz below to get your result again.</p>
        </Notice>
      )}
      {storageFailed && (
        <Notice title="Progress will not be saved">
          <p>
            This browser is not letting the quiz save your answers, so they will be lost if you
            close the page. The quiz still works.
          </p>
        </Notice>
      )}
      {session.progress?.step === "result" && !part.ready ? (
        // Opened on a result (a link, a resumed quiz): its chunk first, the answers kept.
        <ResultPending failed={part.failed} onRetry={part.load} />
      ) : (
        <Flow
          key={session.id}
          {...props}
          store={savedAside && session.id === 0 ? undefined : store}
          progress={session.progress}
          // Opening on a question means the person asked for it (resumed, or pressed Start early).
          focusFirst={session.id > 0 || session.progress?.step === "answering"}
          resumable={pending !== undefined}
          onStorageFailed={() => setStorageFailed(true)}
          onStart={() => setLinkError(undefined)}
          onRestart={() => {
            if (savedAside && session.id === 0) {
              restart();
              setPending(savedAside);
              return;
            }
            store?.clear();
            restart();
          }}
          part={part}
        />
      )}
    </div>
  );
}

type FlowProps = QuizAppProps & {
  progress: Progress | undefined;
  /** This flow replaces another at the person's request (see useStepFocus). */
  focusFirst: boolean;
  /** Saved answers are on offer (see ResumeNotice): the intro then offers no Start. */
  resumable: boolean;
  onStorageFailed: () => void;
  onStart: () => void;
  onRestart: () => void;
  part: ResultPartState;
};

function Flow({
  quiz,
  store,
  progress,
  focusFirst,
  resultUrl,
  onResultChange,
  manageTitle,
  outcomeLink,
  collect,
  onEvent,
  embedded,
  stepHistory = false,
  resumable,
  onStorageFailed,
  onStart,
  onRestart,
  part,
}: FlowProps) {
  // The result is worked out by the lazily loaded chunk; the flow only enters the result
  // step once it has loaded (see `send` below and the gate in QuizApp).
  const machine = useMemo(
    () =>
      createQuizMachine(quiz, (quiz, answers) => {
        const loaded = loadedResultPart();
        if (!loaded) throw new Error("the result's chunk has not loaded");
        return loaded.evaluate(quiz, answers);
      }),
    [quiz],
  );
  const actor = useActorRef(machine, { input: { progress } });
  const current = useSelector(actor, (snapshot) => snapshot);
  // "resume" is a routing state the machine leaves at once; it is never rendered.
  const step = current.value as Step;
  const { context } = current;
  const headingRef = useRef<HTMLHeadingElement>(null);
  const announcement = useStepFocus({ quiz, step, context, headingRef, manageTitle, focusFirst });

  // Latest callbacks, so the subscriptions below are made once per actor.
  const latest = useRef({ onEvent, onStorageFailed, onResultChange, store });
  latest.current = { onEvent, onStorageFailed, onResultChange, store };

  useEffect(() => {
    let warned = false;
    const saving = actor.subscribe((snapshot) => {
      const { store } = latest.current;
      if (!store || snapshot.value === "intro") return;
      if (!store.save(progressOf(quiz, snapshot)) && !warned) {
        warned = true;
        latest.current.onStorageFailed();
      }
    });
    const emitted = (["started", "answered", "completed"] as const).map((type) =>
      actor.on(type, (event) => latest.current.onEvent?.(event as QuizEmitted)),
    );
    return () => {
      saving.unsubscribe();
      for (const e of emitted) e.unsubscribe();
    };
  }, [actor, quiz]);

  // Fetched once the first question is on screen, while the person answers.
  const { load } = part;
  useEffect(() => {
    if (step === "intro") return;
    const soon = setTimeout(load, 0);
    return () => clearTimeout(soon);
  }, [step, load]);

  // Events that lead to the result wait for its chunk: in the normal case it is there.
  const [waiting, setWaiting] = useState(false);
  const send = (event: QuizEvent) => {
    if ((event.type !== "SUBMIT" && event.type !== "SHOW_RESULT") || loadedResultPart()) {
      actor.send(event);
      return;
    }
    setWaiting(true);
    void load().then((loaded) => {
      setWaiting(false);
      if (loaded) actor.send(event);
    });
  };

  // Before the result's address is followed below, so an entry is made before it is renamed.
  useStepHistory({
    enabled: stepHistory,
    quiz,
    actor,
    send,
    canShowResult: () => loadedResultPart() !== undefined,
  });

  // Told as the flow moves, not after the next render: a Back or Forward that walks the
  // flow to a result must be known before its hashchange is (see ResultLinkQuizApp).
  useEffect(() => {
    const tokenOf = (snapshot: typeof current) => snapshot.context.result?.token ?? null;
    let token = tokenOf(actor.getSnapshot());
    latest.current.onResultChange?.(token);
    const following = actor.subscribe((snapshot) => {
      if (tokenOf(snapshot) === token) return;
      token = tokenOf(snapshot);
      latest.current.onResultChange?.(token);
    });
    return () => following.unsubscribe();
  }, [actor]);

  return (
    <>
      <p className="cf-visually-hidden" role="status">
        {announcement}
      </p>
      {step === "intro" && (
        <Intro
          quiz={quiz}
          headingRef={headingRef}
          embedded={embedded}
          resumable={resumable}
          onStart={() => {
            onStart();
            actor.send({ type: "START" });
          }}
        />
      )}
      {step === "answering" && (
        <QuestionStep quiz={quiz} context={context} send={send} headingRef={headingRef} />
      )}
      {step === "review" && (waiting || part.failed) && (
        // Above the review, whose "See my result" is the screen's one primary button.
        <ResultPending
          failed={part.failed}
          onRetry={() => send({ type: "SUBMIT" })}
          primary={false}
        />
      )}
      {step === "review" && (
        <Review quiz={quiz} context={context} send={send} headingRef={headingRef} />
      )}
      {step === "result" && context.result && part.ready && (
        <part.ready.ResultView
          quiz={quiz}
          result={context.result}
          headingRef={headingRef}
          resultUrl={resultUrl}
          outcomeLink={
            outcomeLink &&
            ((id) =>
              outcomeLink(id, part.ready && <part.ready.NextStep quiz={quiz} outcome={id} />))
          }
          collect={collect}
          onBack={() => actor.send({ type: "BACK" })}
          onRestart={onRestart}
        />
      )}
    </>
  );
}

/**
 * Where a flow opens when it does not open on the intro: a result link on the result,
 * recomputed from its answers; an early press of Start on the first question.
 */
function progressAt(quiz: Quiz, step: Step, answers: Answers, current: string | null): Progress {
  return {
    v: 1,
    quiz: quiz.id,
    version: quiz.version,
    step,
    answers: { ...answers },
    current,
    returnToReview: false,
  };
}

type ResultPartState = {
  /** The result's chunk once loaded. */
  ready: ResultPart | undefined;
  /** The last attempt to load it failed (offline, blocked); `load` tries again. */
  failed: boolean;
  /** Loads the chunk (once); resolves to it, or to undefined when that failed. */
  load: () => Promise<ResultPart | undefined>;
};

/** The result's chunk as React state; loaded at once when `now` (the flow opens on a result). */
function useResultPart(now: boolean): ResultPartState {
  const [ready, setReady] = useState(loadedResultPart);
  const [failed, setFailed] = useState(false);
  const load = useCallback(
    () =>
      loadResultPart().then(
        (loaded) => {
          setReady(() => loaded);
          setFailed(false);
          return loaded;
        },
        () => {
          setFailed(true);
          return undefined;
        },
      ),
    [],
  );
  useEffect(() => {
    if (now) void load();
  }, [now, load]);
  return { ready, failed, load };
}

/** While the result's chunk loads, or after it failed to: the answers are never touched. */
function ResultPending({
  failed,
  onRetry,
  primary = true,
}: {
  failed: boolean;
  onRetry: () => void;
  primary?: boolean;
}) {
  if (!failed)
    return (
      <p className="cf-loading" role="status">
        Loading your result…
      </p>
    );
  return (
    <Notice title="Your result could not be loaded" tone="error">
      <p>Your answers are kept. Check that you are online, then try again.</p>
      <div className="cf-actions">
        <button
          type="button"
          className={primary ? "cf-button cf-primary" : "cf-button"}
          onClick={onRetry}
        >
          Try again
        </button>
      </div>
    </Notice>
  );
}
