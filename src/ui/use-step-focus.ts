// On every new step or question: move focus to its heading, name it in the status
// region (one polite live region for the whole quiz) and, on the page, in the title.
import { type RefObject, useEffect, useRef } from "react";
import { questionPosition } from "../engine/answers";
import type { QuizContext, Step } from "../engine/machine";
import type { Quiz } from "../engine/schema";
import { headline } from "./texts";

function stepName(quiz: Quiz, step: Step, context: QuizContext): string {
  switch (step) {
    case "intro":
      return quiz.title;
    case "answering": {
      const { index, total } = questionPosition(quiz, context.answers, context.current);
      return `Question ${index + 1} of ${total}`;
    }
    case "review":
      return "Check your answers";
    case "result":
      return context.result ? `Your result: ${headline(quiz, context.result)}` : "Your result";
  }
}

export function useStepFocus({
  quiz,
  step,
  context,
  headingRef,
  manageTitle,
  focusFirst = false,
}: {
  quiz: Quiz;
  step: Step;
  context: QuizContext;
  headingRef: RefObject<HTMLHeadingElement | null>;
  manageTitle?: boolean;
  /**
   * The first step was asked for (Resume, Start over), so it is a step too: the button
   * that was pressed has gone, and focus would otherwise fall back to the document.
   */
  focusFirst?: boolean;
}): string {
  const name = stepName(quiz, step, context);
  // `where` is a step's identity: focus moves and the status speaks only when it changes.
  const where = `${step}:${context.current ?? ""}`;
  // Opening the page is not a step: focus stays where the browser puts it, and a screen
  // reader reads the page as it opens.
  const opening = useRef(focusFirst ? null : where);

  useEffect(() => {
    if (opening.current === where) return;
    opening.current = null;
    headingRef.current?.focus();
  }, [where, headingRef]);

  useEffect(() => {
    if (manageTitle) document.title = step === "intro" ? quiz.title : `${name} - ${quiz.title}`;
  }, [manageTitle, name, quiz.title, step]);

  return opening.current === where ? "" : name;
}
