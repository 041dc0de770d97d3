import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { answerValues, compileQuiz } from "../../../src/engine/compile";
import { evaluate } from "../../../src/engine/result";
import type { Quiz } from "../../../src/engine/schema";
import {
  add,
  addIssue,
  emptySummary,
  merge,
  type RowIssue,
  type Summary,
  scoreRow,
  slotLayout,
} from "../../../src/engine/summary/summary";
import { arbitraryAnswers } from "../../helpers/arbitraries";
import { loadQuiz } from "../../helpers/quiz";

const quiz = loadQuiz();
const compiled = compileQuiz(quiz);

type Item =
  | { kind: "row"; answers: Record<string, never>; day?: number }
  | { kind: "issue"; issue: RowIssue };

const item = fc.oneof(
  fc.record({
    kind: fc.constant("row" as const),
    answers: arbitraryAnswers(quiz),
    day: fc.option(fc.integer({ min: 19000, max: 20000 }), { nil: undefined }),
  }),
  fc.record({
    kind: fc.constant("issue" as const),
    issue: fc.record({
      source: fc.constantFrom("a.txt", "b.txt"),
      line: fc.nat(300),
      reason: fc.constantFrom("x", "y"),
    }),
  }),
);

function summarize(q: Quiz, items: readonly unknown[]): Summary {
  const summary = emptySummary(q);
  for (const it of items as Item[]) {
    if (it.kind === "issue")
      addIssue(summary, it.issue.reason === "x" ? "invalid" : "otherVersion", it.issue);
    else add(summary, scoreRow(compiled, answerValues(compiled, it.answers), it.day), compiled);
  }
  return summary;
}

describe("the summary reducer", () => {
  it("gives the same summary for a whole as for the merge of its parts, however split", () => {
    fc.assert(
      fc.property(fc.array(item, { maxLength: 60 }), fc.nat(), (items, cut) => {
        const at = items.length === 0 ? 0 : cut % (items.length + 1);
        const parts = merge(summarize(quiz, items.slice(0, at)), summarize(quiz, items.slice(at)));
        expect(parts).toEqual(summarize(quiz, items));
      }),
      { numRuns: 150 },
    );
  });

  it("never depends on the order of its rows", () => {
    fc.assert(
      fc.property(
        fc
          .array(item, { maxLength: 40 })
          .chain((items) =>
            fc.tuple(
              fc.constant(items),
              fc.shuffledSubarray(items, { minLength: items.length, maxLength: items.length }),
            ),
          ),
        ([items, shuffled]) => {
          expect(summarize(quiz, shuffled)).toEqual(summarize(quiz, items));
        },
      ),
      { numRuns: 150 },
    );
  });

  it("counts each row in the group of the recommendation evaluate gives it", () => {
    fc.assert(
      fc.property(fc.array(arbitraryAnswers(quiz), { maxLength: 30 }), (all) => {
        const summary = summarize(
          quiz,
          all.map((answers) => ({ kind: "row", answers })),
        );
        const expected = new Array(summary.groups.length).fill(0);
        for (const answers of all) {
          const result = evaluate(quiz, answers);
          const { recommendation } = result;
          const group = summary.groups.indexOf(
            recommendation.kind === "outcome" ? recommendation.outcome : recommendation.kind,
          );
          expected[group]++;
        }
        expect(summary.byGroup).toEqual(expected);
        expect(summary.results).toBe(all.length);
      }),
      { numRuns: 100 },
    );
  });

  it("puts a result with nothing answered in its own group, outside the margins", () => {
    const summary = summarize(quiz, [{ kind: "row", answers: {} }]);
    expect(summary.byGroup[summary.groups.indexOf("none")]).toBe(1);
    expect(summary.margins.reduce((a, b) => a + b, 0)).toBe(0);
    expect(summary.answers.filter((n) => n > 0)).toHaveLength(quiz.questions.length);
  });

  it("counts answers per option and group, and the answers that decided a result", () => {
    const answers = { week: "events", stalled: "obstacle", "current-role": "scrum-master" };
    const summary = summarize(quiz, [{ kind: "row", answers }]);
    const week = quiz.questions.findIndex((q) => q.id === "week");
    const g = summary.groups.length;
    const group = summary.byGroup.indexOf(1);
    const option =
      quiz.questions[week]?.type === "single"
        ? quiz.questions[week].options.findIndex((o) => o.id === "events")
        : -1;
    const start = slotLayout(compiled).start[week] ?? -1;
    expect(summary.answers[(start + 1 + option) * g + group]).toBe(1);
    expect(summary.decisive.reduce((a, b) => a + b, 0)).toBe(
      summary.decidedBy.reduce((a, b) => a + b, 0),
    );
  });

  it("keeps the first issues by file and line, and counts them all", () => {
    const summary = emptySummary(quiz);
    for (let line = 500; line > 0; line--)
      addIssue(summary, "invalid", { source: "f", line, reason: "bad" });
    expect(summary.invalid.count).toBe(500);
    expect(summary.invalid.kept.map((i) => i.line)).toEqual(
      Array.from({ length: 100 }, (_, i) => i + 1),
    );
  });
});
