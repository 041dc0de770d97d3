// Loaded before the app: the intro is in the HTML and paints first, so a person may press
// Start before the app has taken over the page. Such a press is noted here and the app
// opens on the first question instead of ignoring it. Only presses made before the app
// takes over count (it marks <html data-cf-app>): after that its own handlers answer every
// click, and a later return to the intro (Back, Start again) must not start the quiz again.
document.addEventListener(
  "click",
  (event) => {
    const root = document.documentElement;
    if (root.hasAttribute("data-cf-app")) return;
    if (event.target instanceof Element && event.target.closest(".cf-intro .cf-primary")) {
      root.dataset.cfStartRequested = "";
    }
  },
  { capture: true },
);
