import { createHash } from "node:crypto";

/** JSON with object keys sorted at every level, so equal content gives equal bytes. */
export function kanoniskJson(v: unknown): string {
  if (v === null || typeof v !== "object") return JSON.stringify(v) ?? "null";
  // Plain loops, on every submission's path (npm run bench server): the same text as map/filter/join, without their arrays.
  if (Array.isArray(v)) {
    let ud = "[";
    for (let i = 0; i < v.length; i++) {
      if (i > 0) ud += ",";
      if (i in v) ud += kanoniskJson(v[i]); // a hole gives nothing, as map and join did
    }
    return ud + "]";
  }
  const o = v as Record<string, unknown>;
  let ud = "{";
  let foerste = true;
  for (const k of Object.keys(o).sort()) {
    if (o[k] === undefined) continue;
    ud += `${foerste ? "" : ","}${JSON.stringify(k)}:${kanoniskJson(o[k])}`;
    foerste = false;
  }
  return ud + "}";
}

export const sha256Hex = (s: string): string => createHash("sha256").update(s, "utf8").digest("hex");
