// `coursefit take <quiz>`: the quiz in a terminal. The flow machine decides everything
// (which question is shown, whether an answer fits, what is still missing, the result);
// this file only shows its snapshot as text and turns typed lines into its events.
// Lines come from node:readline, so a person at a terminal and a piped script are alike.

import { createInterface } from "node:readline";
import { createActor } from "xstate";
import { describeAnswer, visibleQuestions } from "../engine/answers";
import { createQuizMachine, type QuizEvent, type QuizSnapshot } from "../engine/machine";
import { own } from "../engine/own";
import { evaluate } from "../engine/result";
import type { Answer, Question, Quiz } from "../engine/schema";
import { CliError } from "./errors";
import { formatResult, wrap } from "./format";
import type { Io } from "./io";
import { loadQuiz } from "./load";

/** Thrown by `read` when stdin ends: the person never finished. */
const ENDED = "input ended before the quiz was finished";

export async function takeCommand(path: string, io: Io): Promise<number> {
  const quiz = loadQuiz(path);
  const actor = createActor(createQuizMachine(quiz, evaluate), { input: {} }).start();
  const lines = createInterface({ input: io.stdin, terminal: false, crlfDelay: Infinity });
  const iterator = lines[Symbol.asyncIterator]();
  const echo = !io.stdin.isTTY; // piped input is not shown by a terminal: show it ourselves

  const read = async (): Promise<string> => {
    io.write("> ");
    const next = await iterator.next();
    if (next.done) {
      io.write("\n");
      throw new CliError(ENDED);
    }
    const line = String(next.value);
    if (echo) io.write(`${line}\n`);
    return line.trim().toLowerCase();
  };

  try {
    for (;;) {
      const snapshot = actor.getSnapshot();
      if (snapshot.value === "result") {
        const result = snapshot.context.result;
        if (!result) throw new Error("the quiz machine reached its result without one");
        io.print("", ...formatResult(quiz, result, path));
        return 0;
      }
      // "resume" is transient: an actor never rests there.
      if (snapshot.value === "resume") throw new Error("the quiz machine did not start");
      const step = STEPS[snapshot.value];
      io.print("", ...step.show(quiz, snapshot));
      const input = await read();
      if (input === "q") {
        io.print("You quit the quiz; no answers were kept.");
        return 0;
      }
      const complaint = step.handle(quiz, snapshot, input, (event: QuizEvent) => {
        actor.send(event);
        return actor.getSnapshot();
      });
      // Say what went wrong: a line that could not be read, or an error the machine set.
      const error = actor.getSnapshot().context.error;
      const fresh = error !== null && error !== snapshot.context.error ? error : null;
      const message = complaint ?? fresh?.message;
      if (message) io.print(message);
    }
  } finally {
    lines.close();
    actor.stop();
  }
}

/** Sends an event to the machine and returns its snapshot after it. */
type Send = (event: QuizEvent) => QuizSnapshot;

type Step = {
  show: (quiz: Quiz, snapshot: QuizSnapshot) => string[];
  /** Acts on one typed line; returns a message when the line could not be used. */
  handle: (quiz: Quiz, snapshot: QuizSnapshot, input: string, send: Send) => string | undefined;
};

