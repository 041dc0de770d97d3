// Where a visit starts (a result link, saved progress, or fresh) and the browser store
// it reads: both take untrusted input and must never throw.
import { afterEach, describe, expect, it, vi } from "vitest";
import type { Progress } from "../../src/engine/machine";
import { encodeAnswers } from "../../src/engine/share";
import {
  browserProgressStore,
  localStorageOrNothing,
  type ProgressStore,
} from "../../src/ui/progress-store";
import { decideStart, resultTokenIn } from "../../src/ui/start";
import { buildQuiz } from "../helpers/build-quiz";
import { loadQuiz } from "../helpers/quiz";

const quiz = loadQuiz();
const ANSWERS = {
  week: "events",
  stalled: "obstacle",
  "current-role": "other",
  "other-role": "delivery",
  proud: ["improving-team", "value"],
  learn: "scrum-depth",
  "backlog-owner": 2,
  facilitator: 4,
  conversations: "the-team",
  disagreement: "mediate",
  // In the quiz's option order, as a token gives them back.
  own: ["vision", "events", "impediments"],
  "customer-vs-process": 1,
  alongside: 5,
};
const PROGRESS: Progress = {
  v: 1,
  quiz: quiz.id,
  version: quiz.version,
  step: "answering",
  answers: { week: "deciding", stalled: "priorities" },
  current: "current-role",
  returnToReview: false,
};

function fakeStore(saved: unknown) {
  return {
    load: () => saved,
    save: () => true,
    clear: vi.fn<() => void>(),
  } satisfies ProgressStore;
}

/** A Storage over a Map, with any method replaceable. */
function fakeStorage(overrides: Partial<Storage> = {}): Storage & { data: Map<string, string> } {
  const data = new Map<string, string>();
  return {
    data,
    get length() {
      return data.size;
    },
    key: (i: number) => [...data.keys()][i] ?? null,
    getItem: (k: string) => data.get(k) ?? null,
    setItem: (k: string, v: string) => void data.set(k, String(v)),
    removeItem: (k: string) => void data.delete(k),
    clear: () => data.clear(),
    ...overrides,
  };
}

describe("decideStart with a result link", () => {
  it("opens the result for a valid token, with exactly its answers", () => {
    const token = encodeAnswers(quiz, ANSWERS);
    expect(decideStart(quiz, `#r=${token}`, undefined)).toEqual({
      kind: "result",
      answers: ANSWERS,
    });
  });

  it("prefers the link to saved progress, and leaves the progress alone", () => {
    const store = fakeStore(PROGRESS);
    const token = encodeAnswers(quiz, { week: "customers" });
    expect(decideStart(quiz, `#r=${token}`, store)).toEqual({
      kind: "result",
      answers: { week: "customers" },
    });
    expect(store.clear).not.toHaveBeenCalled();
  });

  it("reads a percent-encoded token", () => {
    const token = encodeAnswers(quiz, ANSWERS);
    const encoded = token.replace(/-/g, "%2D").replace(/_/g, "%5F");
    expect(resultTokenIn(`#r=${encoded}`)).toBe(token);
    expect(decideStart(quiz, `#r=${encoded}`, undefined)).toEqual({
      kind: "result",
      answers: ANSWERS,
    });
  });

  it("refuses a damaged token with a readable message", () => {
    const token = encodeAnswers(quiz, ANSWERS);
    const flipped = `${token.slice(0, 10)}${token[10] === "A" ? "B" : "A"}${token.slice(11)}`;
    expect(decideStart(quiz, `#r=${flipped}`, undefined)).toEqual({
      kind: "bad-link",
      message:
        "This link is damaged: part of it is missing or was changed. Try copying the whole link again.",
    });
    expect(decideStart(quiz, `#r=${token.slice(0, -3)}`, undefined)).toMatchObject({
      kind: "bad-link",
      message: expect.stringMatching(/^This link is damaged: /),
    });
    expect(decideStart(quiz, "#r=<script>", undefined)).toEqual({
      kind: "bad-link",
      message:
        "This link is damaged: its result code contains characters that do not belong there.",
    });
    expect(decideStart(quiz, "#r=", undefined)).toMatchObject({ kind: "bad-link" });
  });

  it("refuses broken percent-encoding instead of throwing", () => {
    for (const hash of ["#r=%", "#r=%E0%A4%A", "#r=abc%zz"]) {
      expect(() => decideStart(quiz, hash, undefined), hash).not.toThrow();
      expect(decideStart(quiz, hash, undefined), hash).toEqual({
        kind: "bad-link",
        message:
          "This link is damaged: its result code contains characters that do not belong there.",
      });
    }
  });

  it("refuses a token made for another version of the quiz", () => {
    const older = { ...quiz, version: "0.9.0" };
    const token = encodeAnswers(older, ANSWERS);
    expect(decideStart(quiz, `#r=${token}`, undefined)).toEqual({
      kind: "bad-link",
      message: `This link is for a different version of this quiz: "${quiz.title}" has changed since the link was made, so its answers can no longer be read. Please take the quiz again.`,
    });
  });

  it("refuses a token made for another quiz", () => {
    const token = encodeAnswers(buildQuiz(), { q1: "o1" });
    expect(decideStart(quiz, `#r=${token}`, undefined)).toEqual({
      kind: "bad-link",
      message: `This link is for a different quiz, not for "${quiz.title}".`,
    });
  });

  it("ignores other fragments", () => {
    expect(resultTokenIn("")).toBeUndefined();
    expect(resultTokenIn("#top")).toBeUndefined();
    expect(resultTokenIn("#x=r=abc")).toBeUndefined();
    expect(decideStart(quiz, "#top", undefined)).toEqual({ kind: "fresh" });
  });
});

