-- Issue 15: the overview reads one narrow row per submission instead of the full one (payload,
-- vaerdier, findings and beregnet are several kB per row, so 20,000 rows were 5,000 pages).
-- oversigt_kort holds only what GET /api/v1/oversigt needs, kept by a trigger on every insert
-- and update of indberetninger (any writer, same statement, so it cannot go stale) and removed
-- with its row.
CREATE TABLE oversigt_kort (
  id                uuid PRIMARY KEY REFERENCES indberetninger(id) ON DELETE CASCADE,
  driftsherre       text NOT NULL,
  tilbud            text NOT NULL,
  takstaar          integer NOT NULL,
  version           integer NOT NULL,
  status            text NOT NULL,
  nummer            text,
  modtaget          timestamptz NOT NULL,
  regelsaet_id      text,
  regelsaet_version integer,
  pl                jsonb,
  takstenhed        jsonb,
  -- Per ydelse, in the order of the Ydelser table: [navn, raekke, takst, sidsteAarsTakst].
  ydelser           jsonb NOT NULL,
  -- The warnings among the findings (the overview shows and searches only those).
  advarsler         jsonb NOT NULL
);

-- In the order the overview's window function needs (current version = first per tilbud and
-- takstår), so the query reads it sorted instead of sorting 20,000 rows on disk (work_mem).
CREATE INDEX oversigt_kort_tilbud_idx ON oversigt_kort (driftsherre, tilbud, takstaar, version DESC);

CREATE FUNCTION oversigt_kort_af(i indberetninger) RETURNS oversigt_kort LANGUAGE sql IMMUTABLE AS $$
  SELECT i.id, i.driftsherre, i.tilbud, i.takstaar, i.version, i.status, i.nummer, i.modtaget, i.regelsaet_id, i.regelsaet_version,
         i.vaerdier->'TS_PLPct', i.vaerdier->'TS_Takstenhed',
         COALESCE((SELECT jsonb_agg(jsonb_build_array(y->'navn', y->'raekke', y->'takst', y->'sidsteAarsTakst') ORDER BY nr)
                   FROM jsonb_array_elements(CASE WHEN jsonb_typeof(i.beregnet->'ydelser') = 'array' THEN i.beregnet->'ydelser' ELSE '[]'::jsonb END)
                        WITH ORDINALITY AS e(y, nr)), '[]'::jsonb),
         CASE WHEN jsonb_typeof(i.findings) = 'array' THEN jsonb_path_query_array(i.findings, '$[*] ? (@.severity == "warning")') ELSE '[]'::jsonb END
$$;

CREATE FUNCTION oversigt_kort_gem() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  -- In FROM, so the function runs once (as (f(NEW)).* it would run once per column).
  INSERT INTO oversigt_kort SELECT k.* FROM oversigt_kort_af(NEW) AS k
  ON CONFLICT (id) DO UPDATE SET
    driftsherre = EXCLUDED.driftsherre, tilbud = EXCLUDED.tilbud, takstaar = EXCLUDED.takstaar, version = EXCLUDED.version,
    status = EXCLUDED.status, nummer = EXCLUDED.nummer, modtaget = EXCLUDED.modtaget, regelsaet_id = EXCLUDED.regelsaet_id,
    regelsaet_version = EXCLUDED.regelsaet_version, pl = EXCLUDED.pl, takstenhed = EXCLUDED.takstenhed, ydelser = EXCLUDED.ydelser,
    advarsler = EXCLUDED.advarsler;
  RETURN NULL;
END
$$;

CREATE TRIGGER indberetninger_oversigt_kort AFTER INSERT OR UPDATE ON indberetninger
  FOR EACH ROW EXECUTE FUNCTION oversigt_kort_gem();

INSERT INTO oversigt_kort SELECT k.* FROM indberetninger i CROSS JOIN LATERAL oversigt_kort_af(i) AS k;
