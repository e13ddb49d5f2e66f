// The floor `takstskema valider <folder>` is measured against (issue 27, bench/opstart.bench.ts):
// read every .xlsx of the folder and inflate every part with the zip reader the CLI uses
// (build/cli/zip.js), doing nothing else. `node bench/graense/udpak.js <folder>`
const { readFileSync, readdirSync } = require("node:fs");
const { join } = require("node:path");
const { laesZipKatalog, pakUd } = require("../../build/cli/zip.js");

const mappe = process.argv[2];
let bytes = 0;
for (const navn of readdirSync(mappe).filter((f) => f.endsWith(".xlsx"))) {
  const buf = readFileSync(join(mappe, navn));
  for (const del of laesZipKatalog(buf)) bytes += pakUd(buf, del).length;
}
console.log(bytes);
