// How the quiz goes on the trainer's page: the script and element, or an iframe.
import { FIELD, webAddress } from "./check";
import { Choice, type PartProps, Section, TextField } from "./fields";

export function EmbedTypePart({ values, update, errorFor, touch }: PartProps) {
  const page = webAddress(values.pageAddress);
  const modeError = errorFor(FIELD.modeIframe);
  return (
    <Section
      title="How it goes on your page"
      error={modeError}
      errorId={`${FIELD.modeIframe}-error`}
    >
      <Choice
        id={FIELD.modeElement}
        name="mode"
        label="Script and element (recommended)"
        hint="In your colours, with your booking links. Your page must allow scripts from this site."
        checked={values.mode === "element"}
        onChange={() => {
          update({ mode: "element" });
          touch(FIELD.modeElement);
        }}
      />
      <Choice
        id={FIELD.modeIframe}
        name="mode"
        label="Iframe"
        hint="For pages that allow no scripts. The quiz keeps its own colours and suggests its own next steps."
        checked={values.mode === "iframe"}
        onChange={() => {
          update({ mode: "iframe" });
          touch(FIELD.modeIframe);
        }}
        reveal={
          <>
            <TextField
              id={FIELD.pageAddress}
              type="url"
              label="Address of the page the quiz goes on"
              hint={
                page.ok
                  ? `The quiz tells ${page.url.origin}, and no other, when it changes size or is finished; a result link leads back to this page.`
                  : "The quiz tells your page, and no other, when it changes size or is finished. For example, https://example.com/courses/csm."
              }
              value={values.pageAddress}
              onChange={(pageAddress) => update({ pageAddress })}
              error={errorFor(FIELD.pageAddress)}
              spellCheck={false}
            />
            <Choice
              type="checkbox"
              id={FIELD.resize}
              name="resize"
              label="Fit the frame to the quiz"
              hint="Adds a small script. Without it the frame is 700 pixels tall and scrolls on its own."
              checked={values.resize}
              onChange={(resize) => update({ resize })}
            />
          </>
        }
      />
    </Section>
  );
}
