// The focus ring against every background it can sit on, light and dark, worked out from
// the theme's own custom properties in quiz.css (WCAG 1.4.11: at least 3:1).
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";

const css = readFileSync("src/ui/quiz.css", "utf8");

type Rgb = [number, number, number];

function hex(text: string): Rgb {
  const m = /^#([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(text.trim());
  if (!m) throw new Error(`not a #rrggbb colour: ${text}`);
  return [m[1], m[2], m[3]].map((h) => Number.parseInt(h ?? "", 16)) as Rgb;
}

/** A default written as `--_name: var(--cf-name, light-dark(#light, #dark))`. */
function themed(name: string): { light: Rgb; dark: Rgb } {
  const m = new RegExp(`--_${name}: var\\(--cf-${name}, light-dark\\(([^,]+), ([^)]+)\\)\\)`).exec(
    css,
  );
  if (!m) throw new Error(`quiz.css has no light-dark default for --_${name}`);
  return { light: hex(m[1] ?? ""), dark: hex(m[2] ?? "") };
}

/** `color-mix(in srgb, A p%, B)`: each gamma-encoded channel mixed linearly. */
function mix(a: Rgb, p: number, b: Rgb): Rgb {
  return a.map((v, i) => v * p + (b[i] ?? 0) * (1 - p)) as Rgb;
}

function luminance(rgb: Rgb): number {
  const [r, g, b] = rgb.map((v) => {
    const c = v / 255;
    return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  }) as Rgb;
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

function contrast(a: Rgb, b: Rgb): number {
  const [x, y] = [luminance(a), luminance(b)].sort((p, q) => q - p) as [number, number];
  return (x + 0.05) / (y + 0.05);
}

describe("the focus ring", () => {
  const selected =
    /--_selected: var\(--cf-selected, color-mix\(in srgb, var\(--_accent\) (\d+)%, var\(--_surface\)\)\)/.exec(
      css,
    );

  it("is at least 3:1 against the page, a row and a chosen row, light and dark", () => {
    expect(selected, "the chosen row's tint is a mix of accent and surface").not.toBeNull();
    const share = Number(selected?.[1]) / 100;
    const [focus, background, surface, accent] = ["focus", "background", "surface", "accent"].map(
      themed,
    ) as ReturnType<typeof themed>[];
    for (const scheme of ["light", "dark"] as const) {
      const grounds = {
        background: background?.[scheme],
        surface: surface?.[scheme],
        selected: mix(accent?.[scheme] as Rgb, share, surface?.[scheme] as Rgb),
      };
      for (const [ground, rgb] of Object.entries(grounds)) {
        const ratio = contrast(focus?.[scheme] as Rgb, rgb as Rgb);
        expect(
          ratio,
          `${scheme}: focus on ${ground} is ${ratio.toFixed(2)}:1`,
        ).toBeGreaterThanOrEqual(3);
      }
    }
  });

  it("computes contrast as WCAG does (black on white is 21:1, yellow on white under 2:1)", () => {
    expect(contrast([0, 0, 0], [255, 255, 255])).toBeCloseTo(21, 5);
    expect(contrast(hex("#ffbf47"), hex("#ffffff"))).toBeLessThan(2);
  });
});
