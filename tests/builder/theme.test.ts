// The trainer's colours -> the element's custom properties, the shades worked out to go
// with them, and warnings for colours that do not contrast enough to read (WCAG AA).
import { describe, expect, it } from "vitest";
import {
  contrast,
  DEFAULT_COLOURS,
  luminance,
  mix,
  normaliseHex,
  resolveTheme,
} from "../../src/builder/theme";

describe("colour arithmetic", () => {
  it("normalises hex codes and refuses anything else", () => {
    expect(normaliseHex("#ABC")).toBe("#aabbcc");
    expect(normaliseHex(" 0b6e4f ")).toBe("#0b6e4f");
    for (const bad of ["", "#ab", "#abcd", "#ggg000", "red", "rgb(0,0,0)", "#0b6e4f;"])
      expect(normaliseHex(bad), bad).toBeUndefined();
  });

  it("computes WCAG luminance and contrast", () => {
    expect(luminance("#000000")).toBe(0);
    expect(luminance("#ffffff")).toBeCloseTo(1);
    expect(contrast("#000000", "#ffffff")).toBeCloseTo(21);
    expect(contrast("#ffffff", "#000000")).toBeCloseTo(21);
    // The usual reference pair: #767676 on white is just over 4.5:1.
    expect(contrast("#767676", "#ffffff")).toBeCloseTo(4.54, 2);
  });

  it("mixes two colours", () => {
    expect(mix("#000000", "#ffffff", 0.5)).toBe("#808080");
    expect(mix("#ff0000", "#0000ff", 1)).toBe("#ff0000");
  });

  it("the quiz's own colours pass in both schemes", () => {
    expect(resolveTheme({ scheme: "auto" })).toEqual({
      properties: [],
      scheme: undefined,
      warnings: [],
    });
    for (const scheme of ["light", "dark"] as const) {
      const p = DEFAULT_COLOURS[scheme];
      expect(contrast(p.text, p.background)).toBeGreaterThan(4.5);
    }
  });
});

describe("resolveTheme", () => {
  it("picks the button text that reads best on the accent", () => {
    const dark = resolveTheme({ accent: "#0b6e4f", scheme: "light" });
    expect(dark.properties).toEqual([
      ["--cf-accent", "#0b6e4f"],
      ["--cf-on-accent", "#ffffff"],
    ]);
    const light = resolveTheme({ accent: "#ffd166", scheme: "dark" });
    expect(light.properties).toContainEqual(["--cf-on-accent", "#000000"]);
  });

  it("completes the text or the background and the shades between them", () => {
    const theme = resolveTheme({ background: "#102030", scheme: "auto" });
    const props = Object.fromEntries(theme.properties);
    expect(props["--cf-background"]).toBe("#102030");
    expect(props["--cf-text"]).toBe(DEFAULT_COLOURS.dark.text);
    expect(theme.scheme).toBe("dark");
    for (const name of ["--cf-surface", "--cf-muted", "--cf-border"])
      expect(props[name], name).toMatch(/^#[0-9a-f]{6}$/);
    expect(contrast(props["--cf-muted"] ?? "", "#102030")).toBeGreaterThanOrEqual(4.5);
    expect(theme.warnings).toEqual([]);
  });

  it("keeps the trainer's fixed scheme over the one their background suggests", () => {
    expect(resolveTheme({ background: "#ffffff", scheme: "dark" }).scheme).toBe("dark");
    expect(resolveTheme({ background: "#ffffff", scheme: "auto" }).scheme).toBe("light");
  });

  it("warns about text that is hard to read, naming the scheme when both are possible", () => {
    const grey = resolveTheme({ text: "#999999", background: "#ffffff", scheme: "auto" });
    expect(grey.warnings).toContain(
      "Text on the background: contrast 2.84:1, but at least 4.5:1 is needed.",
    );
    // An accent that suits light backgrounds but not the dark scheme's.
    const accent = resolveTheme({ accent: "#1a4d8f", scheme: "auto" });
    expect(accent.warnings).toEqual([
      expect.stringMatching(
        /^Links in the accent colour in the dark colour scheme: contrast 2\.\d+:1, but at least 4\.5:1 is needed\.$/,
      ),
    ]);
    expect(resolveTheme({ accent: "#1a4d8f", scheme: "light" }).warnings).toEqual([]);
  });

  it("passes font and radius through", () => {
    expect(
      resolveTheme({ font: "Georgia, serif", radius: "0", scheme: "auto" }).properties,
    ).toEqual([
      ["--cf-font", "Georgia, serif"],
      ["--cf-radius", "0"],
    ]);
  });
});
