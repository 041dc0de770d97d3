// Renders the intro to HTML at build time, so it paints before any JavaScript runs.
import { renderToString } from "react-dom/server";
import { App } from "./App";

export function render(): string {
  return renderToString(<App start={{ kind: "fresh" }} resultUrl={() => ""} />);
}
