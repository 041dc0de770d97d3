// The quiz in the trainer's colours, font and corner radius, with a warning for any
// colours that do not contrast enough to read.
import { FIELD } from "./check";
import { Choice, ColourField, Group, type PartProps, Section, TextField } from "./fields";
import { DEFAULT_COLOURS, type SchemeChoice } from "./theme";

const SCHEMES: { value: SchemeChoice; label: string; hint?: string }[] = [
  {
    value: "auto",
    label: "As your page is set",
    hint: "Light, unless your page sets a dark color-scheme. With a background colour of your own, the scheme that suits it.",
  },
  { value: "light", label: "Always light" },
  { value: "dark", label: "Always dark" },
  {
    value: "device",
    label: "Light or dark, as the visitor's device is set",
    hint: "Only if your page turns dark too, or the quiz may stand out from it.",
  },
];

const COLOURS = [
  {
    key: "accent",
    label: "Accent colour",
    hint: "Buttons, links and the progress bar. A hex code, like #1d5fbf.",
  },
  { key: "text", label: "Text colour", hint: "A hex code, like #1b1b1f." },
  { key: "background", label: "Background colour", hint: "A hex code, like #ffffff." },
] as const;

export function ThemePart({
  values,
  update,
  errorFor,
  touch,
  warnings,
}: PartProps & { warnings: string[] }) {
  const light = DEFAULT_COLOURS.light;
  return (
    <Section
      title="Colours and font"
      hintId="cfb-theme-hint"
      hint="Leave any of these empty to keep the quiz's own. The colour of button text, and the shades in between, are worked out to go with yours."
    >
      {COLOURS.map(({ key, label, hint }) => (
        <ColourField
          key={key}
          id={FIELD[key]}
          label={label}
          hint={hint}
          value={values[key]}
          fallback={light[key]}
          onChange={(colour) => update({ [key]: colour })}
          error={errorFor(FIELD[key])}
        />
      ))}
      <Group legend="Colour scheme">
        {SCHEMES.map((scheme) => (
          <Choice
            key={scheme.value}
            id={scheme.value === "auto" ? FIELD.schemeAuto : `cfb-scheme-${scheme.value}`}
            name="scheme"
            label={scheme.label}
            hint={scheme.hint}
            checked={values.scheme === scheme.value}
            onChange={() => {
              update({ scheme: scheme.value });
              touch(FIELD.schemeAuto);
            }}
          />
        ))}
      </Group>
      <div aria-live="polite">
        {warnings.length > 0 && (
          <div className="cf-notice cf-notice-error cfb-warnings">
            <p>
              <strong>Some text may be hard to read</strong>
            </p>
            <ul>
              {warnings.map((warning) => (
                <li key={warning}>{warning}</li>
              ))}
            </ul>
          </div>
        )}
      </div>
      <TextField
        id={FIELD.font}
        label="Font"
        hint="Fonts your page already uses, separated by commas, like Georgia, serif."
        value={values.font}
        onChange={(font) => update({ font })}
        error={errorFor(FIELD.font)}
        spellCheck={false}
      />
      <TextField
        id={FIELD.radius}
        label="Corner radius"
        hint="How round the corners of buttons and boxes are, like 6px, 0.5rem or 0 for square."
        value={values.radius}
        width="short"
        onChange={(radius) => update({ radius })}
        error={errorFor(FIELD.radius)}
        spellCheck={false}
      />
    </Section>
  );
}
