// The form's building blocks, GOV.UK style: a label, a hint, an error message (when
// there is one) and the input, tied together for screen readers.
import type { ReactNode } from "react";
import type { FormValues } from "./check";

/** What each part of the form gets from the builder. */
export type PartProps = {
  values: FormValues;
  update: (change: Partial<FormValues> | ((values: FormValues) => FormValues)) => void;
  /** The message to show for a field, if it has a problem the trainer should see now. */
  errorFor: (field: string) => string | undefined;
  /** Marks a field as visited, so its problems show. */
  touch: (field: string) => void;
};

function describedBy(...ids: (string | false | undefined)[]) {
  const joined = ids.filter(Boolean).join(" ");
  return joined || undefined;
}

export function ErrorMessage({ id, message }: { id: string; message: string }) {
  return (
    <p id={id} className="cf-error-message">
      <span className="cf-visually-hidden">Error: </span>
      {message}
    </p>
  );
}

/** A top-level part of the form: a fieldset whose legend is a heading. */
export function Section({
  title,
  hint,
  hintId,
  error,
  errorId,
  children,
}: {
  title: string;
  hint?: ReactNode;
  hintId?: string;
  error?: string;
  errorId?: string;
  children: ReactNode;
}) {
  return (
    <fieldset
      className={`cfb-section${error ? " cfb-group-error" : ""}`}
      aria-describedby={describedBy(hint !== undefined && hintId, error && errorId)}
    >
      <legend className="cfb-legend">
        <h2>{title}</h2>
      </legend>
      {hint !== undefined && (
        <p className="cf-hint" id={hintId}>
          {hint}
        </p>
      )}
      {error && errorId && <ErrorMessage id={errorId} message={error} />}
      {children}
    </fieldset>
  );
}

/** A group of radios (or a checkbox) inside a section: a fieldset with a plain legend. */
export function Group({ legend, children }: { legend: string; children: ReactNode }) {
  return (
    <fieldset className="cf-fieldset cfb-field">
      <legend className="cf-legend cfb-label">{legend}</legend>
      {children}
    </fieldset>
  );
}

/** A radio or checkbox with its label and hint; `reveal` shows under it while it is checked. */
export function Choice({
  type = "radio",
  id,
  name,
  label,
  hint,
  checked,
  onChange,
  reveal,
}: {
  type?: "radio" | "checkbox";
  id: string;
  name: string;
  label: ReactNode;
  hint?: ReactNode;
  checked: boolean;
  onChange: (checked: boolean) => void;
  reveal?: ReactNode;
}) {
  const hintId = `${id}-hint`;
  return (
    <>
      <div className="cf-option">
        <input
          type={type}
          id={id}
          name={name}
          checked={checked}
          onChange={(event) => onChange(event.target.checked)}
          aria-describedby={hint ? hintId : undefined}
        />
        <label htmlFor={id}>{label}</label>
        {hint && (
          <p className="cf-hint" id={hintId}>
            {hint}
          </p>
        )}
      </div>
      {reveal && checked && <div className="cfb-reveal">{reveal}</div>}
    </>
  );
}

type InputProps = {
  id: string;
  label: ReactNode;
  hint?: ReactNode;
  error?: string;
  value: string;
  onChange: (value: string) => void;
  type?: "text" | "url";
  /** "short" for a few characters (a colour, a size). */
  width?: "short";
  autoComplete?: string;
  spellCheck?: boolean;
  /** Shown after the input: a colour picker. */
  after?: ReactNode;
  /** The id of a <datalist> of suggestions. */
  list?: string;
};

export function TextField({
  id,
  label,
  hint,
  error,
  value,
  onChange,
  type = "text",
  width,
  autoComplete = "off",
  spellCheck,
  after,
  list,
}: InputProps) {
  const hintId = `${id}-hint`;
  const errorId = `${id}-error`;
  const input = (
    <input
      id={id}
      type={type}
      className={`cfb-input${width ? ` cfb-input-${width}` : ""}${error ? " cfb-input-error" : ""}`}
      value={value}
      onChange={(event) => onChange(event.target.value)}
      aria-describedby={describedBy(hint !== undefined && hintId, error && errorId)}
      aria-invalid={error ? true : undefined}
      autoComplete={autoComplete}
      spellCheck={spellCheck}
      list={list}
    />
  );
  return (
    <div className={`cfb-field${error ? " cfb-group-error" : ""}`}>
      <label htmlFor={id} className="cfb-label">
        {label}
      </label>
      {hint !== undefined && (
        <p className="cf-hint" id={hintId}>
          {hint}
        </p>
      )}
      {error && <ErrorMessage id={errorId} message={error} />}
      {after ? (
        <div className="cfb-with-after">
          {input}
          {after}
        </div>
      ) : (
        input
      )}
    </div>
  );
}

/** A colour as a hex code, with the browser's colour picker beside it to fill it in. */
export function ColourField({
  fallback,
  ...props
}: Omit<InputProps, "after" | "width" | "type" | "label"> & { label: string; fallback: string }) {
  const hex = /^#[0-9a-f]{6}$/i.test(props.value.trim()) ? props.value.trim() : fallback;
  return (
    <TextField
      {...props}
      width="short"
      spellCheck={false}
      after={
        <input
          type="color"
          id={`${props.id}-picker`}
          className="cfb-picker"
          value={hex.toLowerCase()}
          onChange={(event) => props.onChange(event.target.value)}
          aria-label={`${props.label}: colour picker`}
        />
      }
    />
  );
}
