// The embed builder: the trainer's choices on the left; the snippet and a live preview
// of the quiz on the right. It holds the form's state; each part of the form, the
// checks, the snippet and the preview live in their own modules.
import { useCallback, useMemo, useState } from "react";
import type { Quiz } from "../engine/schema";
import { checkForm, type FormValues } from "./check";
import { EmbedTypePart } from "./EmbedTypePart";
import { ErrorSummary } from "./ErrorSummary";
import type { PartProps } from "./fields";
import { initialValues } from "./form-state";
import { LinksPart } from "./LinksPart";
import { Preview, type ShownOutcome } from "./Preview";
import { ProgressPart } from "./ProgressPart";
import { QuizPart } from "./QuizPart";
import { SnippetOutput } from "./SnippetOutput";
import { snippetFor } from "./snippet";
import { ThemePart } from "./ThemePart";

export type BuilderProps = {
  quizzes: Readonly<Record<string, Quiz>>;
  /** The folder coursefit is served from, ending in "/": the snippet loads from there. */
  base: string;
  /** This page's origin, for the iframe preview's messages. */
  pageOrigin: string;
};

export function Builder({ quizzes, base, pageOrigin }: BuilderProps) {
  const [values, setValues] = useState(() => initialValues(quizzes));
  // A field's problems show once the trainer has left it, or all of them once they ask
  // for a snippet that is not ready.
  const [touched, setTouched] = useState<ReadonlySet<string>>(() => new Set());
  const [showAll, setShowAll] = useState(false);
  const [focusSummary, setFocusSummary] = useState(0);

  const { embed, problems } = useMemo(() => checkForm(values, quizzes), [values, quizzes]);
  const shown = problems.filter((p) => showAll || touched.has(p.field));
  const snippet = useMemo(
    () => (problems.length ? undefined : snippetFor(embed, base)),
    [problems, embed, base],
  );

  const touch = useCallback((field: string) => {
    if (field) setTouched((before) => (before.has(field) ? before : new Set(before).add(field)));
  }, []);
  const update = useCallback(
    (change: Partial<FormValues> | ((values: FormValues) => FormValues)) =>
      setValues((before) =>
        typeof change === "function" ? change(before) : { ...before, ...change },
      ),
    [],
  );
  const part: PartProps = {
    values,
    update,
    touch,
    errorFor: (field) => shown.find((p) => p.field === field)?.message,
  };
  const quiz = Object.hasOwn(quizzes, values.quizId) ? quizzes[values.quizId] : undefined;
  // The preview's quiz's outcomes: offered as the ids a link for a quiz file can name.
  const [shownOutcomes, setShownOutcomes] = useState<ShownOutcome[]>([]);

  return (
    <div className="cfb-layout">
      <div className="cfb-column">
        <ErrorSummary problems={shown} focusRequest={focusSummary} />
        <form
          aria-label="Your choices"
          noValidate
          onSubmit={(event) => event.preventDefault()}
          onBlur={(event) => touch(event.target.id)}
        >
          <QuizPart {...part} quizzes={quizzes} />
          <EmbedTypePart {...part} />
          {(values.mode === "element" || values.quizSource === "built-in") && (
            <LinksPart {...part} quiz={quiz} shownOutcomes={shownOutcomes} />
          )}
          {values.mode === "element" && (
            <>
              <ThemePart
                {...part}
                warnings={embed.mode === "element" ? embed.theme.warnings : []}
              />
              <ProgressPart {...part} />
            </>
          )}
        </form>
      </div>
      <div className="cfb-column cfb-column-output">
        <SnippetOutput
          snippet={snippet}
          problemCount={problems.length}
          mode={values.mode}
          onNotReady={() => {
            setShowAll(true);
            setFocusSummary((n) => n + 1);
          }}
        />
        <Preview embed={embed} base={base} pageOrigin={pageOrigin} onOutcomes={setShownOutcomes} />
      </div>
    </div>
  );
}
