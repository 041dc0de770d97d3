import { beforeAll, describe, expect, it } from "vitest";
import { evaluate } from "../../src/engine/result";
import type { Answers, Quiz } from "../../src/engine/schema";
import { loadQuiz } from "../helpers/quiz";
import { coursefit, expectCleanError, QUIZ, squash, TIMEOUT } from "./run";

/** What the session below ends with, after its back, its mistakes and its edit. */
const FINAL: Answers = {
  week: "events",
  stalled: "obstacle",
  "current-role": "scrum-master",
  proud: ["improving-team", "smooth-events"],
  learn: "team-coaching",
  "backlog-owner": 1,
  facilitator: 5,
  conversations: "the-team",
  disagreement: "mediate",
  own: ["events", "impediments"],
  "customer-vs-process": 1,
  alongside: 5,
};

const SESSION = [
  "", // intro: start
  "1", // week: events
  "2", // stalled: priorities
  "b", // back to stalled
  "1", // stalled, changed: obstacle
  "7", // current-role has 5 options: refused
  "1", // current-role: scrum-master
  "1, 3", // proud: improving-team, smooth-events
  "1", // learn: scrum-depth (edited from review below)
  "1", // backlog-owner: strongly disagree
  "5", // facilitator: strongly agree
  "1", // conversations: the-team
  "", // disagreement: Enter with no answer: refused, it is required
  "1", // disagreement: mediate
  "4,5", // own: events, impediments
  "1", // customer-vs-process: strongly disagree
  "5", // alongside: strongly agree -> review
  "5", // review: edit question 5 (learn)
  "3", // learn: team-coaching -> back to review
  "", // submit
];

describe("coursefit take", { timeout: TIMEOUT }, () => {
  let quiz: Quiz;
  beforeAll(() => {
    quiz = loadQuiz();
  }, TIMEOUT);

  it("runs the whole quiz from piped input: back, a refused answer, an edit from review", () => {
    const run = coursefit(["take", QUIZ], `${SESSION.join("\n")}\n`);
    expect(run.stderr).toBe("");
    expect(run.status).toBe(0);
    const out = run.stdout;

    expect(out).toContain(`${quiz.title}\n`);
    expect(squash(out)).toContain(squash(quiz.intro));
    expect(out).toContain("Question 1 of 12: In a typical week, what takes most of your time?");
    // After "b": the same question, with the answer given before.
    expect(out).toContain(
      "Your answer: 2 (Check whether this is still the most valuable thing to work on)",
    );
    // A refused line says why, then shows the same question again.
    expect(out).toContain(
      "> 7\nThere is no choice 7. Type a number from 1 to 5.\n\nQuestion 3 of 12: Which is closest",
    );
    expect(out).toContain(
      "> \nPlease answer this question before going on.\n\nQuestion 9 of 12: Two people",
    );

    // Two reviews: before and after the edit.
    const reviews = out.split("Review your answers").slice(1);
    expect(reviews).toHaveLength(2);
    expect(reviews[0]).toContain("= The Scrum framework and Agile principles, in depth");
    expect(reviews[1]).toContain("= How to coach and support a team");
    expect(reviews[1]).toContain(
      "= The Scrum events and how well they run; Getting impediments removed",
    );

    const result = evaluate(quiz, FINAL);
    const printed = out.slice(out.lastIndexOf("Recommendation:"));
    expect(printed).toContain(
      `Recommendation: ${result.recommendation.kind === "outcome" ? result.recommendation.label : "?"}\n`,
    );
    expect(printed).toContain(
      `Leans: ${result.strength} (${result.margin.toFixed(1)} points ahead`,
    );
    for (const reason of result.reasons) expect(squash(printed)).toContain(`"${reason.quote}"`);
    expect(squash(printed)).toContain("> How to coach and support a team");
    expect(printed).toContain(`Share token: ${result.token}\n`);
  });

  it("exits 1 when the input ends before the quiz is finished", () => {
    const run = coursefit(["take", QUIZ], "\n1\n2\n");
    expect(run.status).toBe(1);
    expect(run.stdout).toContain("Question 3 of 12");
    expect(
      expectCleanError(run.stderr, "coursefit: input ended before the quiz was finished"),
    ).toHaveLength(1);
  });

  it("quits on q without a result", () => {
    const run = coursefit(["take", QUIZ], "\n1\nq\n");
    expect(run.status).toBe(0);
    expect(run.stdout).toContain("You quit the quiz; no answers were kept.\n");
    expect(run.stdout).not.toContain("Recommendation:");
  });
});
