// The GOV.UK error summary: it takes focus when it appears and links to the field.
import { useEffect, useId, useRef } from "react";

export function ErrorSummary({ message, fieldId }: { message: string; fieldId: string }) {
  const ref = useRef<HTMLDivElement>(null);
  const titleId = useId();
  useEffect(() => {
    ref.current?.focus();
  }, []);
  return (
    <div ref={ref} className="cf-error-summary" tabIndex={-1} role="alert" aria-labelledby={titleId}>
      <h2 id={titleId} className="cf-error-summary-title">
        There is a problem
      </h2>
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
            {message}
          </a>
        </li>
      </ul>
    </div>
  );
}
