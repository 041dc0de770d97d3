import { afterEach, describe, expect, it, vi } from "vitest";
import { collectOption } from "../../src/embed/collect-option";

const SERVER = "https://quiz.trainer.example/embed.js";
const none = { collect: null, trainer: null, cohort: null };

describe("the collect option", () => {
  afterEach(() => vi.restoreAllMocks());

  it("sends nothing without collect, whatever else is set", () => {
    expect(collectOption({ ...none, trainer: "Northwind", cohort: "may" }, SERVER)).toBeUndefined();
  });

  it("means the quiz's own server when it has no value", () => {
    expect(collectOption({ ...none, collect: "" }, SERVER)).toEqual({
      endpoint: "https://quiz.trainer.example/",
      trainer: "the course's trainer",
    });
  });

  it("takes another server's origin, the trainer's name and a cohort", () => {
    expect(
      collectOption(
        {
          collect: "https://results.example/some/path?x=1",
          trainer: " Northwind ",
          cohort: "may-2027",
        },
        SERVER,
      ),
    ).toEqual({ endpoint: "https://results.example/", trainer: "Northwind", cohort: "may-2027" });
  });

  it("refuses anything but http(s), with a console note", () => {
    const warn = vi.spyOn(console, "warn").mockImplementation(() => {});
    expect(collectOption({ ...none, collect: "javascript:alert(1)" }, SERVER)).toBeUndefined();
    expect(collectOption({ ...none, collect: "http://[" }, SERVER)).toBeUndefined();
    expect(warn).toHaveBeenCalledTimes(2);
  });
});
