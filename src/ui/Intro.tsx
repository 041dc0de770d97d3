import type { RefObject } from "react";
import { questionCount } from "../engine/question-count";
import type { Quiz } from "../engine/schema";
import { Heading } from "./Heading";

const PAGE_PRIVACY = "Your answers stay in this browser: nothing is sent anywhere.";
const EMBEDDED_PRIVACY =
  "The quiz sends your answers nowhere itself; the site showing it may keep your result.";

export function Intro({
  quiz,
  headingRef,
  onStart,
  embedded = false,
  resumable = false,
}: {
  quiz: Quiz;
  headingRef: RefObject<HTMLHeadingElement | null>;
  onStart: () => void;
  /**
   * Saved answers are on offer above (the welcome back notice): its buttons resume or
   * start again, so Start is not shown, which would throw those answers away unasked.
   */
  resumable?: boolean;
  /** On someone else's page, which is told the result (see the embed's events). */
  embedded?: boolean;
}) {
  const source = quiz.sources[0];
  return (
    <section className="cf-step cf-intro">
      {/* Heading, not a fixed h1: embedded under a page's own headings, it starts lower like every other step. */}
      <Heading headingRef={headingRef} className="cf-heading">
        {quiz.title}
      </Heading>
      <p dir="auto">{quiz.intro}</p>
      <ul className="cf-facts">
        <li>
          {questionsText(quiz)}, {quiz.minutes} {quiz.minutes === 1 ? "minute" : "minutes"}
        </li>
        <li>{embedded ? EMBEDDED_PRIVACY : PAGE_PRIVACY}</li>
        {source && (
          <li>
            {/* The author's words inside our sentence: each isolated for bidi, as in Review. */}
            Explained in the words of "<bdi>{source.title}</bdi>" by <bdi>{source.author}</bdi>
          </li>
        )}
      </ul>
      {!resumable && (
        <button type="button" className="cf-button cf-primary" onClick={onStart}>
          Start the quiz
        </button>
      )}
    </section>
  );
}

/** "12 questions", or the real range when some are asked only after certain answers. */
function questionsText(quiz: Quiz): string {
  const { min, max } = questionCount(quiz);
  if (min === max) return `${min} ${min === 1 ? "question" : "questions"}`;
  return `${min} to ${max} questions`;
}