describe("decideStart with saved progress", () => {
  it("starts fresh with no store or nothing saved", () => {
    expect(decideStart(quiz, "", undefined)).toEqual({ kind: "fresh" });
    expect(decideStart(quiz, "", fakeStore(undefined))).toEqual({ kind: "fresh" });
  });

  it("offers to resume saved progress", () => {
    const store = fakeStore(structuredClone(PROGRESS));
    expect(decideStart(quiz, "", store)).toEqual({
      kind: "resume",
      progress: PROGRESS,
      dropped: 0,
      unknown: 0,
    });
    expect(store.clear).not.toHaveBeenCalled();
  });

  it("counts answers that no longer fit the quiz as dropped, and keys of no question apart", () => {
    const store = fakeStore({
      ...PROGRESS,
      answers: { ...PROGRESS.answers, gone: "x", learn: "not-an-option", proud: ["a", "b", "c"] },
    });
    expect(decideStart(quiz, "", store)).toEqual({
      kind: "resume",
      progress: PROGRESS,
      dropped: 2,
      unknown: 1,
    });
  });

  it("does not count 10,000 junk keys as dropped answers", () => {
    const junk = Object.fromEntries(Array.from({ length: 10_000 }, (_, i) => [`junk-${i}`, i]));
    const store = fakeStore({ ...PROGRESS, answers: { ...PROGRESS.answers, ...junk } });
    expect(decideStart(quiz, "", store)).toEqual({
      kind: "resume",
      progress: PROGRESS,
      dropped: 0,
      unknown: 10_000,
    });
  });

  it("starts fresh, not resumed, when nothing was begun", () => {
    const store = fakeStore({ ...PROGRESS, step: "intro", answers: {}, current: null });
    expect(decideStart(quiz, "", store)).toEqual({ kind: "fresh" });
  });

  it("starts fresh and clears the store when what is saved is garbage", () => {
    for (const garbage of [
      "garbage",
      42,
      null,
      [],
      { v: 2 },
      { ...PROGRESS, quiz: "another-quiz" },
      { ...PROGRESS, step: "somewhere" },
      { ...PROGRESS, answers: "all of them" },
    ]) {
      const store = fakeStore(garbage);
      expect(decideStart(quiz, "", store), JSON.stringify(garbage)).toEqual({ kind: "fresh" });
      expect(store.clear, JSON.stringify(garbage)).toHaveBeenCalledTimes(1);
    }
  });
});

