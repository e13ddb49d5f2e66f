import { aabnPglite } from "../../src/server/db";
import { takstudviklingSuite } from "./takstudviklingSuite";

describe("the takstudvikling report on the service, PGlite (issue 21, acceptance 4)", () => {
  takstudviklingSuite(() => aabnPglite());
});
