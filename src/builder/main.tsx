// The embed builder page: registers <coursefit-quiz> for the live preview and renders the
// builder into <main>.
import "../embed/element";
import "../ui/quiz.css";
import "./builder.css";
import { createRoot } from "react-dom/client";
import { builtInQuizzes } from "../quizzes";
import { Builder } from "./Builder";

const container = document.getElementById("builder");
if (!container) throw new Error("the page has no #builder element");

createRoot(container).render(
  <Builder
    quizzes={builtInQuizzes}
    base={new URL("./", location.href).href}
    pageOrigin={location.origin}
  />,
);
