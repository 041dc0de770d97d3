import { type ReactNode, useId } from "react";

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
      <h2 id={id} className="cf-notice-title">
        {title}
      </h2>
      {children}
    </section>
  );
}
