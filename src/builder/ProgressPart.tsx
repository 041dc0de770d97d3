// Whether the element saves each visitor's progress in their browser.
import { FIELD } from "./check";
import { Choice, type PartProps, Section } from "./fields";

export function ProgressPart({ values, update }: PartProps) {
  return (
    <Section title="Saving progress">
      <Choice
        id={FIELD.persistOn}
        name="persist"
        label="Save each visitor's answers in their browser"
        hint="They can close the page and carry on where they were."
        checked={values.persist}
        onChange={() => update({ persist: true })}
      />
      <Choice
        id={FIELD.persistOff}
        name="persist"
        label="Do not save answers"
        hint="Each visit starts afresh: for shared computers, kiosks and classrooms."
        checked={!values.persist}
        onChange={() => update({ persist: false })}
      />
    </Section>
  );
}
