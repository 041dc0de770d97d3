// The quiz as it will look on the trainer's page: the real <coursefit-quiz> element (the
// page registers it), themed through the CSSOM, or the iframe, on this site.
import { type DetailedHTMLProps, type HTMLAttributes, useLayoutEffect, useRef } from "react";
import type { ElementEmbed, Embed } from "./check";

declare module "react" {
  namespace JSX {
    interface IntrinsicElements {
      "coursefit-quiz": DetailedHTMLProps<HTMLAttributes<HTMLElement>, HTMLElement> & {
        quiz?: string;
        src?: string;
        persist?: string;
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

export function Preview({
  embed,
  base,
  pageOrigin,
}: {
  embed: Embed;
  /** Where coursefit is served from: the iframe preview loads embed.html from there. */
  base: string;
  /** This page's origin: the iframe preview posts its messages here. */
  pageOrigin: string;
}) {
  return (
    <section className="cfb-preview" aria-labelledby="cfb-preview-title">
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
        <ElementPreview embed={embed} />
      ) : (
        <p className="cfb-placeholder">Enter the address of your quiz file to see it here.</p>
      )}
    </section>
  );
}

function ElementPreview({ embed }: { embed: ElementEmbed }) {
  const ref = useRef<HTMLElement>(null);
  const { properties, scheme } = embed.theme;
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
