-- The takst register (product.md §5.1): every published takst is a period of its takstniveau
-- (driftsherre, tilbud, ydelse) with the dates it applies and its art. Publication opens the
-- year's periods from 1 January; an approved in-year change opens its own from the day it
-- applies; a tilbud new after publication opens its first period from its start. All three are
-- triggers, so whichever code publishes, stores or approves cannot forget them and they are part
-- of the same statement. The table holds when each period starts; where it ends is read from the
-- periods entered after it (the view takstperioder_gyldige), so a withdrawn change simply stops
-- counting and the periods it ended run on again.
CREATE TABLE takstperioder (
  id              bigserial PRIMARY KEY,
  takstaar        integer NOT NULL,
  driftsherre     text NOT NULL,
  tilbud          text NOT NULL,
  ydelse          text NOT NULL,
  -- The ydelse's place in its submission's beregnet->'ydelser' (from 1); NULL for a submission
  -- stored before the Ydelser table (one takst, read from its values).
  nr              integer,
  gyldig_fra      date NOT NULL,
  art             text NOT NULL,
  takst           double precision,
  basistakst      double precision,
  servicetakst    double precision,
  indberetning_id uuid NOT NULL REFERENCES indberetninger(id) ON DELETE CASCADE,
  nummer          text
);

CREATE INDEX takstperioder_tilbud_idx ON takstperioder (driftsherre, tilbud, takstaar, gyldig_fra);
CREATE INDEX takstperioder_aar_idx ON takstperioder (takstaar, driftsherre, tilbud, gyldig_fra);
CREATE INDEX takstperioder_indberetning_idx ON takstperioder (indberetning_id);

CREATE FUNCTION takstperioder_tal(j jsonb) RETURNS double precision LANGUAGE sql IMMUTABLE AS $$
  SELECT CASE WHEN jsonb_typeof(j) = 'number' THEN (j::text)::double precision END
$$;

