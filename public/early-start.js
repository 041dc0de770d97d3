// Loaded before the app: the intro is in the HTML and paints first, so a person may press
// Start before the app has taken over the page. That press is noted here, and the app
// starts the quiz as soon as it is ready, instead of ignoring the press.
document.addEventListener(
  "click",
  (event) => {
    if (event.target instanceof Element && event.target.closest(".cf-intro .cf-primary")) {
      document.documentElement.dataset.cfStartRequested = "";
    }
  },
  { capture: true },
);
