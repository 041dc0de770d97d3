// The summary page: starts the worker with the built-in quiz and renders the page.
import "../ui/quiz.css";
import "./summary.css";
import { createRoot } from "react-dom/client";
import { builtInQuizzes, DEFAULT_QUIZ } from "../quizzes";
import type { ToWorker } from "./protocol";
import { SummaryPage } from "./SummaryPage";

const container = document.getElementById("summary");
if (!container) throw new Error("the page has no #summary element");
const quiz = builtInQuizzes[DEFAULT_QUIZ];
if (!quiz) throw new Error("the built-in quiz is missing");

const worker = new Worker(new URL("./worker.ts", import.meta.url), { type: "module" });
worker.postMessage({ type: "start", quiz } satisfies ToWorker);
createRoot(container).render(<SummaryPage quiz={quiz} worker={worker} />);
