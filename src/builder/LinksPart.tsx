// The trainer's booking link under each outcome of the result: one per outcome of a
// built-in quiz, or outcome id + link pairs for the trainer's own quiz.

import { useEffect, useState } from "react";
import { own } from "../engine/own";
import type { Quiz } from "../engine/schema";
import { FIELD } from "./check";
import { type PartProps, Section, TextField } from "./fields";
import { addCustomLink, changeCustomLink, removeCustomLink } from "./form-state";
import type { ShownOutcome } from "./Preview";

type LinksProps = PartProps & {
  quiz: Quiz | undefined;
  /** The outcomes of the quiz file the preview loaded, once it has. */
  shownOutcomes: ShownOutcome[];
};

export function LinksPart(props: LinksProps) {
  return (
    <Section
      title="Booking links"
      hintId="cfb-links-hint"
      hint="The result shows the link for the course that fits. Leave a link empty and the quiz suggests its own next step."
    >
      {props.values.quizSource === "built-in" ? (
        <BuiltInLinks {...props} />
      ) : (
        <CustomLinks {...props} />
      )}
    </Section>
  );
}

function BuiltInLinks({ quiz, values, update, errorFor }: PartProps & { quiz: Quiz | undefined }) {
  return (
    <>
      {quiz?.outcomes.map((outcome) => {
        const link = own(values.outcomeLinks, outcome.id) ?? { url: "", text: "" };
        const change = (change: Partial<typeof link>) =>
          update((v) => ({
            ...v,
            outcomeLinks: { ...v.outcomeLinks, [outcome.id]: { ...link, ...change } },
          }));
        return (
          <fieldset key={outcome.id} className="cf-fieldset cfb-field cfb-link">
            <legend className="cf-legend cfb-label">{outcome.label}</legend>
            <TextField
              id={FIELD.linkUrl(outcome.id)}
              type="url"
              label="Booking page address"
              value={link.url}
              onChange={(url) => change({ url })}
              error={errorFor(FIELD.linkUrl(outcome.id))}
              spellCheck={false}
            />
            <TextField
              id={FIELD.linkText(outcome.id)}
              label="Link text"
              value={link.text}
              onChange={(text) => change({ text })}
              error={errorFor(FIELD.linkText(outcome.id))}
            />
          </fieldset>
        );
      })}
    </>
  );
}

const OUTCOME_IDS = "cfb-outcome-ids";

function CustomLinks({ values, update, errorFor, shownOutcomes }: LinksProps) {
  // After adding or removing a link, focus goes to the new link or back to the Add button.
  // A new object each time, so focusing the same field twice still happens.
  const [focusNext, setFocusNext] = useState<{ id: string }>();
  useEffect(() => {
    if (focusNext) document.getElementById(focusNext.id)?.focus();
  }, [focusNext]);
  return (
    <>
      <datalist id={OUTCOME_IDS}>
        {shownOutcomes.map((outcome) => (
          <option key={outcome.id} value={outcome.id}>
            {outcome.label}
          </option>
        ))}
      </datalist>
      {values.customLinks.map((row, index) => {
        const n = index + 1;
        return (
          <fieldset key={row.key} className="cf-fieldset cfb-field cfb-link">
            <legend className="cf-legend cfb-label">Link {n}</legend>
            <TextField
              id={FIELD.customOutcome(row.key)}
              label="Outcome id"
              hint={
                shownOutcomes.length
                  ? `Your quiz's outcomes: ${shownOutcomes.map((o) => `${o.id} (${o.label})`).join(", ")}.`
                  : "As it is in your quiz file, like cspo."
              }
              list={OUTCOME_IDS}
              value={row.outcome}
              onChange={(outcome) => update((v) => changeCustomLink(v, row.key, { outcome }))}
              error={errorFor(FIELD.customOutcome(row.key))}
              spellCheck={false}
            />
            <TextField
              id={FIELD.customUrl(row.key)}
              type="url"
              label="Booking page address"
              value={row.url}
              onChange={(url) => update((v) => changeCustomLink(v, row.key, { url }))}
              error={errorFor(FIELD.customUrl(row.key))}
              spellCheck={false}
            />
            <TextField
              id={FIELD.customText(row.key)}
              label="Link text"
              hint="For example, Book our CSPO course."
              value={row.text}
              onChange={(text) => update((v) => changeCustomLink(v, row.key, { text }))}
              error={errorFor(FIELD.customText(row.key))}
            />
            <button
              type="button"
              className="cf-button"
              onClick={() => {
                update((v) => removeCustomLink(v, row.key));
                setFocusNext({ id: FIELD.addLink });
              }}
            >
              Remove link {n}
            </button>
          </fieldset>
        );
      })}
      <button
        type="button"
        id={FIELD.addLink}
        className="cf-button"
        onClick={() => {
          const [next, key] = addCustomLink(values);
          update(next);
          setFocusNext({ id: FIELD.customOutcome(key) });
        }}
      >
        {values.customLinks.length ? "Add another link" : "Add a link"}
      </button>
    </>
  );
}
