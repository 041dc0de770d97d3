// The GOV.UK error summary: every problem the trainer should see, each linking to its
// field. It takes focus when asked to (the trainer tried to copy an unfinished snippet).
import { useEffect, useRef } from "react";
import type { Problem } from "./check";

export function ErrorSummary({
  problems,
  focusRequest,
}: {
  problems: Problem[];
  /** Focuses the summary each time this number goes up. */
  focusRequest: number;
}) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (focusRequest > 0) ref.current?.focus();
  }, [focusRequest]);
  if (!problems.length) return null;
  return (
    <div ref={ref} className="cf-error-summary" tabIndex={-1}>
      <h2 className="cf-error-summary-title">There is a problem</h2>
      <ul>
        {problems.map((problem) => (
          <li key={`${problem.field} ${problem.message}`}>
            <a
              href={`#${problem.field}`}
              onClick={(event) => {
                event.preventDefault();
                const field = document.getElementById(problem.field);
                field?.focus();
                field?.scrollIntoView?.({ block: "center" });
              }}
            >
              {problem.message}
            </a>
          </li>
        ))}
      </ul>
    </div>
  );
}
