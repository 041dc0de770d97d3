// The reasons rule: a reason names only answers that moved its trait toward its outcome,
// never one that gave another outcome more points; a result leads with its few strongest.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { keyReasons, splitQuote } from "../../src/engine/explain";
import { evaluate } from "../../src/engine/result";
import type { Answer, Question } from "../../src/engine/schema";
import { pointsFor } from "../../src/engine/score";
import { arbitraryAnswers } from "../helpers/arbitraries";
import { loadQuiz } from "../helpers/quiz";
import { BALANCED_ANSWERS, CSM_ANSWERS } from "../ui/support";

const quiz = loadQuiz();

/** The raw answer a reason's listed answer stands for: for ticks, only those it names. */
function listedAnswer(question: Question, given: Answer, described: string): Answer {
  if (!Array.isArray(given) || question.type === "scale") return given;
  const labels = described.split("; ");
  return given.filter((id) =>
    labels.includes(question.options.find((o) => o.id === id)?.label ?? ""),
  );
}

describe("a reason's answers", () => {
  it("never include one that gives another outcome as many points or more on the trait", () => {
    fc.assert(
      fc.property(arbitraryAnswers(quiz), (answers) => {
        const result = evaluate(quiz, answers);
        for (const reason of result.reasons) {
          for (const listed of reason.answers) {
            const question = quiz.questions.find((q) => q.id === listed.question) as Question;
            const given = result.answers[listed.question] as Answer;
            const answer = listedAnswer(question, given, listed.answer);
            const ticks = Array.isArray(answer) ? answer.map((id) => [id]) : [answer];
            expect(ticks.length).toBeGreaterThan(0);
            for (const tick of ticks) {
              const mine = pointsFor(question, tick, reason.trait, reason.outcome);
              expect(mine).toBeGreaterThan(0);
              for (const other of quiz.outcomes.filter((o) => o.id !== reason.outcome))
                expect(pointsFor(question, tick, reason.trait, other.id)).toBeLessThan(mine);
            }
          }
        }
      }),
      { numRuns: 500 },
    );
  });

  it("leave out an Agree that gives the other side more points (issue 9, defect 6)", () => {
    // "Agree" to ordering the backlog gives CSM a quarter of its audience points and CSPO
    // three quarters: it leans to CSPO, so a reason for CSM must not name it.
    const { reasons } = evaluate(quiz, { ...CSM_ANSWERS, "backlog-owner": 4 });
    const csmAudience = reasons.find((r) => r.trait === "audience" && r.outcome === "csm");
    expect(csmAudience?.answers.length).toBeGreaterThan(0);
    expect(csmAudience?.answers.map((a) => a.question)).not.toContain("backlog-owner");
    // The midpoint gives both sides the same: it moved neither.
    const middle = evaluate(quiz, BALANCED_ANSWERS).reasons;
    expect(middle.flatMap((r) => r.answers).filter((a) => a.answer === "Neither")).toEqual([]);
  });
});

describe("the reasons a result leads with", () => {
  it("are at most three, for the recommended outcomes only, each naming an answer, strongest first", () => {
    fc.assert(
      fc.property(arbitraryAnswers(quiz), (answers) => {
        const result = evaluate(quiz, answers);
        const rec = result.recommendation;
        if (rec.kind === "none") return;
        const leaders = rec.kind === "outcome" ? [rec.outcome] : rec.outcomes;
        const key = keyReasons(result.reasons, leaders);
        expect(key.length).toBeLessThanOrEqual(3);
        for (const r of key) {
          expect(leaders).toContain(r.outcome);
          expect(r.answers.length).toBeGreaterThan(0);
        }
        const impacts = key.map((r) => r.impact);
        expect(impacts).toEqual([...impacts].sort((a, b) => b - a));
        // Each side of a balanced result that has a reason naming an answer gets one.
        for (const o of leaders)
          if (result.reasons.some((r) => r.outcome === o && r.answers.length > 0))
            expect(key.some((r) => r.outcome === o)).toBe(true);
      }),
      { numRuns: 300 },
    );
  });
});

describe("a short quote", () => {
  it("is the passage's first sentence, and with the rest makes the passage", () => {
    const text = "A ScrumMaster facilitates. They act as a coach.";
    expect(splitQuote(text)).toEqual({
      short: "A ScrumMaster facilitates.",
      rest: "They act as a coach.",
    });
    expect(splitQuote("One sentence only.")).toEqual({ short: "One sentence only.", rest: "" });
    for (const p of quiz.passages) {
      const { short, rest } = splitQuote(p.text);
      expect(rest ? `${short} ${rest}` : short).toBe(p.text);
    }
  });
});
