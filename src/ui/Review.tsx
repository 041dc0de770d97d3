import { useId } from "react";
import { countedAnswers, describeAnswer, visibleQuestions } from "../engine/answers";
import { own } from "../engine/own";
import { ErrorSummary } from "./ErrorSummary";
import { Heading } from "./Heading";
import type { StepProps } from "./QuestionStep";

export function Review({ quiz, context, send, headingRef }: StepProps) {
  const baseId = useId();
  const counted = countedAnswers(quiz, context.answers);
  const shown = visibleQuestions(quiz, context.answers);
  const changeId = (questionId: string) => `${baseId}-change-${questionId}`;
  const error = context.error;
  return (
    <section className="cf-step cf-review">
      {error && <ErrorSummary error={error} fieldId={changeId(error.question)} />}
      <Heading headingRef={headingRef} className="cf-heading">
        Check your answers
      </Heading>
      <dl className="cf-summary-list">
        {shown.map((question) => {
          const answer = own(counted, question.id);
          return (
            <div className="cf-summary-row" key={question.id}>
              {/* The author's text, isolated for bidi (see Heading). */}
              <dt dir="auto">{question.prompt}</dt>
              <dd dir="auto">
                {answer === undefined ? <em>Not answered</em> : describeAnswer(question, answer)}
              </dd>
              <dd className="cf-summary-action">
                <button
                  id={changeId(question.id)}
                  type="button"
                  className="cf-link"
                  onClick={() => send({ type: "EDIT", question: question.id })}
                >
                  Change
                  <span className="cf-visually-hidden">
                    {" "}
                    your answer to: <bdi>{question.prompt}</bdi>
                  </span>
                </button>
              </dd>
            </div>
          );
        })}
      </dl>
      <div className="cf-nav">
        <button type="button" className="cf-button" onClick={() => send({ type: "BACK" })}>
          Back
        </button>
        <button
          type="button"
          className="cf-button cf-primary"
          onClick={() => send({ type: "SUBMIT" })}
        >
          See my result
        </button>
      </div>
    </section>
  );
}
