import type { FastifyInstance } from "fastify";
import fp from "fastify-plugin";
import { CSP } from "./offentliggoerelse";
import { ERKLAERING_STI } from "./webside";

/**
 * The service's own statement: what it covers, what the tests check, and the fields the operator
 * (the myndighed that runs the service) must fill in: contact, assessment and date are theirs.
 */
export const ERKLAERING_HTML = `<!doctype html>
<html lang="da">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Tilgængelighedserklæring</title>
<link rel="stylesheet" href="/takstoversigt.css">
</head>
<body>
<main>
<h1>Tilgængelighedserklæring</h1>
<p>Erklæringen gælder de offentlige sider i denne takstservice: <a href="/takstoversigt">takstoversigten</a>, <a href="/tilsynstakster">socialtilsynenes takster</a>, <a href="/takstudvikling">takstudviklingen</a> og <a href="/hjaelp">hjælpen</a>. Myndigheden, der driver tjenesten, forpligter sig til at gøre siderne tilgængelige efter lov om tilgængelighed af offentlige organers websteder og mobilapplikationer (webtilgængelighedsloven).</p>
<p class="udfyld"><strong>Til den, der driver tjenesten:</strong> felterne markeret »udfyldes af myndigheden« skal udfyldes med jeres egne oplysninger, før siderne offentliggøres (webtilgængelighedsloven § 4). I stedet for denne side kan I henvise til jeres egen erklæring med indstillingen TILGAENGELIGHED_URL.</p>
<h2>Overholdelse</h2>
<p>Siderne er lavet uden script, med overskrifter, tabeller med kolonne- og rækkeoverskrifter og tekst på dansk. De testes automatisk med axe-core i 320 og 1280 pixels bredde uden fejl, og de kan læses i 320 pixels bredde uden vandret rulning af siden. En automatisk test finder ikke alle fejl: vurderingen mod WCAG 2.1 niveau AA (EN 301 549) og dermed overholdelsesstatus (fuldt, delvist eller ikke overensstemmende) udfyldes af myndigheden.</p>
<h2>Kendte begrænsninger</h2>
<ul>
<li>Takstoversigtens tabel har mange kolonner. På en smal skærm ruller tabellen vandret i sit eget felt, som kan nås og rulles med tastaturet.</li>
<li>Filerne til download (CSV og Excel) er data til regneark og ikke tilgængelighedstilpassede dokumenter; de samme oplysninger står på siderne.</li>
</ul>
<h2>Feedback og kontakt</h2>
<p>Oplever du problemer med tilgængeligheden, kan du kontakte: <em>udfyldes af myndigheden (e-mail og telefon)</em>.</p>
<h2>Håndhævelse</h2>
<p>Digitaliseringsstyrelsen fører tilsyn med, at offentlige organers websteder overholder webtilgængelighedsloven. Er du ikke tilfreds med svaret på din henvendelse, kan du klage til Digitaliseringsstyrelsen.</p>
<h2>Erklæringens udarbejdelse</h2>
<p>Erklæringen er udarbejdet <em>udfyldes af myndigheden (dato)</em> og senest gennemgået <em>udfyldes af myndigheden (dato)</em>.</p>
</main>
</body>
</html>
`;

/**
 * GET /tilgaengelighed: the statement above, or a redirect to the operator's own statement when
 * `url` is set (TILGAENGELIGHED_URL), so every page's footer link stays the same.
 */
export const tilgaengelighedPlugin = fp(async (app: FastifyInstance, o: { url?: string }) => {
  app.get(ERKLAERING_STI, { config: { offentlig: true } }, async (_req, reply) => {
    if (o.url) return reply.redirect(o.url);
    reply.header("content-security-policy", CSP);
    reply.header("x-frame-options", "DENY");
    reply.header("cache-control", "no-cache");
    reply.header("content-type", "text/html; charset=utf-8");
    return ERKLAERING_HTML;
  });
}, { name: "takst-tilgaengelighed", fastify: "5.x", dependencies: ["takst-offentliggoerelse"] });
