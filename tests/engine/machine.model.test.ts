// Model-based tests of the quiz machine with xstate/graph, on a small quiz (three
// questions: one shown only for some answers, one skippable) so that the state space is
// finite. The machine definition is the model: the paths must reach every state node and
// take every transition it defines (each guarded branch, from every state where it
// applies), and every path is replayed on a real actor, checking the invariants.

import { describe, expect, it } from "vitest";
import type { AnyTransitionDefinition, InspectionEvent } from "xstate";
import { createActor } from "xstate";
import { createTestModel, getStateNodes } from "xstate/graph";
import {
  createQuizMachine,
  type Progress,
  type QuizEvent,
  type QuizInput,
  type QuizSnapshot,
} from "../../src/engine/machine";
import { evaluate } from "../../src/engine/result";
import type { Quiz } from "../../src/engine/schema";
import { stableStringify } from "../../src/engine/share";
import { validateQuiz } from "../../src/engine/validate";
import { buildQuiz, SOURCE_TEXT } from "../helpers/build-quiz";
import { checkInvariants } from "../helpers/machine-invariants";

/** q1 always; q2 only when q1 = o2; q3 a skippable scale. Validated like any quiz file. */
function smallQuiz(): Quiz {
  const quiz = buildQuiz({
    id: "model",
    questions: [
      {
        id: "q1",
        type: "single",
        prompt: "Q1?",
        options: [
          { id: "o1", label: "One", weights: { a: { x: 2 } } },
          { id: "o2", label: "Two", weights: { a: { y: 2 } } },
        ],
      },
      {
        id: "q2",
        type: "single",
        prompt: "Q2?",
        showIf: [{ question: "q1", anyOf: ["o2"] }],
        options: [
          { id: "o1", label: "One", weights: { b: { x: 1 } } },
          { id: "o2", label: "Two", weights: { b: { y: 1 } } },
        ],
      },
      {
        id: "q3",
        type: "scale",
        prompt: "Q3?",
        required: false,
        labels: ["No", "Neutral", "Yes"],
        agree: { b: { y: 1 } },
        disagree: { b: { x: 1 } },
      },
    ],
  });
  const validation = validateQuiz(JSON.stringify(quiz), {
    fileName: "model.json",
    loadSource: () => SOURCE_TEXT,
  });
  if (!validation.ok) {
    throw new Error(`the model quiz is not valid: ${JSON.stringify(validation.problems)}`);
  }
  return validation.quiz;
}

const quiz = smallQuiz();
const machine = createQuizMachine(quiz, evaluate);

/** The concrete events the model may send: valid and invalid answers, every question id. */
const EVENTS: QuizEvent[] = [
  { type: "START" },
  { type: "NEXT" },
  { type: "BACK" },
  { type: "SUBMIT" },
  { type: "RESTART" },
  { type: "ANSWER", question: "q1", answer: "o1" },
  { type: "ANSWER", question: "q1", answer: "o2" },
  { type: "ANSWER", question: "q1", answer: "nope" },
  { type: "ANSWER", question: "q2", answer: "o1" },
  { type: "ANSWER", question: "q3", answer: 2 },
  { type: "ANSWER", question: "q3", answer: 7 },
  { type: "CLEAR", question: "q1" },
  { type: "CLEAR", question: "q3" },
  { type: "EDIT", question: "q1" },
  { type: "EDIT", question: "q2" },
  { type: "EDIT", question: "q3" },
  { type: "SHOW_RESULT", answers: { q1: "o1", q3: 3 } },
  { type: "SHOW_RESULT", answers: { q1: "o2", q2: "nope" } },
];

/** Saved progress at each step, so that every branch of the start-up routing is taken. */
const progressAt = (step: Progress["step"], extra: Partial<Progress> = {}): QuizInput => ({
  progress: {
    v: 1,
    quiz: quiz.id,
    version: quiz.version,
    step,
    answers: { q1: "o2" },
    current: null,
    returnToReview: false,
    ...extra,
  },
});
const INPUTS: [string, QuizInput][] = [
  ["no input", undefined],
  ["saved at intro", progressAt("intro")],
  ["saved while answering", progressAt("answering", { current: "q2", returnToReview: true })],
  ["saved at review", progressAt("review")],
  ["saved at result", progressAt("result", { answers: { q1: "o1" } })],
];

