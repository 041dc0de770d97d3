// A summary's counts -> figures with names: what the terminal prints and the summary page
// draws, so both say the same thing in the same words.
import { compileQuiz } from "../compile";
import type { Quiz } from "../schema";
import { BALANCED, NONE, SCORE_BINS, type Summary, slotLayout } from "./summary";

export type GroupFigure = { id: string; label: string; count: number; share: number };

export type TraitFigure = {
  trait: string;
  outcome: string;
  label: string;
  /** Per group (only groups with rows): how many scores, their mean and spread, and bins of ten points. */
  byGroup: { group: string; count: number; mean: number; sd: number; bins: number[] }[];
};

export type AnswerFigure = {
  /** 0 for "not answered or not shown", then the option index + 1 or the scale point. */
  slot: number;
  label: string;
  byGroup: number[];
  total: number;
};

export type QuestionFigure = {
  id: string;
  prompt: string;
  answers: AnswerFigure[];
  /** Rows whose recommendation would change without this answer, per group and in all. */
  decisive: number[];
  decisiveTotal: number;
  /** The answers that most often decided a result, most first. */
  decidedBy: { slot: number; label: string; count: number }[];
};

export type Report = {
  results: number;
  groups: GroupFigure[];
  strength: { id: "balanced" | "slight" | "clear" | "strong"; count: number }[];
  margins: number[];
  withinTie: number;
  closeToTie: number;
  tieMargin: number;
  traits: TraitFigure[];
  questions: QuestionFigure[];
};

export function groupLabel(quiz: Quiz, group: string): string {
  if (group === BALANCED) return "Balanced";
  if (group === NONE) return "Nothing answered";
  const outcome = quiz.outcomes.find((o) => o.id === group);
  return outcome?.shortLabel ?? outcome?.label ?? group;
}

export function report(quiz: Quiz, summary: Summary): Report {
  const compiled = compileQuiz(quiz);
  const g = summary.groups.length;
  const share = (n: number) => (summary.results > 0 ? n / summary.results : 0);
  const groups = summary.groups.map((id, i) => {
    const count = summary.byGroup[i] ?? 0;
    return { id, label: groupLabel(quiz, id), count, share: share(count) };
  });

  const traits = quiz.traits.flatMap((trait, t) =>
    quiz.outcomes.map((outcome, o): TraitFigure => {
      const p = t * compiled.outcomes + o;
      const byGroup = summary.groups.flatMap((group, gi) => {
        const at = (gi * compiled.pairs + p) * 3;
        const count = summary.traitStats[at] ?? 0;
        if (count === 0) return [];
        const mean = (summary.traitStats[at + 1] ?? 0) / count / 10;
        const square = (summary.traitStats[at + 2] ?? 0) / count / 100;
        const bins = summary.traitBins.slice(
          (gi * compiled.pairs + p) * SCORE_BINS,
          (gi * compiled.pairs + p + 1) * SCORE_BINS,
        );
        return [{ group, count, mean, sd: Math.sqrt(Math.max(0, square - mean * mean)), bins }];
      });
      return {
        trait: trait.id,
        outcome: outcome.id,
        label: `${trait.label}: ${outcome.shortLabel ?? outcome.label}`,
        byGroup,
      };
    }),
  );

  const { start } = slotLayout(compiled);
  const questions = quiz.questions.map((question, q): QuestionFigure => {
    const labels =
      question.type === "scale" ? question.labels : question.options.map((o) => o.label);
    const first = start[q] ?? 0;
    const answers = ["Not answered or not shown", ...labels].map((label, slot) => {
      const byGroup = summary.answers.slice((first + slot) * g, (first + slot + 1) * g);
      return { slot, label, byGroup, total: byGroup.reduce((a, b) => a + b, 0) };
    });
    const decisive = summary.decisive.slice(q * g, (q + 1) * g);
    const decidedBy = labels
      .map((label, i) => ({ slot: i + 1, label, count: summary.decidedBy[first + i + 1] ?? 0 }))
      .filter((d) => d.count > 0)
      .sort((a, b) => b.count - a.count || a.slot - b.slot);
    return {
      id: question.id,
      prompt: question.prompt,
      answers,
      decisive,
      decisiveTotal: decisive.reduce((a, b) => a + b, 0),
      decidedBy,
    };
  });

  return {
    results: summary.results,
    groups,
    strength: (["balanced", "slight", "clear", "strong"] as const).map((id, i) => ({
      id,
      count: summary.strength[i] ?? 0,
    })),
    margins: summary.margins,
    withinTie: summary.withinTie,
    closeToTie: summary.closeToTie,
    tieMargin: quiz.scoring.tieMargin,
    traits,
    questions,
  };
}

/** A share as a whole percentage, e.g. "42%". */
export function percent(share: number): string {
  return `${Math.round(share * 100)}%`;
}
