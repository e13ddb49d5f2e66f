import { aabnPglite } from "../../src/server/db";
import { ydelserSuite } from "./ydelserSuite";

describe("Ydelser on the service, PGlite", () => {
  ydelserSuite(() => aabnPglite());
});
