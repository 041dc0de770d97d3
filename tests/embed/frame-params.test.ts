// The iframe's own parameters: the trainer's page for result links, and booking links,
// both http(s) only; anything else is ignored, as if it had not been given.
import { describe, expect, it } from "vitest";
import {
  bookingsIn,
  frameResultUrl,
  schemeParam,
  webAddressParam,
} from "../../src/embed/frame-params";
import { loadQuiz } from "../helpers/quiz";

const quiz = loadQuiz();
const FRAME = "https://quiz.example/coursefit/embed.html?quiz=csm-vs-cspo";

describe("the trainer's page", () => {
  it("is where a result link leads when the snippet names it", () => {
    const page = webAddressParam("https://trainer.example/courses/csm?x=1");
    expect(frameResultUrl(page, FRAME)("abc")).toBe(
      "https://trainer.example/courses/csm?x=1#r=abc",
    );
  });

  it("is ignored unless it is an http(s) address: the quiz page beside the frame then", () => {
    for (const bad of ["javascript:alert(1)", "data:text/html,x", "/relative", "", null])
      expect(frameResultUrl(webAddressParam(bad), FRAME)("abc")).toBe(
        "https://quiz.example/coursefit/#r=abc",
      );
  });
});

describe("booking links", () => {
  it("are taken per outcome, with their words, http(s) only", () => {
    const params = new URLSearchParams({
      "book-csm": "https://trainer.example/book/csm",
      "book-csm-text": "  Book our   CSM course ",
      "book-cspo": "javascript:alert(1)",
      "book-cspo-text": "Book our CSPO course",
      "book-other": "https://trainer.example/other",
      "book-other-text": "Not an outcome",
    });
    expect(bookingsIn(params, quiz)).toEqual({
      csm: { href: "https://trainer.example/book/csm", text: "Book our CSM course" },
    });
  });

  it("leave out a link without words", () => {
    const params = new URLSearchParams({ "book-csm": "https://trainer.example/book/csm" });
    expect(bookingsIn(params, quiz)).toEqual({});
  });
});

describe("the colour scheme", () => {
  it("is light unless the snippet asks for dark or the visitor's device", () => {
    expect(schemeParam(null)).toBe("light");
    expect(schemeParam("dark")).toBe("dark");
    expect(schemeParam(" light   dark ")).toBe("light dark");
    for (const bad of ["", "purple", "dark; background: red", "only dark"])
      expect(schemeParam(bad)).toBe("light");
  });
});
