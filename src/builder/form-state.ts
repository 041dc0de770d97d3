// The form's starting values, and the changes to its list of outcome links. Pure.
import { own } from "../engine/own";
import type { Quiz } from "../engine/schema";
import type { CustomLink, FormValues } from "./check";

/** What a booking link says unless the trainer words it otherwise. */
function defaultLinkText(quiz: Quiz, outcomeId: string): string {
  const outcome = quiz.outcomes.find((o) => o.id === outcomeId);
  return `Book our ${outcome?.shortLabel ?? outcome?.label ?? outcomeId} course`;
}

export function initialValues(quizzes: Readonly<Record<string, Quiz>>): FormValues {
  const first = Object.values(quizzes)[0];
  if (!first) throw new Error("coursefit has no built-in quiz");
  return {
    quizSource: "built-in",
    quizId: first.id,
    quizUrl: "",
    mode: "element",
    pageAddress: "",
    resize: true,
    accent: "",
    text: "",
    background: "",
    scheme: "auto",
    font: "",
    radius: "",
    outcomeLinks: linksFor(first, {}),
    customLinks: [emptyLink(1)],
    persist: true,
  };
}

/** One entry per outcome of `quiz`, keeping what was typed for outcomes of the same id. */
export function linksFor(
  quiz: Quiz,
  before: FormValues["outcomeLinks"],
): FormValues["outcomeLinks"] {
  return Object.fromEntries(
    quiz.outcomes.map((o) => [
      o.id,
      own(before, o.id) ?? { url: "", text: defaultLinkText(quiz, o.id) },
    ]),
  );
}

function emptyLink(key: number): CustomLink {
  return { key, outcome: "", url: "", text: "" };
}

/** Adds an empty outcome link; returns the new values and the new row's key. */
export function addCustomLink(values: FormValues): [FormValues, number] {
  const key = Math.max(0, ...values.customLinks.map((l) => l.key)) + 1;
  return [{ ...values, customLinks: [...values.customLinks, emptyLink(key)] }, key];
}

export function removeCustomLink(values: FormValues, key: number): FormValues {
  return { ...values, customLinks: values.customLinks.filter((l) => l.key !== key) };
}

export function changeCustomLink(
  values: FormValues,
  key: number,
  change: Partial<Omit<CustomLink, "key">>,
): FormValues {
  return {
    ...values,
    customLinks: values.customLinks.map((l) => (l.key === key ? { ...l, ...change } : l)),
  };
}
