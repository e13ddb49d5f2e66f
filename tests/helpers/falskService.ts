/**
 * A stand-in for the service's two ruleset endpoints (GET /api/v1/regelsaet and /:id), as a
 * fetch function: the loader's HTTP is all it sees. `nede` makes every call fail as offline.
 */
export function falskService(regelsaet: Record<string, unknown>[]): { fetchFn: typeof fetch; nede: boolean; kald: string[] } {
  const s = {
    nede: false,
    kald: [] as string[],
    fetchFn: (async (input: string | URL | Request) => {
      const url = new URL(String(input));
      s.kald.push(url.pathname + url.search);
      if (s.nede) throw new TypeError("fetch failed");
      const svar = (data: unknown, status = 200) => new Response(JSON.stringify(data), { status, headers: { "content-type": "application/json" } });
      if (url.pathname === "/api/v1/regelsaet") {
        return svar({ regelsaet: regelsaet.map(({ id, navn, region, takstaar, version }) => ({ id, navn, region, takstaar, version })) });
      }
      const id = decodeURIComponent(url.pathname.split("/").pop() ?? "");
      const r = regelsaet.find((x) => x.id === id);
      return r ? svar(r) : svar({ fejl: "Ikke fundet." }, 404);
    }) as typeof fetch,
  };
  return s;
}

/** localStorage as a Map. */
export function hukommelse(): { getItem(k: string): string | null; setItem(k: string, v: string): void; data: Map<string, string> } {
  const data = new Map<string, string>();
  return { data, getItem: (k) => data.get(k) ?? null, setItem: (k, v) => void data.set(k, v) };
}
