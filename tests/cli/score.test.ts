import { beforeAll, describe, expect, it } from "vitest";
import { evaluate } from "../../src/engine/result";
import type { Answers, Quiz } from "../../src/engine/schema";
import { encodeAnswers } from "../../src/engine/share";
import { loadQuiz } from "../helpers/quiz";
import { coursefit, escapeRegExp, expectCleanError, QUIZ, squash, TIMEOUT } from "./run";

/** Every required question answered; leans to CSM. */
const ANSWERS: Answers = {
  week: "events",
  stalled: "obstacle",
  "current-role": "scrum-master",
  proud: ["improving-team"],
  learn: "scrum-depth",
  "backlog-owner": 2,
  facilitator: 4,
  conversations: "the-team",
  disagreement: "mediate",
  own: ["events", "vision"],
  "customer-vs-process": 2,
  alongside: 4,
};

/** Answers whose result is balanced (checked below against the engine). */
const BALANCED: Answers = {
  week: "events",
  stalled: "priorities",
  "current-role": "product",
  proud: ["improving-team", "happy-customers"],
  learn: "scrum-depth",
  "backlog-owner": 3,
  facilitator: 3,
  conversations: "the-team",
  disagreement: "check-stakeholders",
  own: ["vision", "events"],
  "customer-vs-process": 2,
  alongside: 3,
};

