// Compiles the command line and the engine's public API into lib/, so that the installed
// package runs on plain Node (no tsx, no dev dependency): lib/cli/main.js for the
// `coursefit` command, lib/engine/index.js with its types in lib/types/ for
// `import ... from "coursefit/engine"`. Packages stay imports (they are the package's
// dependencies); only our own code is bundled. `npm pack` runs this (prepack).
import { execFileSync } from "node:child_process";
import { rmSync } from "node:fs";
import { build } from "vite";

process.env.NODE_ENV = "production";
const out = "lib";
rmSync(out, { recursive: true, force: true });

await build({
  configFile: false,
  logLevel: "warn",
  build: {
    ssr: true,
    target: "node20",
    outDir: out,
    emptyOutDir: false,
    copyPublicDir: false,
    minify: false,
    rolldownOptions: {
      input: { "cli/main": "src/cli/main.ts", "engine/index": "src/engine/index.ts" },
      // Shared and lazy chunks one folder deep, like the entries: src/cli/paths.ts finds
      // the package root two levels up from whichever file it ends up in.
      output: { format: "es", chunkFileNames: "chunks/[name]-[hash].js" },
    },
  },
});
execFileSync(process.execPath, [
  "node_modules/typescript/bin/tsc",
  "--project",
  "tsconfig.lib.json",
]);
console.log(`built ${out}/ (the command line and coursefit/engine)`);
