// resize.js: the optional script a trainer adds to a page with a coursefit iframe,
//
//   <script src=".../resize.js"></script>
//
// so the iframe takes its content's height (no scroll bar of its own) and announces a
// finished quiz as a `coursefit-complete` event on the iframe. A classic script: the
// build bundles the logic in (src/embed/resize-accept.ts) and wraps it, so it defines no
// globals, imports nothing and exports nothing.
import { installResizer, scriptOrigin } from "./resize-accept";

// Read now: document.currentScript is this script only while it first runs.
installResizer(window, scriptOrigin(window.document?.currentScript));