describe("coursefit score", { timeout: TIMEOUT }, () => {
  let quiz: Quiz;
  beforeAll(() => {
    quiz = loadQuiz();
  }, TIMEOUT);

  it("prints the engine's Result as JSON with --json", () => {
    const run = coursefit(["score", QUIZ, "--answers", JSON.stringify(ANSWERS), "--json"]);
    expect(run.stderr).toBe("");
    expect(run.status).toBe(0);
    const expected = evaluate(quiz, ANSWERS);
    expect(expected.recommendation).toMatchObject({ kind: "outcome", outcome: "csm" });
    expect(JSON.parse(run.stdout)).toEqual(expected);
  });

  it("explains the result as text: recommendation, scores, traits, reasons with quotes, token", () => {
    const run = coursefit(["score", QUIZ, "--answers", JSON.stringify(ANSWERS)]);
    expect(run.status).toBe(0);
    const result = evaluate(quiz, ANSWERS);
    const out = run.stdout;
    const flat = squash(out);
    expect(out).toContain("Recommendation: Certified ScrumMaster (CSM)\n");
    expect(out).toContain(`Leans: ${result.strength} (${result.margin.toFixed(1)} points ahead`);
    for (const { label, score } of result.scores) {
      expect(out).toMatch(
        new RegExp(`^  ${escapeRegExp(label)} +${score.toFixed(1)}  [#.]{20}$`, "m"),
      );
    }
    for (const trait of result.breakdown) {
      expect(out).toContain(`  ${trait.label} (${Math.round(trait.weight * 100)}% of the result)`);
      expect(out).toMatch(
        new RegExp(`^    CSPO +${(trait.scores.cspo ?? -1).toFixed(1)}  [#.]{20}$`, "m"),
      );
    }
    // Reasons in the engine's order, each with its answers and its exact quote.
    expect(result.reasons.length).toBeGreaterThan(0);
    let from = 0;
    result.reasons.forEach((reason, i) => {
      const trait = result.breakdown.find((t) => t.trait === reason.trait)?.label ?? "";
      const heading = `${i + 1}. ${trait} points to CSM`;
      const at = flat.indexOf(heading, from);
      expect(at, heading).toBeGreaterThan(from - 1);
      from = at;
      for (const answer of reason.answers) expect(flat).toContain(`> ${answer.answer}`);
      expect(flat).toContain(`"${reason.quote}" — Product Owner 101, Braintrust Group, 2023-06-01`);
    });
    expect(out).toContain(`Share token: ${result.token}\n`);
    expect(out).not.toContain("In the article's words");
  });

  it("says when a result is balanced and quotes the conclusion", () => {
    const result = evaluate(quiz, BALANCED);
    expect(result.recommendation.kind).toBe("balanced");
    const run = coursefit(["score", QUIZ, "--answers", JSON.stringify(BALANCED)]);
    expect(run.status).toBe(0);
    expect(run.stdout).toContain(
      "Recommendation: balanced between Certified ScrumMaster (CSM) and Certified Scrum Product Owner (CSPO)\n",
    );
    expect(run.stdout).toContain(`Leans: balanced (${result.margin.toFixed(1)} points apart`);
    expect(squash(run.stdout)).toContain(
      `In the article's words "${result.conclusion?.quote}" — Product Owner 101`,
    );
  });

  it("reads a share token made by encodeAnswers", () => {
    const token = encodeAnswers(quiz, ANSWERS);
    const run = coursefit(["score", QUIZ, "--answers", token, "--json"]);
    expect(run.status).toBe(0);
    const result = JSON.parse(run.stdout);
    expect(result).toEqual(evaluate(quiz, ANSWERS));
    expect(result.token).toBe(token);
  });

  it("refuses a damaged token with one clear line", () => {
    const token = encodeAnswers(quiz, ANSWERS);
    const damaged = `${token.slice(0, 10)}${token[10] === "A" ? "B" : "A"}${token.slice(11)}`;
    const run = coursefit(["score", QUIZ, "--answers", damaged]);
    expect(run.status).toBe(1);
    expect(run.stdout).toBe("");
    const lines = expectCleanError(run.stderr, /^coursefit: This link is damaged: /);
    expect(lines).toHaveLength(1);
  });

  it("names the required questions left unanswered", () => {
    const { learn: _learn, own: _own, ...partial } = ANSWERS;
    const run = coursefit(["score", QUIZ, "--answers", JSON.stringify(partial)]);
    expect(run.status).toBe(1);
    expect(run.stdout).toBe("");
    const lines = expectCleanError(
      run.stderr,
      'coursefit: missing answers to required questions "learn", "own"',
    );
    expect(lines).toHaveLength(1);
  });

  it("names every answer that does not fit the quiz", () => {
    const answers = { ...ANSWERS, week: "meetings", colour: "blue", facilitator: 9 };
    const run = coursefit(["score", QUIZ, "--answers", JSON.stringify(answers)]);
    expect(run.status).toBe(1);
    expectCleanError(
      run.stderr,
      'coursefit: the answers do not fit csm-vs-cspo: question "week" has no option "meetings"; question "facilitator" expects a point from 1 to 5; "colour" is not a question in this quiz',
    );
  });

  it("notes an answer to a question these answers do not show, and scores without it", () => {
    const answers = { ...ANSWERS, "other-role": "shaping" };
    const run = coursefit(["score", QUIZ, "--answers", JSON.stringify(answers), "--json"]);
    expect(run.status).toBe(0);
    expect(run.stderr).toBe(
      'coursefit: note: ignoring "other-role": not shown for these answers, so it does not count\n',
    );
    expect(JSON.parse(run.stdout)).toEqual(evaluate(quiz, ANSWERS));
  });

  it("treats unreadable --answers JSON as a bad argument (exit 2, with usage)", () => {
    const run = coursefit(["score", QUIZ, "--answers", '{"week": events}']);
    expect(run.status).toBe(2);
    expect(run.stdout).toBe("");
    const lines = expectCleanError(run.stderr, /^coursefit: --answers is not valid JSON: /);
    expect(lines).toEqual([
      expect.any(String),
      "usage: coursefit score <quiz> --answers <json|token> [--json]  (coursefit --help for more)",
    ]);
  });

  it("refuses to score a quiz that does not validate, listing its problems", () => {
    const run = coursefit(["score", "tests/cli/run.ts", "--answers", "{}"]);
    expect(run.status).toBe(1);
    const lines = run.stderr.trimEnd().split("\n");
    expect(lines[0]).toMatch(/^tests\/cli\/run\.ts:1:1 \/ malformed-json /);
    expect(lines.at(-1)).toBe("coursefit: tests/cli/run.ts is not a valid quiz (1 problem)");
  });
});
