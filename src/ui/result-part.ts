// What showing a result needs and answering does not: scoring, the explanation, the share
// token and the result's views. QuizApp loads this chunk once the first question is on
// screen, so it is ready long before "See my result" is pressed.
export { evaluate } from "../engine/result";
export { NextStep, ResultView } from "./ResultView";