// --- What the machine defines -------------------------------------------------------------

type Transition = AnyTransitionDefinition;

/** A transition branch: its source node, its event ("always" for eventless), its index. */
function branchKey(t: Transition): string {
  const source = t.source;
  const always = source.always?.indexOf(t) ?? -1;
  if (always >= 0) return `${source.id} always #${always}`;
  const index = source.transitions.get(t.eventType)?.indexOf(t) ?? -1;
  return `${source.id} ${t.eventType} #${index}`;
}

const pairOf = (branch: string) => branch.replace(/ #\d+$/, "");

const allNodes = [machine.root, ...getStateNodes(machine.root)];
const stateNodeIds = new Set(getStateNodes(machine.root).map((node) => node.id));
const definedBranches = new Set(
  allNodes.flatMap((node) => [
    ...(node.always ?? []).map(branchKey),
    ...[...node.transitions.values()].flat().map(branchKey),
  ]),
);
const definedPairs = new Set([...definedBranches].map(pairOf));

/** Atomic states that can be rested in: those not left at once by an eventless transition. */
const restingNodes = getStateNodes(machine.root).filter(
  (node) => node.type === "atomic" && !(node.always ?? []).some((t) => !t.guard),
);
/** Each resting state with each branch it can take (its own or an ancestor's). */
const definedInState = new Set(
  restingNodes.flatMap((node) => {
    const chain = [];
    for (let n: typeof node | undefined = node; n; n = n.parent) chain.push(n);
    return chain.flatMap((n) =>
      [...n.transitions.values()].flat().map((t) => `${node.id} <- ${branchKey(t)}`),
    );
  }),
);

// --- Invariants ---------------------------------------------------------------------------

/** The model's state identity: the result is left out as it follows from the answers. */
function serializeState(snapshot: QuizSnapshot): string {
  const { answers, current, returnToReview, error } = snapshot.context;
  return stableStringify({ value: snapshot.value, answers, current, returnToReview, error });
}

// --- Paths --------------------------------------------------------------------------------

type PlannedPath = {
  input: QuizInput;
  label: string;
  /** The states the model expects: the initial one, then one after each event. */
  states: QuizSnapshot[];
  events: QuizEvent[];
};

/**
 * For one input: the shortest path to every state, plus, for every transition branch
 * that those paths do not take from some resting state, the shortest path to a state
 * where the model shows it is enabled, followed by the event.
 */
function planPaths(label: string, input: QuizInput) {
  const model = createTestModel(machine, { events: EVENTS, serializeState, input });
  const shortest = model.getShortestPaths({ allowDuplicatePaths: true });
  const toState = new Map(shortest.map((path) => [serializeState(path.state), path]));
  const asPlanned = (steps: { state: QuizSnapshot; event: unknown }[]): PlannedPath => ({
    input,
    label,
    states: steps.map((step) => step.state),
    events: steps.slice(1).map((step) => step.event as QuizEvent),
  });

  // Deduplicated paths (no path that is a prefix of another) still reach every state.
  const paths = model.getShortestPaths().map((path) => asPlanned(path.steps));
  const planned = new Set<string>();
  const taken = (snapshot: QuizSnapshot, event: QuizEvent) =>
    machine
      .getTransitionData(snapshot, event)
      .map(
        (t) =>
          `${machine.getStateNodeById(`quiz.${String(snapshot.value)}`).id} <- ${branchKey(t)}`,
      );
  for (const path of paths) {
    path.events.forEach((event, i) => {
      for (const key of taken(path.states[i] as QuizSnapshot, event)) planned.add(key);
    });
  }
  const adjacency = model.getAdjacencyMap();
  for (const [from, { state, transitions }] of Object.entries(adjacency)) {
    const outgoing = Object.values(transitions) as { event: QuizEvent; state: QuizSnapshot }[];
    for (const { event, state: next } of outgoing) {
      const keys = taken(state, event);
      if (keys.every((key) => planned.has(key))) continue;
      for (const key of keys) planned.add(key);
      const head = toState.get(from);
      if (!head) throw new Error(`no path to ${from}`);
      paths.push(asPlanned([...head.steps, { state: next, event }]));
    }
  }
  const edges = Object.values(adjacency).reduce((n, a) => n + Object.keys(a.transitions).length, 0);
  return { paths, states: toState.size, edges };
}

type Coverage = { nodes: Set<string>; branches: Set<string>; inState: Set<string> };

/** Replays a path on a real actor; records what the actor really did, via inspection. */
function replay(path: PlannedPath, coverage: Coverage): void {
  let microsteps: Transition[] = [];
  const actor = createActor(machine, {
    input: path.input,
    inspect: (event: InspectionEvent) => {
      if (event.type === "@xstate.microstep") microsteps.push(...event._transitions);
    },
  });
  const errors: unknown[] = [];
  actor.subscribe({ error: (error) => errors.push(error) });
  actor.start();

  const observe = (expected: QuizSnapshot | undefined, from: string | undefined) => {
    const snapshot = actor.getSnapshot();
    expect(errors).toEqual([]);
    checkInvariants(quiz, snapshot);
    // The actor agrees with the model.
    expect(serializeState(snapshot)).toBe(serializeState(expected as QuizSnapshot));
    expect(snapshot.context.result).toEqual(expected?.context.result);
    for (const node of snapshot._nodes) coverage.nodes.add(node.id);
    for (const t of microsteps) {
      coverage.nodes.add(t.source.id);
      coverage.branches.add(branchKey(t));
      if (from) coverage.inState.add(`${from} <- ${branchKey(t)}`);
    }
    microsteps = [];
  };

  observe(path.states[0], undefined);
  path.events.forEach((event, i) => {
    const from = actor.getSnapshot()._nodes.find((node) => node.type === "atomic")?.id;
    actor.send(event);
    observe(path.states[i + 1], from);
  });
  actor.stop();
}

const coverage: Coverage = { nodes: new Set(), branches: new Set(), inState: new Set() };
const stats = new Map<string, string>();

/** Plans and replays the paths for one starting input, once (coverage accumulates). */
function replayFrom(label: string, input: QuizInput): void {
  if (stats.has(label)) return;
  const { paths, states, edges } = planPaths(label, input);
  expect(paths.length).toBeGreaterThan(0);
  for (const path of paths) replay(path, coverage);
  const events = paths.reduce((n, p) => n + p.events.length, 0);
  stats.set(
    label,
    `${label}: ${states} model states, ${edges} model transitions, ${paths.length} paths, ${events} events replayed`,
  );
}

/** Coverage over every starting input, whichever tests ran before (e.g. with -t). */
function fullCoverage(): Coverage {
  for (const [label, input] of INPUTS) replayFrom(label, input);
  return coverage;
}

const missing = (defined: Set<string>, covered: Set<string>) =>
  [...defined].filter((key) => !covered.has(key)).sort();

describe("model-based: every state and transition of the quiz machine", () => {
  for (const [label, input] of INPUTS) {
    it(`replays the model's paths on a real actor, starting with ${label}`, () => {
      replayFrom(label, input);
    });
  }

  it("reaches every state node of the machine", () => {
    expect(stateNodeIds.size).toBeGreaterThanOrEqual(5);
    expect(missing(stateNodeIds, fullCoverage().nodes), "state nodes never reached").toEqual([]);
  });

  it("takes every (state node, event type) pair the machine defines", () => {
    const covered = new Set([...fullCoverage().branches].map(pairOf));
    expect(missing(definedPairs, covered), "transitions never taken").toEqual([]);
  });

  it("takes every guarded branch of every transition", () => {
    expect(missing(definedBranches, fullCoverage().branches), "branches never taken").toEqual([]);
  });

  it("takes every branch from every resting state where it applies (root events from each step)", () => {
    const { nodes, branches, inState } = fullCoverage();
    expect(missing(definedInState, inState), "branches never taken from").toEqual([]);
    const count = (defined: Set<string>, covered: (key: string) => boolean) =>
      `${[...defined].filter(covered).length}/${defined.size}`;
    const pairs = new Set([...branches].map(pairOf));
    console.info(
      [
        ...stats.values(),
        `state nodes: ${count(stateNodeIds, (id) => nodes.has(id))}`,
        `(node, event) pairs: ${count(definedPairs, (p) => pairs.has(p))}`,
        `branches: ${count(definedBranches, (b) => branches.has(b))}`,
        `(resting state, branch): ${count(definedInState, (k) => inState.has(k))}`,
      ].join("\n"),
    );
  });
});
