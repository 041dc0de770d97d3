// The snippet a trainer pastes: element and iframe, with and without colours and links,
// every value escaped, the page's origin encoded, and every bad value refused clearly.
import { describe, expect, it } from "vitest";
import { checkForm, FIELD, type FormValues } from "../../src/builder/check";
import { initialValues } from "../../src/builder/form-state";
import { buildSnippet, escapeHtml, type Snippet } from "../../src/builder/snippet";
import { loadQuiz } from "../helpers/quiz";

const quiz = loadQuiz();
const quizzes = { [quiz.id]: quiz };
const base = "https://quiz.example/coursefit/";

function form(change: Partial<FormValues> = {}): FormValues {
  return { ...initialValues(quizzes), ...change };
}

function snippet(change: Partial<FormValues> = {}): Snippet {
  const built = buildSnippet(form(change), { quizzes, base });
  if (!built.ok) throw new Error(`unexpected problems: ${JSON.stringify(built.problems)}`);
  return { html: built.html, css: built.css };
}

function problems(change: Partial<FormValues>) {
  const built = buildSnippet(form(change), { quizzes, base });
  if (built.ok) throw new Error(`expected problems, got a snippet:\n${built.html}`);
  return built.problems;
}

/** Parses HTML the way a browser's tokenizer would treat attributes: enough to prove no break-out. */
function attributesOf(html: string, tag: string): Record<string, string>[] {
  const found: Record<string, string>[] = [];
  for (const match of html.matchAll(new RegExp(`<${tag}((?:\\s+[\\w-]+="[^"]*")*)\\s*>`, "g"))) {
    const attrs: Record<string, string> = {};
    for (const [, name, value] of (match[1] ?? "").matchAll(/([\w-]+)="([^"]*)"/g))
      attrs[name ?? ""] = decode(value ?? "");
    found.push(attrs);
  }
  return found;
}

function decode(text: string) {
  return text
    .replaceAll("&quot;", '"')
    .replaceAll("&#39;", "'")
    .replaceAll("&lt;", "<")
    .replaceAll("&gt;", ">")
    .replaceAll("&amp;", "&");
}

const csmLink = (url: string, text = "Book our CSM course") => ({
  outcomeLinks: { csm: { url, text }, cspo: { url: "", text: "Book our CSPO course" } },
});

