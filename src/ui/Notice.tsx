import { type ReactNode, useId } from "react";
import { Heading } from "./Heading";

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
  return (
    <section className={`cf-notice cf-notice-${tone}`} aria-labelledby={id}>
      <Heading depth={1} id={id} className="cf-notice-title">
        {title}
      </Heading>
      {children}
    </section>
  );
}
