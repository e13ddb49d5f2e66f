import Fastify from "fastify";
import { authPlugin } from "../../src/server/auth";
import { aabnPglite } from "../../src/server/db";
import { STANDARD_HASTIGHED, hastighedPlugin } from "../../src/server/graenser";
import { indberetningerPlugin } from "../../src/server/indberetninger";
import { openapiPlugin } from "../../src/server/kontrakt";
import { statiskPlugin } from "../../src/server/statisk";
import { webPlugin } from "../../src/server/web";
import { lavRegister } from "../../src/regelsaet";

// The order of the service's plugins is declared (fastify-plugin's dependencies) and checked at start.
describe("plugin order", () => {
  it("the rate limit cannot be registered before auth (it keys on the token auth found)", async () => {
    const app = Fastify();
    await expect(app.register(hastighedPlugin, STANDARD_HASTIGHED)).rejects.toThrow(/takst-auth/);
    await app.close();
  });

  it("the submission routes need auth and the OpenAPI description before them, and start with both", async () => {
    const db = await aabnPglite();
    const o = { db, register: lavRegister([]), bodyLimit: 1024 };
    const uden = Fastify();
    await expect(uden.register(indberetningerPlugin, o)).rejects.toThrow(/takst-auth/);
    await uden.close();
    const med = Fastify();
    await med.register(authPlugin, { db });
    await med.register(openapiPlugin);
    await med.register(indberetningerPlugin, o);
    await med.register(hastighedPlugin, STANDARD_HASTIGHED);
    await expect(med.ready()).resolves.toBeDefined();
    await med.close();
    await db.close();
  });

  it("the add-in's files need the web plugin before them (its compression hooks only reach later routes)", async () => {
    const uden = Fastify();
    await uden.register(openapiPlugin);
    await expect(uden.register(statiskPlugin, { mappe: __dirname })).rejects.toThrow(/takst-web/);
    await uden.close();
    const med = Fastify();
    await med.register(webPlugin);
    await med.register(openapiPlugin);
    await med.register(statiskPlugin, { mappe: __dirname });
    await expect(med.ready()).resolves.toBeDefined();
    await med.close();
  });
});
