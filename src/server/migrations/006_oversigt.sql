-- The overview reads one narrow row per submission instead of the full one (payload,
-- vaerdier, findings and beregnet are several kB per row, so 20,000 rows were 5,000 pages), with
-- the current version and the number of versions already marked and the row's figures already
-- as JSON text, so GET /api/v1/oversigt is a scan and a string_agg (no window function, no JSON
-- building per request). Kept by triggers on every insert, update, delete and truncate of
-- indberetninger: whichever code writes, in the same statement, so it cannot go stale.
CREATE TABLE oversigt_kort (
  id              uuid PRIMARY KEY,
  driftsherre     text NOT NULL,
  tilbud          text NOT NULL,
  takstaar        integer NOT NULL,
  version         integer NOT NULL,
  status          text NOT NULL,
  -- The highest version of its driftsherre/tilbud/takstår (withdrawn or not).
  aktuel          boolean NOT NULL DEFAULT false,
  antal_versioner integer NOT NULL DEFAULT 1,
  -- [id, driftsherre, tilbud, status, modtaget (ms since 1970), warnings, TS_PLPct,
  --  TS_Takstenhed, regelsaet_id, regelsaet_version, [[navn, raekke, takst, sidsteAarsTakst], …],
  --  version, nummer]: what the database assigns last, so the store (migration 007) can append
  --  it to the rest, which the server has built (src/server/oversigt/kort.ts).
  kort            text NOT NULL
);

-- A tilbud's versions together (the triggers' recount) and in the overview's order.
CREATE INDEX oversigt_kort_tilbud_idx ON oversigt_kort (driftsherre, tilbud, takstaar, version DESC);

CREATE FUNCTION oversigt_kort_tekst(i indberetninger) RETURNS text LANGUAGE sql IMMUTABLE AS $$
  SELECT json_build_array(
    i.id, i.driftsherre, i.tilbud, i.status, floor(extract(epoch FROM i.modtaget) * 1000),
    CASE WHEN jsonb_typeof(i.findings) = 'array' THEN jsonb_path_query_array(i.findings, '$[*] ? (@.severity == "warning")') ELSE '[]'::jsonb END,
    i.vaerdier->'TS_PLPct', i.vaerdier->'TS_Takstenhed', i.regelsaet_id, i.regelsaet_version,
    COALESCE((SELECT jsonb_agg(jsonb_build_array(y->'navn', y->'raekke', y->'takst', y->'sidsteAarsTakst') ORDER BY nr)
              FROM jsonb_array_elements(CASE WHEN jsonb_typeof(i.beregnet->'ydelser') = 'array' THEN i.beregnet->'ydelser' ELSE '[]'::jsonb END)
                   WITH ORDINALITY AS e(y, nr)), '[]'::jsonb),
    i.version, i.nummer)::text
$$;

-- Marks the highest version of one driftsherre/tilbud/takstår and counts its versions.
CREATE FUNCTION oversigt_kort_optael(dh text, tb text, aar integer) RETURNS void LANGUAGE sql AS $$
  UPDATE oversigt_kort o SET aktuel = (o.version = m.maks), antal_versioner = m.n
  FROM (SELECT max(version) AS maks, count(*)::int AS n FROM oversigt_kort WHERE driftsherre = dh AND tilbud = tb AND takstaar = aar) m
  WHERE o.driftsherre = dh AND o.tilbud = tb AND o.takstaar = aar
    AND (o.aktuel IS DISTINCT FROM (o.version = m.maks) OR o.antal_versioner IS DISTINCT FROM m.n);
$$;

-- Inserts one submission's row already marked (so a first version is written once, never updated:
-- PGlite has no autovacuum to clear dead rows), then re-marks the older versions of its group.
CREATE FUNCTION oversigt_kort_indsaet(i indberetninger) RETURNS void LANGUAGE plpgsql AS $$
DECLARE
  maks integer;
  n integer;
BEGIN
  SELECT greatest(max(version), i.version), count(*)::int + 1 INTO maks, n
  FROM oversigt_kort WHERE driftsherre = i.driftsherre AND tilbud = i.tilbud AND takstaar = i.takstaar;
  INSERT INTO oversigt_kort (id, driftsherre, tilbud, takstaar, version, status, aktuel, antal_versioner, kort)
  VALUES (i.id, i.driftsherre, i.tilbud, i.takstaar, i.version, i.status, i.version = maks, n, oversigt_kort_tekst(i));
  IF n > 1 THEN
    PERFORM oversigt_kort_optael(i.driftsherre, i.tilbud, i.takstaar);
  END IF;
END
$$;

CREATE FUNCTION oversigt_kort_gem() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP IN ('UPDATE', 'DELETE') THEN
    DELETE FROM oversigt_kort WHERE id = OLD.id;
  END IF;
  IF TG_OP IN ('INSERT', 'UPDATE') THEN
    PERFORM oversigt_kort_indsaet(NEW);
  END IF;
  -- The group the row left (deleted, or moved by an update of its key).
  IF TG_OP = 'DELETE' THEN
    PERFORM oversigt_kort_optael(OLD.driftsherre, OLD.tilbud, OLD.takstaar);
  ELSIF TG_OP = 'UPDATE' THEN
    IF (OLD.driftsherre, OLD.tilbud, OLD.takstaar) IS DISTINCT FROM (NEW.driftsherre, NEW.tilbud, NEW.takstaar) THEN
      PERFORM oversigt_kort_optael(OLD.driftsherre, OLD.tilbud, OLD.takstaar);
    END IF;
  END IF;
  RETURN NULL;
END
$$;

CREATE TRIGGER indberetninger_oversigt_kort AFTER UPDATE OR DELETE ON indberetninger
  FOR EACH ROW EXECUTE FUNCTION oversigt_kort_gem();

-- gem_indberetninger (migration 007) writes a new submission's row itself, from the figures the
-- server already has (building it here from the stored JSON halved the service's throughput on
-- PostgreSQL, npm run bench server), and says so for its transaction; any other insert gets its row here.
-- A WHEN that is false does not even queue the trigger.
CREATE TRIGGER indberetninger_oversigt_kort_ny AFTER INSERT ON indberetninger
  FOR EACH ROW WHEN (current_setting('takst.kort_skrevet', true) IS DISTINCT FROM 'ja')
  EXECUTE FUNCTION oversigt_kort_gem();

CREATE FUNCTION oversigt_kort_toem() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  TRUNCATE oversigt_kort;
  RETURN NULL;
END
$$;

CREATE TRIGGER indberetninger_oversigt_kort_toem AFTER TRUNCATE ON indberetninger
  FOR EACH STATEMENT EXECUTE FUNCTION oversigt_kort_toem();

-- The rows stored before this migration, marked as they are written.
INSERT INTO oversigt_kort (id, driftsherre, tilbud, takstaar, version, status, aktuel, antal_versioner, kort)
SELECT i.id, i.driftsherre, i.tilbud, i.takstaar, i.version, i.status,
       i.version = max(i.version) OVER w, (count(*) OVER w)::int, oversigt_kort_tekst(i)
FROM indberetninger i
WINDOW w AS (PARTITION BY i.driftsherre, i.tilbud, i.takstaar);
