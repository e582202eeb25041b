// Cohesio: the one script every page loads (type="module"; no inline scripts).
import { initAll } from "../vendor/govuk-frontend.min.js";

document.body.classList.add("js-enabled", "govuk-frontend-supported");
initAll();
