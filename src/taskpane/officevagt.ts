import { vagtOfficeJs } from "./kunBesked";

/**
 * Entry of officevagt.js: loaded before office.js in taskpane.html (the page of both the task
 * pane and the custom functions), so it is already listening when office.js fails or hangs.
 */
vagtOfficeJs(window);
