// Builds everything into dist/ (or the folder given): each page and script on its own, so
// that each is one self-contained file plus lazy chunks, not a web of shared chunks; then
// prerenders the quiz's intro into index.html so it paints before any JavaScript runs
// (React hydrates it). The server-side bundle is thrown away.
import { readFileSync, rmSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { pathToFileURL } from "node:url";
import { build } from "vite";
import { BUILDS } from "../vite.config";

// Always a production build, even when started from a test runner that set NODE_ENV=test.
process.env.NODE_ENV = "production";
process.env.VITE_CONFIG_NATIVE_IGNORE_WARNING ??= "true";
const dist = process.argv[2] ?? "dist";
const ssrOut = join(dist, ".prerender");

for (const [i, part] of Object.keys(BUILDS).entries()) {
  process.env.COURSEFIT_BUILD = part;
  await build({
    logLevel: "warn",
    build: { outDir: dist, emptyOutDir: i === 0, copyPublicDir: i === 0 },
  });
}
delete process.env.COURSEFIT_BUILD;
await build({
  logLevel: "warn",
  build: {
    ssr: true,
    outDir: ssrOut,
    emptyOutDir: true,
    copyPublicDir: false,
    rolldownOptions: { input: "src/app/prerender.tsx", output: { entryFileNames: "prerender.js" } },
  },
});

const { render } = (await import(pathToFileURL(resolve(ssrOut, "prerender.js")).href)) as {
  render: () => string;
};
const page = join(dist, "index.html");
const html = readFileSync(page, "utf8");
if (!html.includes("<!--app-html-->"))
  throw new Error(`${page} has no <!--app-html--> placeholder`);
writeFileSync(page, html.replace("<!--app-html-->", render()));
rmSync(ssrOut, { recursive: true, force: true });
console.log(`built ${dist}/ (intro prerendered)`);
