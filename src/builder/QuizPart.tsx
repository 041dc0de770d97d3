// Which quiz: one that ships with coursefit, or the trainer's own quiz file.
import type { Quiz } from "../engine/schema";
import { FIELD } from "./check";
import { Choice, ErrorMessage, type PartProps, Section, TextField } from "./fields";
import { linksFor } from "./form-state";

export function QuizPart({
  quizzes,
  values,
  update,
  errorFor,
  touch,
}: PartProps & { quizzes: Readonly<Record<string, Quiz>> }) {
  const chooseSource = (quizSource: "built-in" | "url") => {
    update({ quizSource });
    touch(quizSource === "built-in" ? FIELD.quizBuiltIn : FIELD.quizOwn);
  };
  const quizError = errorFor(FIELD.quizId);
  return (
    <Section title="Quiz">
      <Choice
        id={FIELD.quizBuiltIn}
        name="quiz-source"
        label="A quiz that comes with coursefit"
        checked={values.quizSource === "built-in"}
        onChange={() => chooseSource("built-in")}
        reveal={
          <div className={`cfb-field${quizError ? " cfb-group-error" : ""}`}>
            <label htmlFor={FIELD.quizId} className="cfb-label">
              Built-in quiz
            </label>
            {quizError && <ErrorMessage id={`${FIELD.quizId}-error`} message={quizError} />}
            <select
              id={FIELD.quizId}
              aria-describedby={quizError ? `${FIELD.quizId}-error` : undefined}
              className="cfb-input"
              value={values.quizId}
              onChange={(event) => {
                const quiz = quizzes[event.target.value];
                update((v) => ({
                  ...v,
                  quizId: event.target.value,
                  outcomeLinks: quiz ? linksFor(quiz, v.outcomeLinks) : v.outcomeLinks,
                }));
              }}
            >
              {Object.values(quizzes).map((quiz) => (
                <option key={quiz.id} value={quiz.id}>
                  {quiz.title}
                </option>
              ))}
            </select>
          </div>
        }
      />
      <Choice
        id={FIELD.quizOwn}
        name="quiz-source"
        label="My own quiz file"
        hint="A quiz you wrote as a .json or .yaml file and put on your website."
        checked={values.quizSource === "url"}
        onChange={() => chooseSource("url")}
        reveal={
          <TextField
            id={FIELD.quizUrl}
            type="url"
            label="Address of your quiz file"
            hint="For example, https://example.com/quizzes/my-quiz.json. Its server must let other sites read it (CORS)."
            value={values.quizUrl}
            onChange={(quizUrl) => update({ quizUrl })}
            error={errorFor(FIELD.quizUrl)}
            spellCheck={false}
          />
        }
      />
    </Section>
  );
}
