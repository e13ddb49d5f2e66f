/**
 * Builds the Excel add-in into dist/ (shared runtime: one page hosts functions and task pane):
 *   functions.js        SOC.* custom functions + CustomFunctions.associate (src/functions)
 *   taskpane.js/.css    the task pane (src/taskpane); depends on functions.js (shares its modules)
 *   taskpane.html       loads office.js from Microsoft's CDN, then both bundles
 *   functions.json      English metadata  } both generated from src/functions/beskrivelser.ts
 *   functions-da.json   Danish metadata   }
 *   manifest.xml        with https://localhost:3000/ replaced by ADDIN_URL
 *   assets/icon-*.png
 * The rulesets/*.json are embedded as __REGELSAET__ (src/regelsaet/indlejret.ts), rulesets/tilsyn/*.json
 * as __TILSYN_REGELSAET__ (src/regelsaet/tilsyn.ts).
 */
const { readdirSync, readFileSync } = require("node:fs");
const { join, resolve } = require("node:path");
const { URL } = require("node:url");
const webpack = require("webpack");
const HtmlWebpackPlugin = require("html-webpack-plugin");
const CopyWebpackPlugin = require("copy-webpack-plugin");

const UDVIKLINGS_URL = "https://localhost:3000/";
const OFFICE_JS = "https://appsforoffice.microsoft.com/lib/1/hosted/office.js";

/** A fragment of src/server with its {{navn}}s filled from the page's call; a leading comment is the fragment's own. */
function fragment(fil) {
  const tekst = readFileSync(join(__dirname, "src", "server", fil), "utf8").replace(/^<!--[\s\S]*?-->\n/, "");
  return (v) =>
    tekst.replace(/\{\{(\w+)\}\}/g, (_, navn) => {
      if (!(navn in v)) throw new Error(`${fil}: ${navn} mangler i sidens kald`);
      return v[navn];
    });
}

/**
 * What the overview, the benchmark page and the pool page share, for their templates: the head's
 * start up to the title (hoved({ titel })), the top bar with its log-out button down to the status
 * line (top({ h1, undertekst, handlinger })) and the token login (login({ hjaelp, knap })).
 */
const sideDele = { hoved: fragment("sidehoved.html"), top: fragment("sidetop.html"), login: fragment("loginSektion.html") };

/** ADDIN_URL, else the development server on PORT (so `PORT=4300 npm start` builds a manifest for 4300). */
function addinUrl() {
  const udvikling = process.env.PORT ? `https://localhost:${process.env.PORT}/` : UDVIKLINGS_URL;
  const raw = (process.env.ADDIN_URL || udvikling).trim();
  let url;
  try {
    url = new URL(raw);
  } catch {
    throw new Error(`ADDIN_URL "${raw}" er ikke en gyldig adresse`);
  }
  if (url.protocol !== "https:") throw new Error(`ADDIN_URL skal bruge https (Office kræver det), ikke "${raw}"`);
  return url.href.endsWith("/") ? url.href : `${url.href}/`;
}

function regelsaet(undermappe = "") {
  const mappe = join(__dirname, "rulesets", undermappe);
  return readdirSync(mappe)
    .filter((f) => f.endsWith(".json"))
    .sort()
    .map((f) => JSON.parse(readFileSync(join(mappe, f), "utf8")));
}

/** functions.json and functions-da.json from the one table next to the functions. */
function lavMetadata() {
  const { register } = require("tsx/cjs/api");
  const afregistrer = register();
  try {
    // Fresh each compilation, so watch mode picks up an edited table.
    for (const f of ["metadata.ts", "beskrivelser.ts"]) delete require.cache[resolve(__dirname, "src/functions", f)];
    const { lavMetadata: lav, METADATA_FILER } = require("./src/functions/metadata.ts");
    return Object.entries(METADATA_FILER).map(([sprog, fil]) => [fil, `${JSON.stringify(lav(sprog), null, 2)}\n`]);
  } finally {
    afregistrer();
  }
}

class FunktionsMetadataPlugin {
  apply(compiler) {
    compiler.hooks.thisCompilation.tap("FunktionsMetadataPlugin", (compilation) => {
      compilation.hooks.processAssets.tap({ name: "FunktionsMetadataPlugin", stage: webpack.Compilation.PROCESS_ASSETS_STAGE_ADDITIONAL }, () => {
        for (const [fil, indhold] of lavMetadata()) compilation.emitAsset(fil, new webpack.sources.RawSource(indhold));
      });
      // Rebuild the metadata in watch mode when the table changes.
      compilation.hooks.finishModules.tap("FunktionsMetadataPlugin", () => {
        compilation.fileDependencies.add(resolve(__dirname, "src/functions/beskrivelser.ts"));
      });
    });
  }
}

