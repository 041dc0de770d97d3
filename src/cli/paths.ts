// Where the CLI finds what ships beside it. Compiled (scripts/build-cli.ts), this code lands
// in a file one folder below lib/, as deep below the package root as this file is, so the
// same relative URLs work from the TypeScript sources and from the installed package.
import { fileURLToPath } from "node:url";

/** The quizzes shipped with the package, for `coursefit take csm-vs-cspo`. */
export const BUNDLED_QUIZZES = fileURLToPath(new URL("../../quizzes/", import.meta.url));

/** The built pages (`npm run build`) that `coursefit serve` serves. */
export const BUILT_PAGES = fileURLToPath(new URL("../../dist/", import.meta.url));
