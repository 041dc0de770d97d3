// A trainer's colours, font and corner radius -> the --cf-* properties that theme the
// element, with the colours the trainer did not choose worked out to match, and the
// contrast checks (WCAG AA) those colours fail. Pure: no DOM.

export type Scheme = "light" | "dark";
/**
 * The trainer's choice: "auto" is the page's own scheme (or, with a background of their
 * own, the one that suits it), "device" the visitor's light or dark setting.
 */
export type SchemeChoice = Scheme | "auto" | "device";

/** What the trainer chose, each value already checked and normalised (see check.ts). */
export type ThemeChoice = {
  accent?: string;
  text?: string;
  background?: string;
  font?: string;
  radius?: string;
  scheme: SchemeChoice;
};

export type ResolvedTheme = {
  /** Custom properties for the element, in a stable order: [name, value]. */
  properties: [string, string][];
  /** The colour scheme to set on the element; undefined takes the host page's. */
  scheme?: Scheme | "light dark";
  /** Colour pairs that fail WCAG AA contrast, as sentences for the trainer. */
  warnings: string[];
};

type Palette = {
  accent: string;
  onAccent: string;
  text: string;
  muted: string;
  background: string;
  surface: string;
  border: string;
};

/** The quiz's own colours (src/ui/quiz.css), in each scheme. */
export const DEFAULT_COLOURS: Record<Scheme, Palette> = {
  light: {
    accent: "#1d5fbf",
    onAccent: "#ffffff",
    text: "#1b1b1f",
    muted: "#4a4a55",
    background: "#ffffff",
    surface: "#f3f4f7",
    border: "#6b6b76",
  },
  dark: {
    accent: "#8ab4f8",
    onAccent: "#0b1a33",
    text: "#ececf1",
    muted: "#b8b8c4",
    background: "#16161a",
    surface: "#23232a",
    border: "#8d8d99",
  },
};

/** "#abc", "#AABBCC" or "aabbcc" -> "#aabbcc"; anything else -> undefined. */
export function normaliseHex(value: string): string | undefined {
  const match = /^#?([0-9a-f]{3}|[0-9a-f]{6})$/i.exec(value.trim());
  if (!match?.[1]) return undefined;
  const digits = match[1].toLowerCase();
  return `#${digits.length === 3 ? [...digits].map((d) => d + d).join("") : digits}`;
}

function channels(hex: string): [number, number, number] {
  const n = Number.parseInt(hex.slice(1), 16);
  return [(n >> 16) & 255, (n >> 8) & 255, n & 255];
}

/** WCAG relative luminance of a "#rrggbb" colour. */
export function luminance(hex: string): number {
  const [r, g, b] = channels(hex).map((c) => {
    const s = c / 255;
    return s <= 0.04045 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  }) as [number, number, number];
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

/** WCAG contrast ratio of two "#rrggbb" colours, from 1 to 21. */
export function contrast(a: string, b: string): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (hi + 0.05) / (lo + 0.05);
}

/** `weight` of `a` mixed with the rest of `b`, in sRGB, as "#rrggbb". */
export function mix(a: string, b: string, weight: number): string {
  const ca = channels(a);
  const cb = channels(b);
  return `#${ca
    .map((c, i) => Math.round(c * weight + (cb[i] ?? 0) * (1 - weight)))
    .map((c) => c.toString(16).padStart(2, "0"))
    .join("")}`;
}

/** Whichever of the candidates stands out most against `against`. */
function mostContrasting(against: string, candidates: string[]): string {
  return candidates.reduce((best, c) =>
    contrast(c, against) > contrast(best, against) ? c : best,
  );
}

const PAIRS: { fore: keyof Palette; back: keyof Palette; needs: number; what: string }[] = [
  { fore: "text", back: "background", needs: 4.5, what: "Text on the background" },
  { fore: "text", back: "surface", needs: 4.5, what: "Text on the answer boxes" },
  { fore: "muted", back: "background", needs: 4.5, what: "Hints on the background" },
  { fore: "accent", back: "background", needs: 4.5, what: "Links in the accent colour" },
  { fore: "onAccent", back: "accent", needs: 4.5, what: "Button text on the accent colour" },
  { fore: "border", back: "background", needs: 3, what: "Borders of answer boxes and fields" },
];

export function resolveTheme(choice: ThemeChoice): ResolvedTheme {
  const mine: Partial<Palette> = {};
  if (choice.accent) {
    mine.accent = choice.accent;
    mine.onAccent = mostContrasting(choice.accent, ["#ffffff", "#000000"]);
  }
  // Text and background go together: the one not chosen is the quiz's light or dark one
  // that suits the other, and the in-between shades follow from the two.
  if (choice.text || choice.background) {
    const text =
      choice.text ??
      mostContrasting(choice.background ?? "", [
        DEFAULT_COLOURS.light.text,
        DEFAULT_COLOURS.dark.text,
      ]);
    const background =
      choice.background ??
      mostContrasting(text, [DEFAULT_COLOURS.light.background, DEFAULT_COLOURS.dark.background]);
    Object.assign(mine, {
      text,
      background,
      surface: mix(text, background, 0.07),
      muted: mix(text, background, 0.8),
      border: mix(text, background, 0.62),
    });
  }
  // With a background of their own, the scheme is the one that suits it (native controls
  // and the quiz's remaining defaults follow it), unless the trainer fixed one.
  const scheme: ResolvedTheme["scheme"] =
    choice.scheme === "device"
      ? "light dark"
      : choice.scheme !== "auto"
        ? choice.scheme
        : mine.background
          ? contrast(mine.background, "#000000") >= contrast(mine.background, "#ffffff")
            ? "light"
            : "dark"
          : undefined;

  const properties: [string, string][] = [];
  const add = (name: string, value: string | undefined) => {
    if (value) properties.push([name, value]);
  };
  add("--cf-accent", mine.accent);
  add("--cf-on-accent", mine.onAccent);
  add("--cf-text", mine.text);
  add("--cf-muted", mine.muted);
  add("--cf-background", mine.background);
  add("--cf-surface", mine.surface);
  add("--cf-border", mine.border);
  add("--cf-font", choice.font);
  add("--cf-radius", choice.radius);

  // The page's scheme is not known here: both are checked unless one is fixed.
  const schemes: Scheme[] = scheme === "light" || scheme === "dark" ? [scheme] : ["light", "dark"];
  const warnings: string[] = [];
  for (const s of schemes) {
    const palette = { ...DEFAULT_COLOURS[s], ...mine };
    for (const pair of PAIRS) {
      const ratio = contrast(palette[pair.fore], palette[pair.back]);
      if (ratio >= pair.needs) continue;
      const where = schemes.length > 1 ? ` in the ${s} colour scheme` : "";
      warnings.push(
        `${pair.what}${where}: contrast ${formatRatio(ratio)}, but at least ${pair.needs}:1 is needed.`,
      );
    }
  }
  return { properties, scheme, warnings };
}

/** 4.4999 -> "4.49:1": rounded down, so a ratio shown as passing never fails. */
function formatRatio(ratio: number): string {
  return `${Math.floor(ratio * 100) / 100}:1`;
}
