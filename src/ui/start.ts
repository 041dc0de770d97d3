// Where a visit starts, decided before the first render from the address's fragment
// and the saved progress. Both are untrusted and checked here, at the edge.
import { restoreProgress } from "../engine/machine";
import type { Quiz } from "../engine/schema";
import { decodeAnswers } from "../engine/share";
import type { ProgressStore } from "./progress-store";
import type { Start } from "./QuizApp";

export function resultTokenIn(hash: string): string | undefined {
  const match = /^#r=(.*)$/.exec(hash);
  if (!match) return undefined;
  try {
    return decodeURIComponent(match[1] ?? "");
  } catch {
    // Broken percent-encoding (`#r=%`) would throw before the first render: pass the raw
    // text on, and decodeAnswers refuses it with its usual message.
    return match[1] ?? "";
  }
}

export function decideStart(quiz: Quiz, hash: string, store: ProgressStore | undefined): Start {
  const token = resultTokenIn(hash);
  if (token !== undefined) {
    const decoded = decodeAnswers(quiz, token);
    return decoded.ok
      ? { kind: "result", answers: decoded.answers }
      : { kind: "bad-link", message: decoded.error.message };
  }
  const saved = store?.load();
  if (saved === undefined) return { kind: "fresh" };
  const restored = restoreProgress(quiz, saved);
  if (!restored.ok) {
    store?.clear();
    return { kind: "fresh" };
  }
  const { progress, dropped, unknown } = restored;
  const started = progress.step !== "intro" || Object.keys(progress.answers).length > 0;
  return started ? { kind: "resume", progress, dropped, unknown } : { kind: "fresh" };
}
