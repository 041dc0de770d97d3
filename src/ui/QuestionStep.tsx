import { type RefObject, useId } from "react";
import { visibleQuestions } from "../engine/answers";
import type { QuizContext, QuizEvent } from "../engine/machine";
import { own } from "../engine/own";
import type { Quiz } from "../engine/schema";
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

export function QuestionStep({ quiz, context, send, headingRef }: StepProps) {
  const baseId = useId();
  const question = quiz.questions.find((q) => q.id === context.current);
  if (!question) return null;
  const shown = visibleQuestions(quiz, context.answers);
  const index = shown.indexOf(question);
  const isLast = index === shown.length - 1;
  const error = context.error?.question === question.id ? context.error : null;
  const ids = {
    progress: `${baseId}-progress`,
    hint: `${baseId}-hint`,
    error: `${baseId}-error`,
    field: `${baseId}-option`,
  };
  const describedBy =
    [question.help && ids.hint, error && ids.error].filter(Boolean).join(" ") || undefined;
  const onChange = (answer: string | string[] | number | undefined) =>
    send(
      answer === undefined
        ? { type: "CLEAR", question: question.id }
        : { type: "ANSWER", question: question.id, answer },
    );

  return (
    <section className="cf-step cf-question">
      {error && <ErrorSummary error={error} fieldId={`${ids.field}-0`} />}
      <p id={ids.progress} className="cf-progress-text">
        Question {index + 1} of {shown.length}
      </p>
      <progress
        className="cf-progress"
        max={shown.length}
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
