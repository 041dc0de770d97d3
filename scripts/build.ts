// Builds the pages (into dist/, or the folder given), then prerenders the quiz's intro into index.html so it paints before
// any JavaScript runs (React hydrates it). The server-side bundle is thrown away.
import { readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { build } from "vite";

// Always a production build, even when started from a test runner that set NODE_ENV=test.
process.env.NODE_ENV = "production";
process.env.VITE_CONFIG_NATIVE_IGNORE_WARNING ??= "true";
const dist = process.argv[2] ?? "dist";
const ssrOut = join(dist, ".prerender");

await build({ logLevel: "warn", build: { outDir: dist, emptyOutDir: true } });
await build({
  logLevel: "warn",
  build: { ssr: "src/app/prerender.tsx", outDir: ssrOut, emptyOutDir: true, copyPublicDir: false },
});

const { render } = (await import(
  pathToFileURL(join(process.cwd(), ssrOut, "prerender.js")).href
)) as { render: () => string };
const page = join(dist, "index.html");
const html = readFileSync(page, "utf8");
if (!html.includes("<!--app-html-->"))
  throw new Error(`${page} has no <!--app-html--> placeholder`);
writeFileSync(page, html.replace("<!--app-html-->", render()));
rmSync(ssrOut, { recursive: true, force: true });
console.log(`built ${dist}/ (intro prerendered)`);