describe("the element snippet", () => {
  it("is the script and the element for the built-in quiz, with nothing to theme", () => {
    expect(snippet()).toEqual({
      html:
        '<script type="module" src="https://quiz.example/coursefit/embed.js"></script>\n' +
        '<coursefit-quiz quiz="csm-vs-cspo"></coursefit-quiz>\n',
      css: "",
    });
  });

  it("puts each booking link in its outcome's slot", () => {
    const { html } = snippet({
      outcomeLinks: {
        csm: { url: "https://trainer.example/csm", text: "Book our CSM course" },
        cspo: { url: "https://trainer.example/cspo", text: "  Book   our CSPO course " },
      },
    });
    expect(html).toBe(
      '<script type="module" src="https://quiz.example/coursefit/embed.js"></script>\n' +
        '<coursefit-quiz quiz="csm-vs-cspo">\n' +
        '  <a slot="outcome-csm" href="https://trainer.example/csm">Book our CSM course</a>\n' +
        '  <a slot="outcome-cspo" href="https://trainer.example/cspo">Book our CSPO course</a>\n' +
        "</coursefit-quiz>\n",
    );
  });

  it("leaves out an outcome whose link is empty, so the quiz's own next step shows", () => {
    const { html } = snippet(csmLink("https://trainer.example/csm"));
    expect(html).toContain('slot="outcome-csm"');
    expect(html).not.toContain("outcome-cspo");
  });

  it('turns saving off with persist="off"', () => {
    expect(snippet({ persist: false }).html).toContain(
      '<coursefit-quiz quiz="csm-vs-cspo" persist="off">',
    );
    expect(snippet({ persist: true }).html).not.toContain("persist");
  });

  it("loads the trainer's own quiz file with src, with outcome id + link pairs", () => {
    const { html } = snippet({
      quizSource: "url",
      quizUrl: " https://trainer.example/quizzes/mine.yaml ",
      customLinks: [
        { key: 1, outcome: "po", url: "https://trainer.example/po", text: "Book PO" },
        { key: 2, outcome: "", url: "", text: "" },
        { key: 3, outcome: "sm", url: "https://trainer.example/sm", text: "Book SM" },
      ],
    });
    expect(html).toBe(
      '<script type="module" src="https://quiz.example/coursefit/embed.js"></script>\n' +
        '<coursefit-quiz src="https://trainer.example/quizzes/mine.yaml">\n' +
        '  <a slot="outcome-po" href="https://trainer.example/po">Book PO</a>\n' +
        '  <a slot="outcome-sm" href="https://trainer.example/sm">Book SM</a>\n' +
        "</coursefit-quiz>\n",
    );
  });

  it("themes the element in CSS for the trainer's stylesheet, not in the HTML", () => {
    const { html, css } = snippet({
      accent: "#0B6E4F",
      font: ' "Source Sans 3" ,sans-serif',
      radius: "10",
    });
    expect(html).not.toContain("style");
    expect(css).toBe(
      "coursefit-quiz {\n" +
        "  --cf-accent: #0b6e4f;\n" +
        "  --cf-on-accent: #ffffff;\n" +
        '  --cf-font: "Source Sans 3", sans-serif;\n' +
        "  --cf-radius: 10px;\n" +
        "}\n",
    );
  });

  it("works out the shades between the text and background, and the scheme that suits them", () => {
    const { css } = snippet({ text: "#f0f0f0", background: "#102030" });
    expect(css).toContain("--cf-text: #f0f0f0;");
    expect(css).toContain("--cf-background: #102030;");
    expect(css).toMatch(/--cf-surface: #[0-9a-f]{6};/);
    expect(css).toMatch(/--cf-muted: #[0-9a-f]{6};/);
    expect(css).toMatch(/--cf-border: #[0-9a-f]{6};/);
    expect(css).toContain("color-scheme: dark;");
    expect(snippet({ scheme: "light" }).css).toBe("coursefit-quiz {\n  color-scheme: light;\n}\n");
  });
});

describe("the iframe snippet", () => {
  it("names the trainer's page origin and the page itself (for result links), encoded", () => {
    const { html, css } = snippet({
      mode: "iframe",
      pageAddress: "https://trainer.example:8443/courses/csm?x=1#top",
    });
    expect(html).toBe(
      '<script src="https://quiz.example/coursefit/resize.js"></script>\n' +
        '<iframe src="https://quiz.example/coursefit/embed.html?quiz=csm-vs-cspo&amp;origin=https%3A%2F%2Ftrainer.example%3A8443' +
        '&amp;page=https%3A%2F%2Ftrainer.example%3A8443%2Fcourses%2Fcsm%3Fx%3D1"' +
        ' title="CSM or CSPO: which Scrum course fits you?" width="100%" height="700" frameborder="0" loading="lazy"></iframe>\n',
    );
    expect(css).toBe("");
    const [frame] = attributesOf(html, "iframe");
    const src = new URL(frame?.src ?? "");
    expect(src.searchParams.get("origin")).toBe("https://trainer.example:8443");
    expect(src.searchParams.get("quiz")).toBe("csm-vs-cspo");
    expect(src.searchParams.get("page")).toBe("https://trainer.example:8443/courses/csm?x=1");
  });

  it("passes each booking link to the frame, for the result's button", () => {
    const { html } = snippet({
      mode: "iframe",
      pageAddress: "https://trainer.example/courses",
      ...csmLink("https://trainer.example/book?c=csm&x=<1>"),
    });
    const [frame] = attributesOf(html, "iframe");
    const src = new URL(frame?.src ?? "");
    expect(src.searchParams.get("book-csm")).toBe("https://trainer.example/book?c=csm&x=%3C1%3E");
    expect(src.searchParams.get("book-csm-text")).toBe("Book our CSM course");
    expect(src.searchParams.has("book-cspo")).toBe(false);
  });

  it("leaves out resize.js when asked, and ignores the element's options", () => {
    const { html } = snippet({
      mode: "iframe",
      pageAddress: "http://localhost:8080/",
      resize: false,
      accent: "#ff0000",
      persist: false,
      ...csmLink("https://trainer.example/csm"),
    });
    expect(html).not.toContain("<script");
    expect(html).not.toContain("persist");
    expect(html).not.toContain("slot");
    expect(html).toContain("origin=http%3A%2F%2Flocalhost%3A8080");
  });

  it("shows only built-in quizzes", () => {
    expect(
      problems({
        mode: "iframe",
        pageAddress: "https://t.example/",
        quizSource: "url",
        quizUrl: "https://t.example/q.json",
      }),
    ).toEqual([
      {
        field: FIELD.modeIframe,
        message:
          "The iframe can show the built-in quizzes only: to embed your own quiz file, choose the script and element",
      },
    ]);
  });
});

describe("escaping", () => {
  it("escapes the five characters that matter in HTML text and attributes", () => {
    expect(escapeHtml(`<a href="x" title='y'>&amp;</a>`)).toBe(
      "&lt;a href=&quot;x&quot; title=&#39;y&#39;&gt;&amp;amp;&lt;/a&gt;",
    );
  });

  it("keeps a link's text and address inside their element and attribute", () => {
    const text = `Book "now" & <script>alert(1)</script> it's <b>cheap</b>`;
    const { html } = snippet(csmLink(`https://trainer.example/book?a=1&b="2"&c=<x>'`, text));
    expect(html).not.toContain("<script>alert");
    expect(html).not.toContain("<b>");
    expect(html).toContain(
      '">Book &quot;now&quot; &amp; &lt;script&gt;alert(1)&lt;/script&gt; it&#39;s &lt;b&gt;cheap&lt;/b&gt;</a>',
    );
    const [link, ...others] = attributesOf(html, "a");
    expect(others).toEqual([]);
    expect(Object.keys(link ?? {})).toEqual(["slot", "href"]);
    const href = new URL(link?.href ?? "");
    expect(href.searchParams.get("a")).toBe("1");
    expect(href.searchParams.get("b")).toBe('"2"');
    expect(href.searchParams.get("c")).toBe("<x>'");
    expect(html).toContain(
      'href="https://trainer.example/book?a=1&amp;b=%222%22&amp;c=%3Cx%3E%27"',
    );
  });

  it("keeps a quiz file address inside the src attribute", () => {
    const { html } = snippet({
      quizSource: "url",
      quizUrl: `https://trainer.example/q.json?v="1"&x=<y>`,
      customLinks: [],
    });
    const [element] = attributesOf(html, "coursefit-quiz");
    expect(element).toEqual({ src: "https://trainer.example/q.json?v=%221%22&x=%3Cy%3E" });
    expect(html).toContain('src="https://trainer.example/q.json?v=%221%22&amp;x=%3Cy%3E"');
  });

  it("escapes a built-in quiz's title in the iframe's title", () => {
    const tricky = { ...quiz, title: `Fit "test" <b> & co` };
    const built = buildSnippet(
      { ...form({ mode: "iframe", pageAddress: "https://t.example/" }) },
      { quizzes: { [quiz.id]: tricky }, base },
    );
    expect(built.ok && built.html).toContain('title="Fit &quot;test&quot; &lt;b&gt; &amp; co"');
  });
});

describe("problems, each with the field to fix and a clear message", () => {
  it.each([
    [
      "trainer.example/csm",
      "Enter the address for the CSM booking link as a full web address, like https://example.com/book",
    ],
    [
      "javascript:alert(1)",
      "The address for the CSM booking link must start with https:// or http://",
    ],
    [
      "mailto:me@trainer.example",
      "The address for the CSM booking link must start with https:// or http://",
    ],
    [
      "https://",
      "Enter the address for the CSM booking link as a full web address, like https://example.com/book",
    ],
  ])("refuses the link %j", (url, message) => {
    expect(problems(csmLink(url))).toEqual([{ field: FIELD.linkUrl("csm"), message }]);
  });

  it("asks for link text when a link has an address", () => {
    expect(problems(csmLink("https://trainer.example/csm", "   "))).toEqual([
      { field: FIELD.linkText("csm"), message: "Enter the link text for the CSM booking link" },
    ]);
  });

  it.each([
    ["", "Enter the address of your quiz file"],
    [
      "my quiz.json",
      "Enter the address of your quiz file as a full web address, like https://example.com/quizzes/my-quiz.json",
    ],
    [
      "/quizzes/mine.json",
      "Enter the address of your quiz file as a full web address, like https://example.com/quizzes/my-quiz.json",
    ],
    [
      "ftp://trainer.example/q.json",
      "The address of your quiz file must start with https:// or http://",
    ],
    [
      "data:application/json,{}",
      "The address of your quiz file must start with https:// or http://",
    ],
  ])("refuses the quiz file address %j", (quizUrl, message) => {
    expect(problems({ quizSource: "url", quizUrl, customLinks: [] })).toEqual([
      { field: FIELD.quizUrl, message },
    ]);
  });

  it("refuses outcome link pairs with a missing, malformed or repeated outcome id", () => {
    expect(
      problems({
        quizSource: "url",
        quizUrl: "https://t.example/q.json",
        customLinks: [
          { key: 7, outcome: "", url: "https://t.example/a", text: "A" },
          { key: 8, outcome: "Product Owner", url: "https://t.example/b", text: "B" },
          { key: 9, outcome: "po", url: "https://t.example/c", text: "C" },
          { key: 10, outcome: "po", url: "nope", text: "" },
        ],
      }),
    ).toEqual([
      { field: FIELD.customOutcome(7), message: "Enter the outcome id for link 1" },
      {
        field: FIELD.customOutcome(8),
        message:
          "Enter the outcome id for link 2 as it is in your quiz file: lower-case letters, digits and dashes, like cspo",
      },
      {
        field: FIELD.customOutcome(10),
        message: 'Link 4 is for outcome "po" again: give each outcome one link',
      },
      {
        field: FIELD.customUrl(10),
        message:
          "Enter the address for link 4 as a full web address, like https://example.com/book",
      },
      { field: FIELD.customText(10), message: "Enter the link text for link 4" },
    ]);
  });

  it("asks for the address of an outcome link pair that has only an id", () => {
    expect(
      problems({
        quizSource: "url",
        quizUrl: "https://t.example/q.json",
        customLinks: [{ key: 1, outcome: "po", url: "", text: "" }],
      }),
    ).toEqual([
      { field: FIELD.customUrl(1), message: "Enter the address for link 1" },
      { field: FIELD.customText(1), message: "Enter the link text for link 1" },
    ]);
  });

  it("asks for the page's address for the iframe", () => {
    expect(problems({ mode: "iframe" })).toEqual([
      { field: FIELD.pageAddress, message: "Enter the address of the page the quiz goes on" },
    ]);
    expect(problems({ mode: "iframe", pageAddress: "trainer.example" })).toEqual([
      {
        field: FIELD.pageAddress,
        message:
          "Enter the address of the page the quiz goes on as a full web address, like https://example.com/courses/csm",
      },
    ]);
  });

  it("refuses colours, fonts and radii that could break out of the CSS rule", () => {
    expect(
      problems({
        accent: "red; } body { display: none",
        text: "#12345",
        background: "rgb(0,0,0)",
        font: 'Georgia; } * { color: red } x { a: "',
        radius: "6px; color: red",
      }).map((p) => p.field),
    ).toEqual([FIELD.accent, FIELD.text, FIELD.background, FIELD.font, FIELD.radius]);
    expect(problems({ accent: "blue" })).toEqual([
      {
        field: FIELD.accent,
        message: "Enter the accent colour as a hex colour code, like #1d5fbf",
      },
    ]);
    expect(problems({ font: '"Unclosed, serif' })).toEqual([
      {
        field: FIELD.font,
        message:
          "Enter font names separated by commas, like Georgia, serif (letters, digits, spaces, dashes, and quotes around a whole name)",
      },
    ]);
    expect(problems({ radius: "round" })).toEqual([
      { field: FIELD.radius, message: "Enter the corner radius as a size, like 6px or 0.5rem" },
    ]);
  });

  it("accepts hex colours with or without #, in short or long form", () => {
    expect(snippet({ accent: "0b6e4f" }).css).toContain("--cf-accent: #0b6e4f;");
    expect(snippet({ accent: "#AbC" }).css).toContain("--cf-accent: #aabbcc;");
    expect(snippet({ radius: "0px" }).css).toContain("--cf-radius: 0;");
    expect(snippet({ radius: "0.5REM" }).css).toContain("--cf-radius: 0.5rem;");
  });

  it("still describes the rest of the embed for the preview when a value is refused", () => {
    const { embed, problems } = checkForm(
      form({ accent: "#0b6e4f", ...csmLink("javascript:alert(1)") }),
      quizzes,
    );
    expect(problems).toHaveLength(1);
    expect(embed).toMatchObject({
      mode: "element",
      quiz: { kind: "built-in", id: "csm-vs-cspo" },
      links: [],
    });
    expect(embed.mode === "element" && embed.theme.properties[0]).toEqual([
      "--cf-accent",
      "#0b6e4f",
    ]);
  });
});
