import { type RefObject, useId } from "react";
import {
  countedAnswers,
  describeAnswer,
  questionPosition,
  visibleQuestions,
} from "../engine/answers";
import type { QuizContext, QuizEvent } from "../engine/machine";
import { own } from "../engine/own";
import type { Question, Quiz } from "../engine/schema";
import { ChoiceInput, ScaleInput } from "./ChoiceInput";
import { ErrorSummary } from "./ErrorSummary";
import { Heading } from "./Heading";

/** What a step of the flow is given: the machine's context, a way to send it events, and its heading. */
export type StepProps = {
  quiz: Quiz;
  context: QuizContext;
  send: (event: QuizEvent) => void;
  headingRef: RefObject<HTMLHeadingElement | null>;
};

/** A scale's prompt is a statement: this asks the question its points answer. */
const SCALE_STEM = "How much do you agree?";

export function QuestionStep({ quiz, context, send, headingRef }: StepProps) {
  const baseId = useId();
  const question = quiz.questions.find((q) => q.id === context.current);
  if (!question) return null;
  const { index, total } = questionPosition(quiz, context.answers, question.id);
  // Whether Next leads to the review: the questions shown with the answer as it is now.
  const shown = visibleQuestions(quiz, context.answers);
  const isLast = shown.indexOf(question) === shown.length - 1;
  const error = context.error?.question === question.id ? context.error : null;
  const because = branchReason(quiz, question, countedAnswers(quiz, context.answers));
  const ids = {
    progress: `${baseId}-progress`,
    because: `${baseId}-because`,
    stem: `${baseId}-stem`,
    hint: `${baseId}-hint`,
    error: `${baseId}-error`,
    field: `${baseId}-option`,
  };
  const describedBy =
    [
      because && ids.because,
      question.help && ids.hint,
      question.type === "scale" && ids.stem,
      error && ids.error,
    ]
      .filter(Boolean)
      .join(" ") || undefined;
  const onChange = (answer: string | string[] | number | undefined) =>
    send(
      answer === undefined
        ? { type: "CLEAR", question: question.id }
        : { type: "ANSWER", question: question.id, answer },
    );

  return (
    <section className="cf-step cf-question">
      {error && <ErrorSummary error={error} fieldId={`${ids.field}-0`} />}
      {/* Hidden from screen readers: the bar is named by it, so it is heard once, as the bar. */}
      <p id={ids.progress} className="cf-progress-text" aria-hidden="true">
        Question {index + 1} of {total}
      </p>
      <progress
        className="cf-progress"
        max={total}
        value={index + 1}
        aria-labelledby={ids.progress}
      />
      <form
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          send({ type: "NEXT" });
        }}
      >
        <fieldset
          className={error ? "cf-fieldset cf-fieldset-error" : "cf-fieldset"}
          aria-describedby={describedBy}
        >
          <legend className="cf-legend">
            <Heading headingRef={headingRef} className="cf-heading">
              {question.prompt}
            </Heading>
          </legend>
          {because && (
            <p id={ids.because} className="cf-hint cf-branch">
              {because}
            </p>
          )}
          {question.help && (
            <p id={ids.hint} className="cf-hint">
              {question.help}
            </p>
          )}
          {!question.required && <p className="cf-hint">You can skip this question.</p>}
          {error && (
            <p id={ids.error} className="cf-error-message">
              <span className="cf-visually-hidden">Error: </span>
              {error.message}
            </p>
          )}
          {question.type === "scale" && (
            <p id={ids.stem} className="cf-stem">
              {SCALE_STEM}
            </p>
          )}
          {question.type === "scale" ? (
            <ScaleInput
              question={question}
              value={own(context.answers, question.id)}
              idPrefix={ids.field}
              onChange={onChange}
            />
          ) : (
            <ChoiceInput
              question={question}
              value={own(context.answers, question.id)}
              idPrefix={ids.field}
              onChange={onChange}
            />
          )}
        </fieldset>
        <div className="cf-nav">
          <button type="button" className="cf-button" onClick={() => send({ type: "BACK" })}>
            Back
          </button>
          <button type="submit" className="cf-button cf-primary">
            {context.returnToReview
              ? "Save and return to review"
              : isLast
                ? "Review my answers"
                : "Next"}
          </button>
        </div>
      </form>
    </section>
  );
}

/**
 * Why a question asked only after certain answers is here, so the count going up by one
 * is explained when it happens: "One more question, because you chose "Something else"."
 */
function branchReason(
  quiz: Quiz,
  question: Question,
  counted: ReturnType<typeof countedAnswers>,
): string | undefined {
  if (!question.showIf) return undefined;
  const chosen = question.showIf.flatMap((condition) => {
    const earlier = quiz.questions.find((q) => q.id === condition.question);
    const answer = own(counted, condition.question);
    if (!earlier || answer === undefined) return [];
    // Of a multiple choice, only the ticked options the condition names.
    const named = Array.isArray(answer)
      ? answer.filter((id) => condition.anyOf?.includes(id) ?? true)
      : answer;
    return [`"${describeAnswer(earlier, named)}"`];
  });
  return `One more question, because you chose ${chosen.join(" and ")}.`;
}