/** office.js is the only thing the page loads from the network; add it if the template lacks it. */
class OfficeJsPlugin {
  apply(compiler) {
    compiler.hooks.compilation.tap("OfficeJsPlugin", (compilation) => {
      HtmlWebpackPlugin.getCompilationHooks(compilation).beforeEmit.tap("OfficeJsPlugin", (data) => {
        // Only the add-in's page; the secretariat's overview (oversigt.html) loads nothing external.
        if (data.outputName === "taskpane.html" && !data.html.includes(OFFICE_JS)) {
          data.html = data.html.replace("</head>", `<script src="${OFFICE_JS}"></script></head>`);
        }
        // The guard must be listening before office.js starts loading (blocking, not deferred).
        if (data.outputName === "taskpane.html") {
          data.html = data.html.replace(`<script src="${OFFICE_JS}"></script>`, `<script src="officevagt.js"></script><script src="${OFFICE_JS}"></script>`);
        }
        return data;
      });
    });
  }
}

module.exports = (_env, argv) => {
  const udvikling = argv.mode === "development";
  const url = addinUrl();
  return {
    mode: udvikling ? "development" : "production",
    devtool: udvikling ? "source-map" : false,
    context: __dirname,
    entry: {
      functions: "./src/functions/registrering.ts",
      // In the shared-runtime page taskpane.js runs after functions.js and takes every module
      // functions.js already has (zod, decimal.js, the engine, the rulesets) from it, so each is
      // downloaded, parsed and run once. functions.js carries the webpack runtime and stays whole
      // on its own (the manifest's Functions.Script.Url, tests/functions/bundle.test.ts).
      taskpane: { import: "./src/taskpane/taskpane.ts", dependOn: "functions" },
      officevagt: "./src/taskpane/officevagt.ts", // runs before office.js: says so when it is blocked
      oversigt: "./src/server/oversigt/side/oversigt.ts", // the secretariat's overview page (issue 7)
      benchmark: "./src/server/benchmark/side/benchmark.ts", // comparable tilbud side by side (issue 24)
      puljer: "./src/server/puljer/side/puljer.ts", // the pool of hensatte overskud (issue 22)
    },
    output: {
      path: resolve(__dirname, "dist"),
      filename: "[name].js",
      // globalThis rather than self: functions.js must also run where there is no window (a bare script context).
      globalObject: "globalThis",
      clean: true,
    },
    resolve: { extensions: [".ts", ".js"] },
    experiments: { css: true },
    module: {
      rules: [
        {
          test: /\.ts$/,
          exclude: /node_modules/,
          use: {
            loader: "ts-loader",
            options: {
              transpileOnly: true, // `npm run typecheck` type-checks; the build only strips types.
              onlyCompileBundledFiles: true,
              compilerOptions: { module: "es2020", sourceMap: udvikling },
            },
          },
        },
      ],
    },
    performance: { hints: false },
    plugins: [
      new webpack.DefinePlugin({ __REGELSAET__: JSON.stringify(regelsaet()), __TILSYN_REGELSAET__: JSON.stringify(regelsaet("tilsyn")) }),
      new FunktionsMetadataPlugin(),
      new HtmlWebpackPlugin({
        filename: "taskpane.html",
        template: "./src/taskpane/taskpane.html",
        chunks: ["functions", "taskpane"],
        chunksSortMode: "manual",
        inject: "head",
        scriptLoading: "defer",
      }),
      new HtmlWebpackPlugin({
        filename: "oversigt.html",
        template: "./src/server/oversigt/side/oversigt.html",
        chunks: ["oversigt"],
        templateParameters: sideDele,
        inject: "head",
        scriptLoading: "defer",
      }),
      new HtmlWebpackPlugin({
        filename: "benchmark.html",
        template: "./src/server/benchmark/side/benchmark.html",
        chunks: ["benchmark"],
        templateParameters: sideDele,
        inject: "head",
        scriptLoading: "defer",
      }),
      new HtmlWebpackPlugin({
        filename: "puljer.html",
        template: "./src/server/puljer/side/puljer.html",
        chunks: ["puljer"],
        templateParameters: sideDele,
        inject: "head",
        scriptLoading: "defer",
      }),
      new OfficeJsPlugin(),
      new CopyWebpackPlugin({
        patterns: [
          { from: "assets/*.png", to: "assets/[name][ext]" },
          {
            from: "manifest.xml",
            to: "manifest.xml",
            transform: (indhold) => indhold.toString("utf8").split(UDVIKLINGS_URL).join(url),
          },
        ],
      }),
    ],
  };
};
