// Heading levels relative to where the quiz sits: on its own page a step's heading is an
// h1; embedded in a trainer's page, under the page's own headings, it starts lower.
import { createContext, type ReactNode, type Ref, useContext } from "react";

export const HeadingBase = createContext(1);

export function Heading({
  depth = 0,
  children,
  className,
  headingRef,
  id,
}: {
  depth?: number;
  children: ReactNode;
  className?: string;
  headingRef?: Ref<HTMLHeadingElement>;
  id?: string;
}) {
  const level = Math.min(6, useContext(HeadingBase) + depth);
  const Tag = `h${level}` as "h1";
  // Headings carry the quiz author's text (a title, a prompt): dir="auto" takes their
  // direction from that text and isolates it, so an override character in it (U+202E)
  // reverses nothing outside the heading.
  return (
    <Tag
      ref={headingRef}
      className={className}
      id={id}
      tabIndex={headingRef ? -1 : undefined}
      dir="auto"
    >
      {children}
    </Tag>
  );
}
