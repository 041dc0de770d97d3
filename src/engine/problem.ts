/** One thing wrong with a quiz file, located so that a trainer can go straight to it. */
export type Problem = {
  /** The file as the trainer named it. */
  file: string;
  /** 1-based line and column in that file. */
  line: number;
  col: number;
  /** JSON Pointer to the value at fault ("" for the whole document). */
  pointer: string;
  /** A stable, machine-readable code: one per rule. */
  code: string;
  message: string;
};

export type Path = readonly (string | number)[];

export function toPointer(path: Path): string {
  return path.map((part) => `/${String(part).replace(/~/g, "~0").replace(/\//g, "~1")}`).join("");
}

export function formatProblem(p: Problem): string {
  return `${p.file}:${p.line}:${p.col} ${p.pointer || "/"} ${p.code} ${p.message}`;
}
