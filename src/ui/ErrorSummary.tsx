// The GOV.UK error summary: it takes focus when it appears and links to the field.
import { useContext, useEffect, useId, useRef } from "react";
import type { QuizContext } from "../engine/machine";
import { Heading, HeadingBase } from "./Heading";

type Props = { error: NonNullable<QuizContext["error"]>; fieldId: string };

export function ErrorSummary({ error, fieldId }: Props) {
  const ref = useRef<HTMLDivElement>(null);
  const titleId = useId();
  // Above the question's heading: one level below it on the quiz page, its level when
  // embedded under a host's heading (see Notice).
  const aheadOfStep = useContext(HeadingBase) > 1 ? 0 : 1;
  // The machine makes a new error object on every refused step, so pressing Next twice
  // focuses (and so announces) the summary again.
  useEffect(() => {
    if (error) ref.current?.focus();
  }, [error]);
  return (
    <div
      ref={ref}
      className="cf-error-summary"
      tabIndex={-1}
      role="alert"
      aria-labelledby={titleId}
    >
      <Heading depth={aheadOfStep} id={titleId} className="cf-error-summary-title">
        There is a problem
      </Heading>
      <ul>
        <li>
          <a
            href={`#${fieldId}`}
            onClick={(event) => {
              // Focus the field inside our own root: a hash change would touch the host page's address.
              event.preventDefault();
              const root = ref.current?.getRootNode() as Document | ShadowRoot | undefined;
              (root?.getElementById(fieldId) as HTMLElement | null)?.focus();
            }}
          >
            {error.message}
          </a>
        </li>
      </ul>
    </div>
  );
}
