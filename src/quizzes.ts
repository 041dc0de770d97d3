// The quizzes that ship with coursefit, by id: validated at build time (src/build/quiz-plugin.ts).
import csmVsCspo from "../quizzes/csm-vs-cspo.yaml";
import type { Quiz } from "./engine/schema";

export const builtInQuizzes: Readonly<Record<string, Quiz>> = { [csmVsCspo.id]: csmVsCspo };

export const DEFAULT_QUIZ = csmVsCspo.id;