-- A kategori as typed, without case and spacing (TS131's first comparison).
CREATE FUNCTION takstperioder_kategori(k text) RETURNS text LANGUAGE sql IMMUTABLE AS $$
  SELECT NULLIF(lower(regexp_replace(btrim(k), '\s+', ' ', 'g')), '')
$$;

-- One period per ydelse of a submission, from `fra`, open.
CREATE FUNCTION takstperioder_aabn(i indberetninger, fra date, art text) RETURNS void LANGUAGE sql AS $$
  INSERT INTO takstperioder (takstaar, driftsherre, tilbud, ydelse, nr, gyldig_fra, art, takst, basistakst, servicetakst, indberetning_id, nummer)
  SELECT i.takstaar, i.driftsherre, i.tilbud, COALESCE(btrim(y->>'navn'), ''), nr::int, fra, art,
         takstperioder_tal(y->'takst'), takstperioder_tal(y->'basistakst'), takstperioder_tal(y->'servicetakst'), i.id, i.nummer
  FROM jsonb_array_elements(CASE WHEN jsonb_typeof(i.beregnet->'ydelser') = 'array' THEN i.beregnet->'ydelser' ELSE '[]'::jsonb END) WITH ORDINALITY AS e(y, nr)
  UNION ALL
  SELECT i.takstaar, i.driftsherre, i.tilbud, i.ydelse, NULL, fra, art,
         takstperioder_tal(COALESCE(i.vaerdier->'TS_Takst', i.beregnet->'takst')), takstperioder_tal(i.vaerdier->'TS_Basistakst'),
         takstperioder_tal(i.vaerdier->'TS_Servicetakst'), i.id, i.nummer
  WHERE jsonb_typeof(i.beregnet->'ydelser') IS DISTINCT FROM 'array';
$$;

-- Publication: a period from 1 January for every ydelse of every current (not withdrawn) submission.
CREATE FUNCTION takstperioder_aabn_aar(aar integer) RETURNS void LANGUAGE plpgsql AS $$
DECLARE
  r indberetninger;
BEGIN
  FOR r IN SELECT DISTINCT ON (x.driftsherre, x.tilbud) x.* FROM indberetninger x WHERE x.takstaar = aar
           ORDER BY x.driftsherre, x.tilbud, x.version DESC, x.modtaget DESC LOOP
    IF r.status <> 'tilbagetrukket' THEN
      PERFORM takstperioder_aabn(r, make_date(aar, 1, 1), 'offentliggjort');
    END IF;
  END LOOP;
END
$$;

-- The day a change (or a new tilbud) applies from: TS_AendringIkrafttraedelse (the validator's
-- YYYY-MM-DD), else the day it was received; within the takstår.
CREATE FUNCTION takstperioder_fra(i indberetninger) RETURNS date LANGUAGE sql STABLE AS $$
  SELECT least(make_date(i.takstaar, 12, 31), greatest(make_date(i.takstaar, 1, 1),
    CASE WHEN i.vaerdier->>'TS_AendringIkrafttraedelse' ~ '^\d{4}-\d{2}-\d{2}$' THEN (i.vaerdier->>'TS_AendringIkrafttraedelse')::date
         ELSE (i.modtaget AT TIME ZONE 'Europe/Copenhagen')::date END))
$$;

-- The periods of submissions not withdrawn, each ending the day before the earliest start of a
-- period of its tilbud entered after it by another submission (NULL: open). A later change that
-- applies from before a period's start leaves gyldig_til before gyldig_fra: never in force.
CREATE VIEW takstperioder_gyldige AS
SELECT p.*,
       (SELECT min(q.gyldig_fra) - 1
          FROM takstperioder q JOIN indberetninger qi ON qi.id = q.indberetning_id AND qi.status <> 'tilbagetrukket'
         WHERE q.driftsherre = p.driftsherre AND q.tilbud = p.tilbud AND q.takstaar = p.takstaar
           AND q.id > p.id AND q.indberetning_id <> p.indberetning_id) AS gyldig_til
FROM takstperioder p JOIN indberetninger i ON i.id = p.indberetning_id AND i.status <> 'tilbagetrukket';

CREATE FUNCTION takstperioder_offentliggoer() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM takstperioder_aabn_aar(NEW.takstaar);
  RETURN NULL;
END
$$;

-- ON CONFLICT DO NOTHING (publishing again) inserts no row and fires nothing.
CREATE TRIGGER offentliggoerelser_perioder AFTER INSERT ON offentliggoerelser
  FOR EACH ROW EXECUTE FUNCTION takstperioder_offentliggoer();

-- After publication only a new version of a tilbud is an in-year change; a tilbud's first version is new.
CREATE OR REPLACE FUNCTION marker_aendring_i_aaret() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF EXISTS (SELECT 1 FROM offentliggoerelser o WHERE o.takstaar = NEW.takstaar)
     AND EXISTS (SELECT 1 FROM indberetninger x WHERE x.driftsherre = NEW.driftsherre AND x.tilbud = NEW.tilbud AND x.takstaar = NEW.takstaar) THEN
    NEW.aendret_i_aaret := NEW.modtaget;
    NEW.aendring_begrundelse := NULLIF(btrim(NEW.vaerdier->>'TS_AendringBegrundelse'), '');
  END IF;
  RETURN NEW;
END
$$;

-- A tilbud new after publication: accepted with its start as its first period.
CREATE FUNCTION takstperioder_nyt_tilbud() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF NEW.aendret_i_aaret IS NULL AND EXISTS (SELECT 1 FROM offentliggoerelser o WHERE o.takstaar = NEW.takstaar) THEN
    PERFORM takstperioder_aabn(NEW, takstperioder_fra(NEW), 'nyt_tilbud');
  END IF;
  RETURN NULL;
END
$$;

CREATE TRIGGER indberetninger_nyt_tilbud AFTER INSERT ON indberetninger
  FOR EACH ROW EXECUTE FUNCTION takstperioder_nyt_tilbud();

-- The secretariat approves an in-year change (status godkendt): its periods open from the day it
-- applies, with its art, and end the tilbud's earlier ones the day before (takstperioder_gyldige).
-- Once per submission, and only for the current version (a newer one is still to be decided).
CREATE FUNCTION takstperioder_godkendt() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF EXISTS (SELECT 1 FROM takstperioder p WHERE p.indberetning_id = NEW.id)
     OR EXISTS (SELECT 1 FROM indberetninger x WHERE x.driftsherre = NEW.driftsherre AND x.tilbud = NEW.tilbud AND x.takstaar = NEW.takstaar AND x.version > NEW.version) THEN
    RETURN NULL;
  END IF;
  PERFORM takstperioder_aabn(NEW, takstperioder_fra(NEW), COALESCE(NULLIF(btrim(NEW.vaerdier->>'TS_AendringArt'), ''), 'aendring'));
  RETURN NULL;
END
$$;

CREATE TRIGGER indberetninger_aendring_godkendt AFTER UPDATE OF status ON indberetninger
  FOR EACH ROW WHEN (NEW.status = 'godkendt' AND OLD.status IS DISTINCT FROM 'godkendt' AND NEW.aendret_i_aaret IS NOT NULL)
  EXECUTE FUNCTION takstperioder_godkendt();

-- The years published before the register: one period each, from 1 January.
SELECT takstperioder_aabn_aar(takstaar) FROM offentliggoerelser;

-- Storing (migration 007) with two changes: a tilbud's first version after publication needs no
-- reason (it is new, not a change), and a new version may not change the published kategori
-- (afvist 'kategori' with the published one in k_kategori).
DROP FUNCTION gem_indberetninger(jsonb);
CREATE FUNCTION gem_indberetninger(p jsonb)
RETURNS TABLE (k_i integer, k_id text, k_nummer text, k_sha256 text, k_modtaget timestamptz, k_ny boolean, k_afvist text, k_offentliggjort timestamptz, k_kategori text)
LANGUAGE plpgsql AS $$
DECLARE
  e jsonb;
  senest bigint;
  a_id uuid;
  a_version integer;
  a_nummer text;
  a_status text;
  a_sha256 text;
  a_modtaget timestamptz;
  n integer;
  udgivet record;
BEGIN
  SELECT COALESCE(MAX(nr), 0) INTO senest FROM regelsaet;
  -- This function writes the overview's row of what it stores (migration 006's insert trigger stands aside).
  PERFORM set_config('takst.kort_skrevet', 'ja', true);
  k_i := -1;
  FOR e IN SELECT value FROM jsonb_array_elements(p) LOOP
    k_i := k_i + 1;
    k_id := NULL; k_nummer := NULL; k_sha256 := NULL; k_modtaget := NULL; k_ny := false; k_afvist := NULL; k_offentliggjort := NULL; k_kategori := NULL;

    IF NOT EXISTS (SELECT 1 FROM tokens t WHERE t.id = e->>'token_id' AND t.tilbagekaldt IS NULL) THEN
      k_afvist := 'token';
      RETURN NEXT;
      CONTINUE;
    END IF;
    IF e->>'udgivelse' IS NOT NULL AND (e->>'udgivelse')::bigint <> senest THEN
      k_afvist := 'regelsaet';
      RETURN NEXT;
      CONTINUE;
    END IF;

    a_id := NULL; a_version := NULL; a_nummer := NULL; a_status := NULL; a_sha256 := NULL; a_modtaget := NULL;
    SELECT x.id, x.version, x.nummer, x.status, x.sha256, x.modtaget
      INTO a_id, a_version, a_nummer, a_status, a_sha256, a_modtaget
      FROM indberetninger x
     WHERE x.driftsherre = e->>'driftsherre' AND x.tilbud = e->>'tilbud' AND x.takstaar = (e->>'takstaar')::integer
     ORDER BY x.version DESC
     LIMIT 1;
    IF a_id IS NOT NULL AND a_sha256 = e->>'sha256' AND a_status <> 'tilbagetrukket' THEN
      k_id := a_id::text; k_nummer := a_nummer; k_sha256 := a_sha256; k_modtaget := a_modtaget;
      RETURN NEXT;
      CONTINUE;
    END IF;

    -- A tilbud with no version yet is new, not an in-year change (its first period opens on insert).
    IF (e->>'kraever_begrundelse')::boolean AND a_id IS NOT NULL THEN
      SELECT o.offentliggjort INTO k_offentliggjort FROM offentliggoerelser o WHERE o.takstaar = (e->>'takstaar')::integer;
      IF k_offentliggjort IS NOT NULL THEN
        k_afvist := 'offentliggjort';
        RETURN NEXT;
        CONTINUE;
      END IF;
    END IF;

    -- TS131: the kategori of the takst published for the year (its first period) stands all year.
    -- Compared here without case and spacing; the caller compares a difference by the ruleset's
    -- names and synonyms and sends kategori_godkendt when they are the same kategori.
    IF a_id IS NOT NULL AND NOT COALESCE((e->>'kategori_godkendt')::boolean, false) THEN
      SELECT i.vaerdier->>'TS_Kategori' AS kategori INTO udgivet
        FROM takstperioder p JOIN indberetninger i ON i.id = p.indberetning_id
       WHERE p.driftsherre = e->>'driftsherre' AND p.tilbud = e->>'tilbud' AND p.takstaar = (e->>'takstaar')::integer
       ORDER BY p.gyldig_fra, p.id
       LIMIT 1;
      IF FOUND AND takstperioder_kategori(udgivet.kategori) IS DISTINCT FROM takstperioder_kategori(e->'vaerdier'->>'TS_Kategori') THEN
        k_afvist := 'kategori';
        k_kategori := udgivet.kategori;
        RETURN NEXT;
        CONTINUE;
      END IF;
    END IF;

    INSERT INTO kvitteringsnumre AS kn (praefiks, sidste) VALUES (e->>'praefiks', 1)
      ON CONFLICT (praefiks) DO UPDATE SET sidste = kn.sidste + 1
      RETURNING kn.sidste INTO n;
    k_nummer := (e->>'praefiks') || '-' || lpad(n::text, greatest(4, length(n::text)), '0');
    -- The overview's narrow row (migration 006): the server sent `kort` without the two figures
    -- assigned here (src/server/oversigt/kort.ts); without it, it is built from the stored row below.
    IF e ? 'kort' THEN
      INSERT INTO oversigt_kort (id, driftsherre, tilbud, takstaar, version, status, aktuel, antal_versioner, kort)
      VALUES ((e->>'id')::uuid, e->>'driftsherre', e->>'tilbud', (e->>'takstaar')::integer, COALESCE(a_version, 0) + 1, 'modtaget',
              true, 1, left(e->>'kort', -1) || ',' || (COALESCE(a_version, 0) + 1) || ',' || to_json(k_nummer)::text || ']');
    END IF;
    INSERT INTO indberetninger AS x (id, driftsherre, tilbud, ydelse, takstaar, version, nummer, sha256, payload, vaerdier, findings, sprunget, beregnet, modtaget, token_id, regelsaet_id, regelsaet_version)
    VALUES ((e->>'id')::uuid, e->>'driftsherre', e->>'tilbud', e->>'ydelse', (e->>'takstaar')::integer, COALESCE(a_version, 0) + 1,
            k_nummer,
            e->>'sha256', e->'payload', e->'vaerdier', e->'findings', e->'sprunget', NULLIF(e->'beregnet', 'null'::jsonb),
            (e->>'modtaget')::timestamptz, e->>'token_id', e->>'regelsaet_id', (e->>'regelsaet_version')::integer)
    RETURNING x.id::text, x.nummer, x.sha256, x.modtaget INTO k_id, k_nummer, k_sha256, k_modtaget;
    IF NOT e ? 'kort' THEN
      PERFORM oversigt_kort_indsaet(x) FROM indberetninger x WHERE x.id = (e->>'id')::uuid;
    ELSIF a_version IS NOT NULL THEN
      -- A new version: the older ones are no longer current (and all count one more).
      PERFORM oversigt_kort_optael(e->>'driftsherre', e->>'tilbud', (e->>'takstaar')::integer);
    END IF;
    k_ny := true;
    RETURN NEXT;
  END LOOP;
  PERFORM set_config('takst.kort_skrevet', '', true);
END
$$;
