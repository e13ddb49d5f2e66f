// Loads a program from build/ and runs its main(argv); without a build, says how to make one.
const { existsSync } = require("node:fs");
const { join } = require("node:path");

module.exports.koer = function koer(navn, modul) {
  const sti = join(__dirname, "..", "build", modul);
  if (!existsSync(sti)) {
    console.error(`${navn} er ikke bygget: kør npm run build i ${join(__dirname, "..")} først.`);
    process.exit(2);
  }
  require(sti).koerFraKommandolinje(process.argv.slice(2));
};
