// The builder's form, checked: what the trainer typed -> the embed it describes, plus a
// clear problem (with the field to fix) for each value that cannot go in a snippet.
// Pure: no DOM. Invalid values are left out of the embed, so the preview can still
// show everything else.
import { own } from "../engine/own";
import type { Quiz } from "../engine/schema";
import { normaliseHex, type ResolvedTheme, resolveTheme, type SchemeChoice } from "./theme";

export type CustomLink = { key: number; outcome: string; url: string; text: string };

/** Everything on the form, as typed. */
export type FormValues = {
  quizSource: "built-in" | "url";
  quizId: string;
  quizUrl: string;
  mode: "element" | "iframe";
  pageAddress: string;
  resize: boolean;
  accent: string;
  text: string;
  background: string;
  scheme: SchemeChoice;
  font: string;
  radius: string;
  /** Booking links for a built-in quiz, by outcome id. */
  outcomeLinks: Record<string, { url: string; text: string }>;
  /** Booking links for the trainer's own quiz: outcome id + link pairs. */
  customLinks: CustomLink[];
  persist: boolean;
};

export type Problem = { field: string; message: string };

export type QuizRef =
  | { kind: "built-in"; id: string; title: string }
  | { kind: "url"; url: string };

export type OutcomeLink = { outcome: string; href: string; text: string };

export type ElementEmbed = {
  mode: "element";
  quiz: QuizRef | undefined;
  links: OutcomeLink[];
  theme: ResolvedTheme;
  persist: boolean;
};

export type IframeEmbed = {
  mode: "iframe";
  quiz: Extract<QuizRef, { kind: "built-in" }>;
  /** The origin of the trainer's page: the only one the frame will post messages to. */
  origin: string | undefined;
  /** The trainer's page itself: where a result link reopens the result. */
  page: string | undefined;
  links: OutcomeLink[];
  resize: boolean;
};

export type Embed = ElementEmbed | IframeEmbed;

/** The id of each field on the form, so a problem can link to the field it is about. */
export const FIELD = {
  quizBuiltIn: "cfb-quiz-built-in",
  quizOwn: "cfb-quiz-own",
  quizId: "cfb-quiz-id",
  quizUrl: "cfb-quiz-url",
  modeElement: "cfb-mode-element",
  modeIframe: "cfb-mode-iframe",
  pageAddress: "cfb-page-address",
  resize: "cfb-resize",
  accent: "cfb-accent",
  text: "cfb-text",
  background: "cfb-background",
  schemeAuto: "cfb-scheme-auto",
  font: "cfb-font",
  radius: "cfb-radius",
  persistOn: "cfb-persist-on",
  persistOff: "cfb-persist-off",
  addLink: "cfb-add-link",
  linkUrl: (outcome: string) => `cfb-link-${outcome}-url`,
  linkText: (outcome: string) => `cfb-link-${outcome}-text`,
  customOutcome: (key: number) => `cfb-custom-${key}-outcome`,
  customUrl: (key: number) => `cfb-custom-${key}-url`,
  customText: (key: number) => `cfb-custom-${key}-text`,
} as const;

/** Ids in quiz files: lower-case letters, digits and dashes (src/engine/schema.ts). */
const OUTCOME_ID = /^[a-z0-9][a-z0-9-]{0,63}$/;

type Address = { ok: true; url: URL } | { ok: false; why: "empty" | "format" | "scheme" };

/** A full http:// or https:// address, or why not. */
export function webAddress(value: string): Address {
  const trimmed = value.trim();
  if (!trimmed) return { ok: false, why: "empty" };
  let url: URL;
  try {
    url = new URL(trimmed);
  } catch {
    return { ok: false, why: "format" };
  }
  if (url.protocol !== "http:" && url.protocol !== "https:") return { ok: false, why: "scheme" };
  return { ok: true, url };
}

/** GOV.UK-style messages for an address: what is wrong and how to put it right. */
function addressMessage(why: "empty" | "format" | "scheme", what: string, example: string) {
  if (why === "empty") return `Enter ${what}`;
  if (why === "format") return `Enter ${what} as a full web address, like ${example}`;
  return `${capitalise(what)} must start with https:// or http://`;
}

/** The address without its #fragment: a result link puts its own there. */
function withoutFragment(url: URL): string {
  const copy = new URL(url);
  copy.hash = "";
  return copy.href;
}

