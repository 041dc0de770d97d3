// `coursefit/engine`: the public API for people who build on coursefit. Read a quiz file,
// check it, score answers and explain the result, share answers as a token, and summarise
// many results. Everything here is pure: no DOM, no file system, no network.
export type { CompiledQuiz } from "./compile";
export { compileQuiz } from "./compile";
export type { ComparisonRow, Quote, Reason } from "./explain";
export { compare, explain } from "./explain";
export type { Parsed, ParseFailure } from "./parse";
export { decodeFile, MAX_FILE_BYTES, parseQuizText } from "./parse";
export type { Path, Problem } from "./problem";
export { formatProblem } from "./problem";
export type { Result } from "./result";
export { evaluate } from "./result";
export type {
  Answer,
  Answers,
  Outcome,
  Passage,
  Question,
  Quiz,
  Source,
  Trait,
} from "./schema";
export type { Recommendation, Scores, TraitScore } from "./score";
export { scoreAnswers } from "./score";
export type { DecodeResult, TokenError } from "./share";
export { decodeAnswers, encodeAnswers } from "./share";
export type { IngestEvents } from "./summary/ingest";
export { Ingest } from "./summary/ingest";
export type { Report } from "./summary/report";
export { report } from "./summary/report";
export type { ScoredRow, Summary } from "./summary/summary";
export { emptySummary, merge } from "./summary/summary";
export type { ValidateOptions, Validation } from "./validate";
export { validateQuiz } from "./validate";
