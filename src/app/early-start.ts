// The app's side of public/early-start.js: marks the page as taken over, so that the
// script stops noting presses of Start, and says whether one was noted before.
export function takeOverFromEarlyStart(root: HTMLElement): boolean {
  root.dataset.cfApp = "";
  const requested = root.hasAttribute("data-cf-start-requested");
  root.removeAttribute("data-cf-start-requested");
  return requested;
}
