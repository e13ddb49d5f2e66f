import { resolve } from "node:path";
import cors from "@fastify/cors";
import Fastify, { type FastifyInstance, type FastifyServerOptions } from "fastify";
import type { RegelsaetRegister } from "../regelsaet";
import { laesRegelsaetFiler } from "../regelsaet/fraMappe";
import { authPlugin } from "./auth";
import { hjaelpPlugin } from "./hjaelp";
import type { OidcKonfig } from "./login/konfig";
import { loginPlugin } from "./login";
import type { TrustProxy } from "./klientadresse";
import type { Db } from "./db";
import { dialogPlugin } from "./dialog";
import { overvaag } from "./dbTilgaengelighed";
import { fejlPlugin } from "./fejl";
import { forventedePlugin } from "./forventede";
import { revisionssporPlugin } from "./revisionsspor";
import { type Hastighedsgraense, STANDARD_BODY_LIMIT, STANDARD_TIDSGRAENSER, type Tidsgraenser, hastighedPlugin } from "./graenser";
import { migrer } from "./migrationer";
import { offentliggoerelsePlugin } from "./offentliggoerelse";
import { oversigtPlugin } from "./oversigt";
import { lavServerRegister, regelsaetPlugin } from "./regelsaet";
import { indberetningerPlugin } from "./indberetninger";
import type { Kvitteringskontrol } from "./kvitteringer";
import { kvitteringsAdvarselPlugin } from "./kvitteringer/advarsel";
import { openapiPlugin } from "./kontrakt";
import { statiskPlugin } from "./statisk";
import { tilgaengelighedPlugin } from "./tilgaengelighed";
import { tilsynPlugin } from "./tilsyn";
import { webPlugin } from "./web";
import { takstudviklingPlugin } from "./takstudvikling";
import { benchmarkPlugin } from "./benchmark";
import { puljerPlugin } from "./puljer";
import { efterreguleringPlugin } from "./efterregulering";
import { type MailKonfig, lavUdbakke, udbakkePlugin } from "./udbakke";

export const STANDARD_ADDIN_ORIGIN = "https://localhost:3000";

export interface AppOptions {
  db: Db;
  register?: RegelsaetRegister;
  /** The only origin CORS allows (the add-in's). */
  addinOrigin?: string;
  bodyLimit?: number;
  /** pino options; false in tests. Authorization headers are always redacted. */
  logger?: boolean | { level?: string; stream?: { write(msg: string): void } };
  /** Folder with the built add-in; null = no static files. */
  statiskMappe?: string | null;
  /** The add-in's address as served (e.g. https://localhost:4300/): the served manifest points there. */
  addinUrl?: string;
  https?: { key: Buffer | string; cert: Buffer | string } | null;
  /** Close the database when the app closes (the CLI owns it; tests often share one). */
  lukDb?: boolean;
  /** Connection and request time limits (graenser.ts); standard when absent. */
  tidsgraenser?: Tidsgraenser;
  /** The operator's own tilgængelighedserklæring (TILGAENGELIGHED_URL); the service's page when absent. */
  tilgaengelighedUrl?: string;
  /** Rate limit per token or client address (graenser.ts); off when absent (`takst-server start` turns it on). */
  hastighed?: Hastighedsgraense | false;
  /** Proxies whose X-Forwarded-For names the client (klientadresse.ts); none when absent. */
  trustProxy?: TrustProxy;
  /** The receipts kept apart from the database and their check (kvitteringer/); none when absent. */
  kvitteringer?: Kvitteringskontrol;
  /** The clock for deadlines (days left, late); tests fix it. Now when absent. */
  nu?: () => Date;
  /** E-mail through the outbox (udbakke/, SMTP_URL); none is written or sent when absent. */
  mail?: MailKonfig;
  /** Personal login with OpenID Connect (login/); tokens only when absent. */
  oidc?: OidcKonfig;
}

const REDACT = { paths: ["req.headers.authorization", "headers.authorization", "authorization", "token"], censor: "[skjult]" };

/** The whole service as a Fastify instance; tests use app.inject() without a port. */
export async function buildApp(o: AppOptions): Promise<FastifyInstance> {
  const bodyLimit = o.bodyLimit ?? STANDARD_BODY_LIMIT;
  let logger: FastifyServerOptions["logger"] = false;
  if (o.logger) logger = { level: "info", ...(typeof o.logger === "object" ? o.logger : {}), redact: REDACT };
  const app = Fastify({
    logger,
    bodyLimit,
    ...(o.https ? { https: o.https } : {}),
    connectionTimeout: (o.tidsgraenser ?? STANDARD_TIDSGRAENSER).forbindelseMs,
    requestTimeout: (o.tidsgraenser ?? STANDARD_TIDSGRAENSER).forespoergselMs,
    keepAliveTimeout: (o.tidsgraenser ?? STANDARD_TIDSGRAENSER).keepAliveMs,
    trustProxy: o.trustProxy ?? false,
    onProtoPoisoning: "error",
    onConstructorPoisoning: "error",
  } as FastifyServerOptions) as unknown as FastifyInstance;

  // Only JSON bodies: text/plain would otherwise reach the handler as a string.
  app.removeContentTypeParser("text/plain");
  await migrer(o.db);
  // The routes' database: a fault becomes 503 (fejl.ts), logged once when it starts and ends.
  const db = overvaag(o.db, app.log);
  // Built in (rulesets/ or the given register) + published in the database: one register.
  const register = await lavServerRegister(db, o.register ? o.register.ids().map((id) => o.register!.hent(id)) : laesRegelsaetFiler());

  await app.register(webPlugin);
  if (o.kvitteringer) await app.register(kvitteringsAdvarselPlugin, { kontrol: o.kvitteringer });
  await app.register(cors, {
    origin: [o.addinOrigin ?? STANDARD_ADDIN_ORIGIN],
    methods: ["GET", "POST"],
    allowedHeaders: ["authorization", "content-type"],
  });
  await app.register(authPlugin, { db });
  if (o.hastighed) await app.register(hastighedPlugin, o.hastighed);

  await app.register(fejlPlugin);
  await app.register(openapiPlugin);
  const udbakke = lavUdbakke(o.mail);
  await app.register(indberetningerPlugin, { db, register, bodyLimit, kvitteringer: o.kvitteringer, udbakke });
  await app.register(regelsaetPlugin, { db, register, bodyLimit });
  await app.register(dialogPlugin, { db, udbakke });
  await app.register(loginPlugin, { db, oidc: o.oidc });
  await app.register(oversigtPlugin, { db, register, statiskMappe: o.statiskMappe });
  await app.register(offentliggoerelsePlugin, { db, register, nu: o.nu, udbakke });
  await app.register(forventedePlugin, { db, register, nu: o.nu });
  await app.register(revisionssporPlugin, { db });
  await app.register(tilsynPlugin, { db });
  await app.register(takstudviklingPlugin, { db, register });
  await app.register(benchmarkPlugin, { db });
  await app.register(puljerPlugin, { db });
  await app.register(efterreguleringPlugin, { db, register });
  await app.register(udbakkePlugin, { db, register, mail: o.mail });
  await app.register(hjaelpPlugin, {});
  await app.register(tilgaengelighedPlugin, { url: o.tilgaengelighedUrl });
  if (o.statiskMappe !== null) await app.register(statiskPlugin, { mappe: o.statiskMappe ?? resolve(__dirname, "../../dist"), addinUrl: o.addinUrl });

  if (o.lukDb) app.addHook("onClose", async () => o.db.close());
  return app;
}
