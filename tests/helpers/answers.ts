// A complete set of answers to the shipped quiz (every required question answered).
import type { Answers } from "../../src/engine/schema";

export const COMPLETE_ANSWERS: Answers = {
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
