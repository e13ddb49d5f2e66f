/**
 * Every entry of a zip (an .xlsx) dated `tid` instead of when it was written: the zip library
 * stamps each entry with the clock, so the same workbook written twice differed in its bytes,
 * and a kept file could not be told from a fresh one by its bytes or its ETag. Only the date and
 * time fields of the local headers and the central directory change (no checksum covers them).
 */
export function medFastZipTid(zip: Buffer, tid: Date): Buffer {
  const ud = Buffer.from(zip);
  const dosTid = (tid.getUTCHours() << 11) | (tid.getUTCMinutes() << 5) | (tid.getUTCSeconds() >> 1);
  const dosDato = ((Math.max(1980, tid.getUTCFullYear()) - 1980) << 9) | ((tid.getUTCMonth() + 1) << 5) | tid.getUTCDate();
  // The end of central directory record: the last 0x06054b50 (a zip comment may follow it).
  let slut = ud.length - 22;
  while (slut >= 0 && ud.readUInt32LE(slut) !== 0x06054b50) slut--;
  if (slut < 0) throw new Error("Ikke en zip-fil: slutningen af det centrale katalog mangler.");
  const antal = ud.readUInt16LE(slut + 10);
  let p = ud.readUInt32LE(slut + 16);
  for (let i = 0; i < antal; i++) {
    if (ud.readUInt32LE(p) !== 0x02014b50) throw new Error("Ikke en zip-fil: et katalogpunkt mangler.");
    ud.writeUInt16LE(dosTid, p + 12);
    ud.writeUInt16LE(dosDato, p + 14);
    const lokal = ud.readUInt32LE(p + 42);
    if (ud.readUInt32LE(lokal) !== 0x04034b50) throw new Error("Ikke en zip-fil: en lokal filhoved mangler.");
    ud.writeUInt16LE(dosTid, lokal + 10);
    ud.writeUInt16LE(dosDato, lokal + 12);
    p += 46 + ud.readUInt16LE(p + 28) + ud.readUInt16LE(p + 30) + ud.readUInt16LE(p + 32);
  }
  return ud;
}
