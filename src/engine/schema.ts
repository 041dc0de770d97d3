// The quiz definition format. Every type the engine uses for a quiz is inferred from
// here, and quizzes/quiz.schema.json is generated from it (npm run schema), so the
// editor's view of the format and the engine's can never drift apart.
import { z } from "zod";

const id = z
  .string()
  .regex(/^[a-z0-9][a-z0-9-]{0,63}$/, "must be lower-case letters, digits and dashes")
  .describe("An identifier: lower-case letters, digits and dashes.");

/**
 * Text a person reads: not empty once trimmed, and not made only of characters that show
 * nothing (zero-width spaces and joiners, bidi marks, a stray byte-order mark).
 */
const text = z
  .string()
  .trim()
  .min(1, "must not be empty")
  .refine((s) => /[^\s\p{Cf}]/u.test(s), "must not be empty: it has only invisible characters");

/** Links the page shows: http(s) only, never javascript: or data:. */
const webUrl = z.url({ protocol: /^https?$/, error: "must be an http:// or https:// address" });

/** Points an answer gives, per trait and then per outcome: { role: { csm: 2 } }. */
const weights = z
  .record(z.string(), z.record(z.string(), z.number().min(0).max(100)))
  .describe("Points per trait, then per outcome, e.g. { role: { csm: 2 } }. Never negative.");

/** Show a question only when an earlier answer matches. */
const condition = z
  .strictObject({
    question: id.describe("An earlier question's id."),
    anyOf: z
      .array(id)
      .min(1)
      .optional()
      .describe("Choice questions: shown when any of these options was chosen."),
    atLeast: z.number().int().optional().describe("Scale questions: the lowest point that shows."),
    atMost: z.number().int().optional().describe("Scale questions: the highest point that shows."),
  })
  .describe("Holds when the earlier question was answered and its answer matches.");

const questionBase = {
  id,
  prompt: text,
  help: text.optional(),
  required: z.boolean().default(true),
  showIf: z
    .array(condition)
    .min(1)
    .optional()
    .describe("Shown only when every condition holds; otherwise skipped and not scored."),
};

const option = z.strictObject({ id, label: text, help: text.optional(), weights });

const singleQuestion = z.strictObject({
  ...questionBase,
  type: z.literal("single"),
  options: z.array(option).max(31, "at most 31 options"),
});

const multipleQuestion = z.strictObject({
  ...questionBase,
  type: z.literal("multiple"),
  options: z.array(option).max(31, "at most 31 options"),
  minChoices: z.number().int().min(1).default(1),
  maxChoices: z.number().int().min(1).describe("How many options a person may tick at most."),
});

const scaleQuestion = z.strictObject({
  ...questionBase,
  type: z.literal("scale"),
  labels: z
    .array(text)
    .min(3)
    .max(7)
    .describe("One label per point, from full disagreement to full agreement."),
  agree: weights.describe("Points at full agreement; scaled linearly down to nothing."),
  disagree: weights.describe("Points at full disagreement; scaled linearly down to nothing."),
});

const question = z.discriminatedUnion("type", [singleQuestion, multipleQuestion, scaleQuestion]);

const source = z.strictObject({
  id,
  title: text,
  author: text,
  date: z.iso.date().describe("Publication date, YYYY-MM-DD."),
  file: z
    .string()
    .regex(/^[\w.-]+\.txt$/, "must be a .txt file name beside the quiz")
    .describe("The source text, a file beside the quiz."),
  url: webUrl.optional(),
});

const passage = z.strictObject({
  id,
  source: id,
  text: text.describe("Quoted exactly: must appear verbatim in the source file."),
});

const trait = z.strictObject({ id, label: text, description: text.optional() });

const outcome = z.strictObject({
  id,
  label: text,
  shortLabel: text.optional(),
  summary: text,
  passages: z
    .record(z.string(), id)
    .describe("For each trait, the passage that explains why this outcome fits."),
  nextStep: z
    .strictObject({
      label: text.describe("What to do next, e.g. a button's words: Book a CSM course."),
      url: webUrl.optional().describe("Where the button leads; without it, the words alone."),
    })
    .optional()
    .describe("The result's next step for this outcome, unless the page gives its own link."),
});

const comparisonRow = z.strictObject({
  id,
  label: text,
  scored: z.boolean().describe("Whether a trait of this name is scored, or the row is only shown."),
  passages: z.record(z.string(), id).describe("For each outcome, the passage for this row."),
});

export const quizSchema = z.strictObject({
  $schema: z.string().optional(),
  id,
  version: z.string().regex(/^\d+\.\d+\.\d+$/, "must be a version such as 1.0.0"),
  title: text,
  intro: text,
  minutes: z.number().int().min(1).max(120).describe("About how long the quiz takes."),
  sources: z.array(source).min(1),
  passages: z.array(passage).min(1),
  conclusion: id.describe("The passage quoted when a result is balanced."),
  conclusionLead: text
    .default("In the source's own words:")
    .describe("The words that introduce the conclusion on a balanced result."),
  comparisonHeading: text
    .default("How they compare")
    .describe("The heading of the result's side-by-side comparison of the outcomes."),
  traits: z.array(trait).min(1),
  outcomes: z.array(outcome).min(2),
  comparison: z.array(comparisonRow).default([]),
  questions: z.array(question).min(1),
  scoring: z.strictObject({
    traitWeights: z
      .record(z.string(), z.number().positive())
      .describe("How much each trait counts, whatever the number of questions touching it."),
    tieMargin: z
      .number()
      .min(0)
      .max(100)
      .describe("Below this lead, in points out of 100, the result is balanced."),
  }),
});

export type Quiz = z.infer<typeof quizSchema>;
export type Question = Quiz["questions"][number];
export type ChoiceQuestion = Extract<Question, { type: "single" | "multiple" }>;
export type ScaleQuestion = Extract<Question, { type: "scale" }>;
export type Option = ChoiceQuestion["options"][number];
export type Condition = NonNullable<Question["showIf"]>[number];
export type Weights = z.infer<typeof weights>;
export type Outcome = Quiz["outcomes"][number];
export type Trait = Quiz["traits"][number];
export type Passage = Quiz["passages"][number];
export type Source = Quiz["sources"][number];

/** An answer: an option id (single), option ids (multiple) or a 1-based point (scale). */
export const answerSchema = z.union([z.string(), z.array(z.string()), z.number()]);
export type Answer = z.infer<typeof answerSchema>;
export type Answers = Readonly<Record<string, Answer>>;
