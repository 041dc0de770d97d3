// The snippet a trainer pastes: an embed (see check.ts) -> the HTML for their page and the
// CSS for their stylesheet. Every value placed in the HTML is escaped. Pure: no DOM.
import type { Quiz } from "../engine/schema";
import { checkForm, type ElementEmbed, type Embed, type FormValues, type Problem } from "./check";

export type Snippet = {
  /** For the trainer's page. */
  html: string;
  /** For the trainer's stylesheet ("" when there is nothing to theme). */
  css: string;
};

/** Text safe inside an HTML element or a double- or single-quoted attribute value. */
export function escapeHtml(text: string): string {
  return text
    .replaceAll("&", "&amp;")
    .replaceAll("<", "&lt;")
    .replaceAll(">", "&gt;")
    .replaceAll('"', "&quot;")
    .replaceAll("'", "&#39;");
}

/** ` name="value"` pairs, escaped; undefined values are left out. */
function attributes(pairs: [string, string | undefined][]): string {
  return pairs
    .filter((pair): pair is [string, string] => pair[1] !== undefined)
    .map(([name, value]) => ` ${name}="${escapeHtml(value)}"`)
    .join("");
}

/**
 * The snippet for a checked embed. `base` is the folder coursefit is served from (ending
 * in "/"): the snippet loads embed.js, resize.js and embed.html from there.
 */
export function snippetFor(embed: Embed, base: string): Snippet {
  return embed.mode === "element" ? elementSnippet(embed, base) : iframeSnippet(embed, base);
}

function elementSnippet(embed: ElementEmbed, base: string): Snippet {
  if (!embed.quiz) throw new Error("the embed has no quiz: check the form first");
  const script = `<script${attributes([
    ["type", "module"],
    ["src", new URL("embed.js", base).href],
  ])}></script>`;
  const open = `<coursefit-quiz${attributes([
    embed.quiz.kind === "built-in" ? ["quiz", embed.quiz.id] : ["src", embed.quiz.url],
    ["persist", embed.persist ? undefined : "off"],
  ])}>`;
  const links = embed.links.map(
    (link) =>
      `  <a${attributes([
        ["slot", `outcome-${link.outcome}`],
        ["href", link.href],
      ])}>${escapeHtml(link.text)}</a>`,
  );
  const element = links.length
    ? [open, ...links, "</coursefit-quiz>"].join("\n")
    : `${open}</coursefit-quiz>`;

  const declarations = embed.theme.properties.map(([name, value]) => `  ${name}: ${value};`);
  if (embed.theme.scheme) declarations.push(`  color-scheme: ${embed.theme.scheme};`);
  const css = declarations.length ? `coursefit-quiz {\n${declarations.join("\n")}\n}\n` : "";
  return { html: `${script}\n${element}\n`, css };
}

function iframeSnippet(embed: Extract<Embed, { mode: "iframe" }>, base: string): Snippet {
  if (!embed.origin) throw new Error("the embed has no page origin: check the form first");
  // The page, so result links reopen there; each booking link, for the result's button.
  const query = new URLSearchParams({ quiz: embed.quiz.id, origin: embed.origin });
  if (embed.page) query.set("page", embed.page);
  for (const link of embed.links) {
    query.set(`book-${link.outcome}`, link.href);
    query.set(`book-${link.outcome}-text`, link.text);
  }
  const src = new URL(`embed.html?${query}`, base).href;
  const frame = `<iframe${attributes([
    ["src", src],
    ["title", embed.quiz.title],
    ["width", "100%"],
    ["height", "700"],
    // No border: the browser's own 2 px one would make a 100% wide frame overflow its
    // column by 4 px. An attribute, not a style, which a strict page policy may refuse.
    ["frameborder", "0"],
    ["loading", "lazy"],
  ])}></iframe>`;
  const script = embed.resize
    ? `<script${attributes([["src", new URL("resize.js", base).href]])}></script>\n`
    : "";
  return { html: `${script}${frame}\n`, css: "" };
}

/** The whole way, from the form as typed: the snippet, or every problem in the way of one. */
export function buildSnippet(
  values: FormValues,
  { quizzes, base }: { quizzes: Readonly<Record<string, Quiz>>; base: string },
): ({ ok: true } & Snippet) | { ok: false; problems: Problem[] } {
  const { embed, problems } = checkForm(values, quizzes);
  if (problems.length) return { ok: false, problems };
  return { ok: true, ...snippetFor(embed, base) };
}
