// Native radios and checkboxes: the browser already gives a radio group the WAI-ARIA
// APG behaviour (one tab stop, arrow keys move and select) and works with every
// assistive technology, so nothing here re-implements it.
import { useState } from "react";
import type { ChoiceQuestion, ScaleQuestion } from "../engine/schema";

type Props<Q> = {
  question: Q;
  value: unknown;
  idPrefix: string;
  onChange: (value: string | string[] | number | undefined) => void;
};

export function ChoiceInput({ question, value, idPrefix, onChange }: Props<ChoiceQuestion>) {
  const chosen = Array.isArray(value) ? value : typeof value === "string" ? [value] : [];
  const multiple = question.type === "multiple";
  // A tick past the limit is not taken, and said calmly beside the options: no error
  // summary, no focus moved, nothing on the page jumps under a finger.
  const [atLimit, setAtLimit] = useState(false);
  const limit = multiple ? question.maxChoices : chosen.length;
  return (
    <div className={multiple ? "cf-checkboxes" : "cf-radios"}>
      {question.options.map((option, i) => {
        const id = `${idPrefix}-${i}`;
        const hintId = option.help ? `${id}-hint` : undefined;
        return (
          <div className="cf-option" key={option.id}>
            <input
              id={id}
              type={multiple ? "checkbox" : "radio"}
              name={idPrefix}
              value={option.id}
              checked={chosen.includes(option.id)}
              aria-describedby={hintId}
              onChange={(event) => {
                if (!multiple) return onChange(option.id);
                const adding = event.target.checked;
                setAtLimit(adding && chosen.length >= limit);
                if (adding && chosen.length >= limit) return;
                const next = adding
                  ? [...chosen, option.id]
                  : chosen.filter((c) => c !== option.id);
                onChange(next.length > 0 ? next : undefined);
              }}
            />
            {/* The author's text, isolated for bidi (see Heading). */}
            <label htmlFor={id} dir="auto">
              {option.label}
            </label>
            {option.help && (
              <p id={hintId} className="cf-hint" dir="auto">
                {option.help}
              </p>
            )}
          </div>
        );
      })}
      {multiple && (
        // Always there, so that screen readers hear the words when they appear.
        <p className="cf-limit" aria-live="polite">
          {atLimit &&
            `You can choose up to ${limit}. To choose this one, untick one of the others first.`}
        </p>
      )}
    </div>
  );
}

/** An agree/disagree scale: a radio group laid out in a row, each point labelled. */
export function ScaleInput({ question, value, idPrefix, onChange }: Props<ScaleQuestion>) {
  return (
    <div className="cf-scale">
      {question.labels.map((label, i) => {
        const id = `${idPrefix}-${i}`;
        return (
          <div className="cf-scale-point" key={label}>
            <input
              id={id}
              type="radio"
              name={idPrefix}
              value={i + 1}
              checked={value === i + 1}
              onChange={() => onChange(i + 1)}
            />
            <label htmlFor={id} dir="auto">
              {label}
            </label>
          </div>
        );
      })}
    </div>
  );
}
