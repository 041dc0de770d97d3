// A small, fully valid quiz to build unit tests on: traits a and b, outcomes x and y,
// one source whose text every passage quotes. Pass questions and settings to override.
import { type Quiz, quizSchema } from "../../src/engine/schema";

export const SOURCE_TEXT =
  "X suits people who run teams. Y suits people who shape products. Both are fine.";

export function buildQuiz(overrides: Record<string, unknown> = {}): Quiz {
  return quizSchema.parse({
    id: "tiny",
    version: "1.0.0",
    title: "Tiny",
    intro: "A tiny quiz.",
    minutes: 1,
    sources: [
      { id: "src", title: "Source", author: "Author", date: "2024-01-01", file: "source.txt" },
    ],
    passages: [
      { id: "x-why", source: "src", text: "X suits people who run teams." },
      { id: "y-why", source: "src", text: "Y suits people who shape products." },
      { id: "both", source: "src", text: "Both are fine." },
    ],
    conclusion: "both",
    traits: [
      { id: "a", label: "Trait A" },
      { id: "b", label: "Trait B" },
    ],
    outcomes: [
      { id: "x", label: "Outcome X", summary: "X.", passages: { a: "x-why", b: "x-why" } },
      { id: "y", label: "Outcome Y", summary: "Y.", passages: { a: "y-why", b: "y-why" } },
    ],
    questions: [
      {
        id: "q1",
        type: "single",
        prompt: "Q1?",
        options: [
          { id: "o1", label: "One", weights: { a: { x: 2 } } },
          { id: "o2", label: "Two", weights: { a: { y: 1 } } },
        ],
      },
      {
        id: "q2",
        type: "single",
        prompt: "Q2?",
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
        labels: ["No", "Meh", "Neutral", "Yes-ish", "Yes"],
        agree: { a: { y: 2 } },
        disagree: { a: { x: 2 } },
      },
    ],
    scoring: { traitWeights: { a: 1, b: 3 }, tieMargin: 5 },
    ...overrides,
  });
}
