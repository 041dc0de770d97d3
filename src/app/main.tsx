import { createRoot, hydrateRoot } from "react-dom/client";
import { browserProgressStore, localStorageOrNothing } from "../ui/progress-store";
import { decideStart } from "../ui/start";
import { App, quiz } from "./App";
import { takeOverFromEarlyStart } from "./early-start";

const container = document.getElementById("app");
if (!container) throw new Error("the page has no #app element");

const store = browserProgressStore(`coursefit:${quiz.id}`, localStorageOrNothing);
const start = decideStart(quiz, location.hash, store);
const page = `${location.origin}${location.pathname}${location.search}`;
// From here on React answers every click; a press of Start made before counts once.
const startedEarly = takeOverFromEarlyStart(document.documentElement);

const app = (
  <App
    start={start}
    store={store}
    resultUrl={(token) => `${page}#r=${token}`}
    startedEarly={startedEarly}
    onResultChange={(token) => {
      // The fragment carries the answers: it never reaches a server or a Referer header.
      // The entry keeps its state: it is a step of the quiz (see use-step-history).
      if (token) history.replaceState(history.state, "", `#r=${token}`);
      else if (location.hash.startsWith("#r=")) history.replaceState(history.state, "", page);
    }}
  />
);

// The intro is prerendered into the HTML and hydrated; a visit that opens anywhere else
// (a result, a resumed quiz, or the first question after an early Start) renders afresh,
// in one render, without hydrating an intro it would leave at once.
if (start.kind === "fresh" && !startedEarly && container.firstElementChild)
  hydrateRoot(container, app);
else createRoot(container).render(app);