const STEPS: Record<"intro" | "answering" | "review", Step> = {
  intro: {
    show: (quiz) => [
      ...wrap(quiz.title),
      "",
      ...wrap(quiz.intro),
      "",
      `Up to ${quiz.questions.length} questions, about ${quiz.minutes} ${
        quiz.minutes === 1 ? "minute" : "minutes"
      }.`,
      "Press Enter to start, or type q to quit.",
    ],
    handle: (_quiz, _snapshot, input, send) => {
      if (input !== "") return "Press Enter to start, or type q to quit.";
      send({ type: "START" });
      return undefined;
    },
  },

  answering: {
    show: (quiz, snapshot) => {
      const question = currentQuestion(quiz, snapshot);
      const shown = visibleQuestions(quiz, snapshot.context.answers);
      const number = shown.findIndex((q) => q.id === question.id) + 1;
      const lines = wrap(`Question ${number} of ${shown.length}: ${question.prompt}`);
      if (question.help) lines.push(...wrap(question.help, "  "));
      choices(question).forEach((label, i) => {
        lines.push(...wrap(label, "      ", undefined, `  ${String(i + 1).padStart(2)}. `));
      });
      const answer = own(snapshot.context.answers, question.id);
      if (answer !== undefined) {
        lines.push(...wrap(`Your answer: ${describeCurrent(question, answer)}`));
      }
      lines.push(...wrap(instructions(question, answer !== undefined)));
      return lines;
    },
    handle: (quiz, snapshot, input, send) => {
      const question = currentQuestion(quiz, snapshot);
      if (input === "") {
        send({ type: "NEXT" });
        return undefined;
      }
      if (input === "b") {
        send({ type: "BACK" });
        return undefined;
      }
      if (input === "s") {
        if (question.required) return "This question needs an answer; it cannot be skipped.";
        send({ type: "CLEAR", question: question.id });
        send({ type: "NEXT" });
        return undefined;
      }
      const parsed = parseAnswer(question, input);
      if (typeof parsed === "string") return parsed;
      // A refused answer leaves an error in the context: then stay on this question.
      const after = send({ type: "ANSWER", question: question.id, answer: parsed.answer });
      if (after.context.error === null) send({ type: "NEXT" });
      return undefined;
    },
  },

  review: {
    show: (quiz, snapshot) => {
      const { answers } = snapshot.context;
      const lines = ["Review your answers"];
      visibleQuestions(quiz, answers).forEach((question, i) => {
        const answer = own(answers, question.id);
        lines.push(
          ...wrap(question.prompt, "      ", undefined, `  ${String(i + 1).padStart(2)}. `),
        );
        lines.push(
          ...wrap(
            answer === undefined ? "(no answer)" : describeAnswer(question, answer),
            "        ",
            undefined,
            "      = ",
          ),
        );
      });
      lines.push(
        "Type a question's number to change its answer, or press Enter to see your result",
        "(b goes back to the last question, q quits).",
      );
      return lines;
    },
    handle: (quiz, snapshot, input, send) => {
      if (input === "") {
        send({ type: "SUBMIT" });
        return undefined;
      }
      if (input === "b") {
        send({ type: "BACK" });
        return undefined;
      }
      const shown = visibleQuestions(quiz, snapshot.context.answers);
      const n = /^\d+$/.test(input) ? Number(input) : 0;
      const question = shown[n - 1];
      if (!question) {
        return `Type a number from 1 to ${shown.length} to change an answer, or press Enter to see your result.`;
      }
      send({ type: "EDIT", question: question.id });
      return undefined;
    },
  },
};

function currentQuestion(quiz: Quiz, snapshot: QuizSnapshot): Question {
  const question = quiz.questions.find((q) => q.id === snapshot.context.current);
  if (!question) throw new Error("the quiz machine is answering no question");
  return question;
}

/** What the person picks from, in order: option labels, or a scale's point labels. */
function choices(question: Question): string[] {
  return question.type === "scale" ? question.labels : question.options.map((o) => o.label);
}

function describeCurrent(question: Question, answer: Answer): string {
  const numbers =
    question.type === "scale"
      ? [Number(answer)]
      : question.options.flatMap((o, i) =>
          (Array.isArray(answer) ? answer : [answer]).includes(o.id) ? [i + 1] : [],
        );
  return `${numbers.join(", ")} (${describeAnswer(question, answer)})`;
}

function instructions(question: Question, answered: boolean): string {
  const last = question.type === "scale" ? question.labels.length : question.options.length;
  const what =
    question.type === "multiple"
      ? `Type the numbers of your choices, separated by commas (${
          question.minChoices === question.maxChoices
            ? `choose ${question.maxChoices}`
            : `choose ${question.minChoices} to ${question.maxChoices}`
        }).`
      : `Type a number from 1 to ${last}.`;
  const keys = [
    answered ? "Enter keeps your answer" : "Enter goes on",
    "b goes back",
    ...(question.required ? [] : ["s skips"]),
    "q quits",
  ];
  return `${what} ${keys.join(", ")}.`;
}

/** A typed line -> an answer for the question, or a message saying what to type. */
function parseAnswer(question: Question, input: string): { answer: Answer } | string {
  const last = question.type === "scale" ? question.labels.length : question.options.length;
  const expected =
    question.type === "multiple"
      ? `Type numbers from 1 to ${last}, separated by commas.`
      : `Type a number from 1 to ${last}.`;
  const parts = input.split(/[\s,]+/).filter(Boolean);
  if (parts.length === 0 || parts.some((p) => !/^\d+$/.test(p))) {
    return `"${input}" is not an answer. ${expected}`;
  }
  const numbers = parts.map(Number);
  const outside = numbers.find((n) => n < 1 || n > last);
  if (outside !== undefined) return `There is no choice ${outside}. ${expected}`;
  if (question.type === "multiple") {
    return { answer: numbers.map((n) => question.options[n - 1]?.id ?? "") };
  }
  if (numbers.length > 1) return `Choose one answer only. ${expected}`;
  const n = numbers[0] ?? 0;
  if (question.type === "scale") return { answer: n };
  return { answer: question.options[n - 1]?.id ?? "" };
}