function capitalise(text: string) {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** Font names separated by commas, each a bare name or quoted: nothing that can end the rule. */
const FONT_NAME = /^(?:"[\w -]+"|'[\w -]+'|[A-Za-z][\w -]*)$/;

function normaliseFont(value: string): string | undefined {
  const names = value.split(",").map((name) => name.trim());
  if (names.some((name) => !FONT_NAME.test(name))) return undefined;
  return names.join(", ");
}

/** "6px", "0.5rem", "1em", "10%", "0", or a bare number of pixels ("8" -> "8px"). */
function normaliseRadius(value: string): string | undefined {
  const match = /^(\d{1,3}(?:\.\d{1,3})?)\s*(px|rem|em|%)?$/i.exec(value.trim());
  if (!match?.[1]) return undefined;
  const unit = match[2]?.toLowerCase() ?? "px";
  return Number(match[1]) === 0 ? "0" : `${match[1]}${unit}`;
}

export function checkForm(
  values: FormValues,
  quizzes: Readonly<Record<string, Quiz>>,
): { embed: Embed; problems: Problem[] } {
  const problems: Problem[] = [];
  const problem = (field: string, message: string) => problems.push({ field, message });

  const builtIn = Object.hasOwn(quizzes, values.quizId) ? quizzes[values.quizId] : undefined;
  const builtInRef = (quiz: Quiz) => ({
    kind: "built-in" as const,
    id: quiz.id,
    title: quiz.title,
  });
  let quiz: QuizRef | undefined;
  if (values.quizSource === "built-in") {
    if (builtIn) quiz = builtInRef(builtIn);
    else problem(FIELD.quizId, "Choose one of the built-in quizzes");
  } else {
    const address = webAddress(values.quizUrl);
    if (address.ok) quiz = { kind: "url", url: address.url.href };
    else
      problem(
        FIELD.quizUrl,
        addressMessage(
          address.why,
          "the address of your quiz file",
          "https://example.com/quizzes/my-quiz.json",
        ),
      );
  }

  if (values.mode === "iframe") {
    if (values.quizSource === "url")
      problem(
        FIELD.modeIframe,
        "The iframe can show the built-in quizzes only: to embed your own quiz file, choose the script and element",
      );
    const page = webAddress(values.pageAddress);
    if (!page.ok)
      problem(
        FIELD.pageAddress,
        addressMessage(
          page.why,
          "the address of the page the quiz goes on",
          "https://example.com/courses/csm",
        ),
      );
    const fallback = Object.values(quizzes)[0];
    const shown = builtIn ?? fallback;
    if (!shown) throw new Error("coursefit has no built-in quiz");
    return {
      embed: {
        mode: "iframe",
        quiz: builtInRef(shown),
        origin: page.ok ? page.url.origin : undefined,
        page: page.ok ? withoutFragment(page.url) : undefined,
        links: builtIn ? builtInLinks(values, builtIn, problem) : [],
        resize: values.resize,
      },
      problems,
    };
  }

  const links =
    values.quizSource === "built-in"
      ? builtInLinks(values, builtIn, problem)
      : customLinks(values, problem);

  const colour = (field: string, value: string, what: string) => {
    if (!value.trim()) return undefined;
    const hex = normaliseHex(value);
    if (!hex) problem(field, `Enter the ${what} as a hex colour code, like #1d5fbf`);
    return hex;
  };
  const accent = colour(FIELD.accent, values.accent, "accent colour");
  const text = colour(FIELD.text, values.text, "text colour");
  const background = colour(FIELD.background, values.background, "background colour");
  let font: string | undefined;
  if (values.font.trim()) {
    font = normaliseFont(values.font);
    if (!font)
      problem(
        FIELD.font,
        "Enter font names separated by commas, like Georgia, serif (letters, digits, spaces, dashes, and quotes around a whole name)",
      );
  }
  let radius: string | undefined;
  if (values.radius.trim()) {
    radius = normaliseRadius(values.radius);
    if (!radius) problem(FIELD.radius, "Enter the corner radius as a size, like 6px or 0.5rem");
  }

  return {
    embed: {
      mode: "element",
      quiz,
      links,
      theme: resolveTheme({ accent, text, background, font, radius, scheme: values.scheme }),
      persist: values.persist,
    },
    problems,
  };
}

function builtInLinks(
  values: FormValues,
  quiz: Quiz | undefined,
  problem: (field: string, message: string) => void,
): OutcomeLink[] {
  const links: OutcomeLink[] = [];
  for (const outcome of quiz?.outcomes ?? []) {
    const entry = own(values.outcomeLinks, outcome.id);
    const name = outcome.shortLabel ?? outcome.label;
    const link = checkLink(entry?.url ?? "", entry?.text ?? "", {
      url: FIELD.linkUrl(outcome.id),
      text: FIELD.linkText(outcome.id),
      name: `the ${name} booking link`,
      problem,
    });
    if (link) links.push({ outcome: outcome.id, ...link });
  }
  return links;
}

function customLinks(
  values: FormValues,
  problem: (field: string, message: string) => void,
): OutcomeLink[] {
  const links: OutcomeLink[] = [];
  const seen = new Set<string>();
  values.customLinks.forEach((row, index) => {
    const n = index + 1;
    const outcome = row.outcome.trim();
    if (!outcome && !row.url.trim() && !row.text.trim()) return;
    let outcomeOk = false;
    if (!outcome) problem(FIELD.customOutcome(row.key), `Enter the outcome id for link ${n}`);
    else if (!OUTCOME_ID.test(outcome))
      problem(
        FIELD.customOutcome(row.key),
        `Enter the outcome id for link ${n} as it is in your quiz file: lower-case letters, digits and dashes, like cspo`,
      );
    else if (seen.has(outcome))
      problem(
        FIELD.customOutcome(row.key),
        `Link ${n} is for outcome "${outcome}" again: give each outcome one link`,
      );
    else outcomeOk = true;
    seen.add(outcome);
    const link = checkLink(row.url, row.text, {
      url: FIELD.customUrl(row.key),
      text: FIELD.customText(row.key),
      name: `link ${n}`,
      required: true,
      problem,
    });
    if (link && outcomeOk) links.push({ outcome, ...link });
  });
  return links;
}

function checkLink(
  url: string,
  text: string,
  to: {
    url: string;
    text: string;
    /** How the messages name the link: "the CSM booking link", "link 2". */
    name: string;
    required?: boolean;
    problem: (field: string, message: string) => void;
  },
): { href: string; text: string } | undefined {
  const address = webAddress(url);
  if (!address.ok && address.why === "empty" && !to.required) return undefined;
  if (!address.ok) {
    to.problem(
      to.url,
      addressMessage(address.why, `the address for ${to.name}`, "https://example.com/book"),
    );
  }
  const words = text.trim().replace(/\s+/g, " ");
  if (!words) to.problem(to.text, `Enter the link text for ${to.name}`);
  return address.ok && words ? { href: address.url.href, text: words } : undefined;
}
