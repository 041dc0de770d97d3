import { createRoot, hydrateRoot } from "react-dom/client";
import { browserProgressStore, localStorageOrNothing } from "../ui/progress-store";
import { decideStart } from "../ui/start";
import { App, quiz } from "./App";

const container = document.getElementById("app");
if (!container) throw new Error("the page has no #app element");

const store = browserProgressStore(`coursefit:${quiz.id}`, localStorageOrNothing);
const start = decideStart(quiz, location.hash, store);
const page = `${location.origin}${location.pathname}${location.search}`;

const app = (
  <App
    start={start}
    store={store}
    resultUrl={(token) => `${page}#r=${token}`}
    startRequested={() => {
      // Set by public/early-start.js when Start was pressed before this script ran.
      const requested = document.documentElement.hasAttribute("data-cf-start-requested");
      document.documentElement.removeAttribute("data-cf-start-requested");
      return requested;
    }}
    onResultChange={(token) => {
      // The fragment carries the answers: it never reaches a server or a Referer header.
      if (token) history.replaceState(null, "", `#r=${token}`);
      else if (location.hash.startsWith("#r=")) history.replaceState(null, "", page);
    }}
  />
);

// The intro is prerendered into the HTML; a visit that starts anywhere else renders afresh.
if (start.kind === "fresh" && container.firstElementChild) hydrateRoot(container, app);
else createRoot(container).render(app);
