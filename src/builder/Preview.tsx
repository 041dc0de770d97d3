// The quiz as it will look on the trainer's page: the real <coursefit-quiz> element (the
// page registers it), themed through the CSSOM, or the iframe, on this site.
import {
  type DetailedHTMLProps,
  type HTMLAttributes,
  useEffect,
  useLayoutEffect,
  useRef,
} from "react";
import type { ElementEmbed, Embed } from "./check";

declare module "react" {
  namespace JSX {
    interface IntrinsicElements {
      "coursefit-quiz": DetailedHTMLProps<HTMLAttributes<HTMLElement>, HTMLElement> & {
        quiz?: string;
        src?: string;
        persist?: string;
        /** React 19 listens for a custom element's events by their own names. */
        "oncoursefit-ready"?: (event: Event) => void;
      };
    }
  }
}

/** Every property the builder may set, so that one it no longer sets is removed. */
const THEMED = [
  "--cf-accent",
  "--cf-on-accent",
  "--cf-text",
  "--cf-muted",
  "--cf-background",
  "--cf-surface",
  "--cf-border",
  "--cf-font",
  "--cf-radius",
];

/** An outcome of the quiz the preview shows, as its coursefit-ready event names it. */
export type ShownOutcome = { id: string; label: string };

export function Preview({
  embed,
  base,
  pageOrigin,
  onOutcomes,
}: {
  embed: Embed;
  /** The outcomes of the quiz shown, once it is (none while a file loads or fails). */
  onOutcomes: (outcomes: ShownOutcome[]) => void;
  /** Where coursefit is served from: the iframe preview loads embed.html from there. */
  base: string;
  /** This page's origin: the iframe preview posts its messages here. */
  pageOrigin: string;
}) {
  return (
    // Focusable: on wide screens it scrolls on its own (it stays in view, see builder.css),
    // and a frame inside it gives the keyboard nothing to scroll it by.
    // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrollable region must be reachable
    <section className="cfb-preview" aria-labelledby="cfb-preview-title" tabIndex={0}>
      <h2 id="cfb-preview-title">Preview</h2>
      <p className="cf-hint">
        The quiz as it will look on your page. Try it: answers given here are not sent anywhere.
      </p>
      {embed.mode === "element" && embed.quiz?.kind === "url" && (
        <p className="cf-hint">
          This page may load quiz files only from its own site. If the preview cannot show yours, it
          says why; your page loads the file itself.
        </p>
      )}
      {embed.mode === "iframe" ? (
        <iframe
          className="cfb-frame"
          src={
            new URL(
              `embed.html?quiz=${encodeURIComponent(embed.quiz.id)}&origin=${encodeURIComponent(pageOrigin)}`,
              base,
            ).href
          }
          title={`Preview: ${embed.quiz.title}`}
          width="100%"
          height="700"
        />
      ) : embed.quiz ? (
        <ElementPreview embed={embed} onOutcomes={onOutcomes} />
      ) : (
        <p className="cfb-placeholder">Enter the address of your quiz file to see it here.</p>
      )}
    </section>
  );
}

function ElementPreview({
  embed,
  onOutcomes,
}: {
  embed: ElementEmbed;
  onOutcomes: (outcomes: ShownOutcome[]) => void;
}) {
  const ref = useRef<HTMLElement>(null);
  const { properties, scheme } = embed.theme;
  // A new file forgets the last one's outcomes until it has loaded (never at once: it is
  // fetched first, so its coursefit-ready comes after this).
  const file = embed.quiz?.kind === "url" ? embed.quiz.url : undefined;
  useEffect(() => {
    if (file !== undefined) onOutcomes([]);
  }, [file, onOutcomes]);
  useLayoutEffect(() => {
    // Set through the CSSOM: the page's Content-Security-Policy refuses style attributes.
    const style = ref.current?.style;
    if (!style) return;
    const wanted = new Map(properties);
    for (const name of THEMED) {
      const value = wanted.get(name);
      if (value) style.setProperty(name, value);
      else style.removeProperty(name);
    }
    style.setProperty("color-scheme", scheme ?? "");
  }, [properties, scheme]);
  return (
    <div className="cfb-stage">
      <coursefit-quiz
        // A fresh element when the quiz changes between built-in and file, so that it never
        // briefly has both attributes (and loads the file once more on the way).
        key={embed.quiz?.kind}
        ref={ref}
        quiz={embed.quiz?.kind === "built-in" ? embed.quiz.id : undefined}
        src={embed.quiz?.kind === "url" ? embed.quiz.url : undefined}
        persist={embed.persist ? undefined : "off"}
        // A prop, not a listener added after: a built-in quiz is shown (and says so) the
        // moment the element is connected.
        oncoursefit-ready={(event: Event) => {
          const detail = (event as CustomEvent<{ outcomes?: ShownOutcome[] }>).detail;
          onOutcomes(Array.isArray(detail?.outcomes) ? detail.outcomes : []);
        }}
      >
        {embed.links.map((link) => (
          <a key={link.outcome} slot={`outcome-${link.outcome}`} href={link.href}>
            {link.text}
          </a>
        ))}
      </coursefit-quiz>
    </div>
  );
}