describe("browserProgressStore", () => {
  const KEY = "coursefit:csm-vs-cspo";

  it("saves, loads and clears under its key", () => {
    const storage = fakeStorage();
    const store = browserProgressStore(KEY, () => storage);
    expect(store.load()).toBeUndefined();
    expect(store.save(PROGRESS)).toBe(true);
    expect(JSON.parse(storage.data.get(KEY) ?? "")).toEqual(PROGRESS);
    expect(store.load()).toEqual(PROGRESS);
    store.clear();
    expect(storage.data.has(KEY)).toBe(false);
    expect(store.load()).toBeUndefined();
  });

  it("never throws when storage itself cannot be reached", () => {
    const store = browserProgressStore(KEY, () => {
      throw new DOMException("The operation is insecure.", "SecurityError");
    });
    expect(store.load()).toBeUndefined();
    expect(store.save(PROGRESS)).toBe(false);
    expect(() => store.clear()).not.toThrow();
  });

  it("never throws when there is no storage at all", () => {
    const store = browserProgressStore(KEY, () => undefined);
    expect(store.load()).toBeUndefined();
    expect(store.save(PROGRESS)).toBe(false);
    expect(() => store.clear()).not.toThrow();
  });

  it("reports a full storage as a failed save", () => {
    const storage = fakeStorage({
      setItem: () => {
        throw new DOMException("The quota has been exceeded.", "QuotaExceededError");
      },
    });
    const store = browserProgressStore(KEY, () => storage);
    expect(store.save(PROGRESS)).toBe(false);
    expect(store.load()).toBeUndefined();
  });

  it("reads a value that is not JSON as nothing saved", () => {
    const storage = fakeStorage();
    storage.setItem(KEY, "{not json");
    const store = browserProgressStore(KEY, () => storage);
    expect(store.load()).toBeUndefined();
    expect(decideStart(quiz, "", store)).toEqual({ kind: "fresh" });
  });

  it("hands JSON that is not progress to decideStart, which clears it", () => {
    const storage = fakeStorage();
    storage.setItem(KEY, JSON.stringify({ hello: "world" }));
    const store = browserProgressStore(KEY, () => storage);
    expect(store.load()).toEqual({ hello: "world" });
    expect(decideStart(quiz, "", store)).toEqual({ kind: "fresh" });
    expect(storage.data.has(KEY)).toBe(false);
  });

  it("never throws when getItem or removeItem do", () => {
    const storage = fakeStorage({
      getItem: () => {
        throw new Error("blocked");
      },
      removeItem: () => {
        throw new Error("blocked");
      },
    });
    const store = browserProgressStore(KEY, () => storage);
    expect(store.load()).toBeUndefined();
    expect(() => store.clear()).not.toThrow();
    expect(decideStart(quiz, "", store)).toEqual({ kind: "fresh" });
  });
});

describe("localStorageOrNothing", () => {
  afterEach(() => {
    Reflect.deleteProperty(globalThis, "localStorage");
  });

  it("is read lazily, so a page where reading it throws still runs the quiz", () => {
    Object.defineProperty(globalThis, "localStorage", {
      configurable: true,
      get() {
        throw new DOMException("Access is denied for this document.", "SecurityError");
      },
    });
    const store = browserProgressStore("k", localStorageOrNothing);
    expect(store.save(PROGRESS)).toBe(false);
    expect(store.load()).toBeUndefined();
    expect(decideStart(quiz, "", store)).toEqual({ kind: "fresh" });
  });

  it("hands over the page's localStorage when there is one", () => {
    const storage = fakeStorage();
    Object.defineProperty(globalThis, "localStorage", { configurable: true, value: storage });
    expect(localStorageOrNothing()).toBe(storage);
    expect(browserProgressStore("k", localStorageOrNothing).save(PROGRESS)).toBe(true);
    expect(storage.data.has("k")).toBe(true);
  });
});
