// Starts GOV.UK Frontend's components, also inside content that htmx swaps into the page.
import { initAll } from "../vendor/govuk-frontend.min.js";

document.body.classList.add("js-enabled", "govuk-frontend-supported");
initAll();
document.body.addEventListener("htmx:afterSwap", function (event) {
  initAll({ scope: event.detail.target });
  var summary = event.detail.target.querySelector(".govuk-error-summary");
  var heading = event.detail.target.querySelector("h1");
  if (summary) { summary.focus(); } else if (heading) { heading.setAttribute("tabindex", "-1"); heading.focus(); }
});
