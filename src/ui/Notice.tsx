import { type ReactNode, useContext, useId } from "react";
import { Heading, HeadingBase } from "./Heading";

/** A message about the quiz itself (resume, storage, a bad link): a labelled region. */
export function Notice({
  title,
  tone = "info",
  children,
}: {
  title: string;
  tone?: "info" | "error";
  children: ReactNode;
}) {
  const id = useId();
  // Shown above the step's heading: on its own page an h2 before the h1; embedded under a
  // host's heading, the step's own level, so the outline never skips one (h1, h3, h2).
  const aheadOfStep = useContext(HeadingBase) > 1 ? 0 : 1;
  return (
    <section className={`cf-notice cf-notice-${tone}`} aria-labelledby={id}>
      <Heading depth={aheadOfStep} id={id} className="cf-notice-title">
        {title}
      </Heading>
      {children}
    </section>
  );
}
