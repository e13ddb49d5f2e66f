-- Regnskabsskemaer (issue 22, product.md §5.2): submitted to the same table as the budget skemaer,
-- told apart by `skematype`. For a regnskab the takstaar column holds the regnskabsår N and
-- `beregnet` the validator's figures with `efterregulering` (A1..A7). Versions, receipts, status
-- and the dialogue work for both kinds; a regnskab never enters the budget's derived tables
-- (oversigt_kort, takstperioder) nor changes whether a budget version is an in-year change.
ALTER TABLE indberetninger ADD COLUMN skematype text NOT NULL DEFAULT 'budget'
  CHECK (skematype IN ('budget', 'regnskab'));

-- A regnskab of year N and the budget of year N of one tilbud are numbered apart.
ALTER TABLE indberetninger DROP CONSTRAINT indberetninger_version_key;
ALTER TABLE indberetninger ADD CONSTRAINT indberetninger_version_key UNIQUE (driftsherre, tilbud, skematype, takstaar, version);

-- The overview's narrow row (migration 006) is the budget's: a regnskab gets none, whichever path stores or updates it.
CREATE OR REPLACE FUNCTION oversigt_kort_indsaet(i indberetninger) RETURNS void LANGUAGE plpgsql AS $$
DECLARE
  maks integer;
  n integer;
BEGIN
  IF i.skematype <> 'budget' THEN
    RETURN;
  END IF;
  SELECT greatest(max(version), i.version), count(*)::int + 1 INTO maks, n
  FROM oversigt_kort WHERE driftsherre = i.driftsherre AND tilbud = i.tilbud AND takstaar = i.takstaar;
  INSERT INTO oversigt_kort (id, driftsherre, tilbud, takstaar, version, status, aktuel, antal_versioner, kort)
  VALUES (i.id, i.driftsherre, i.tilbud, i.takstaar, i.version, i.status, i.version = maks, n, oversigt_kort_tekst(i));
  IF n > 1 THEN
    PERFORM oversigt_kort_optael(i.driftsherre, i.tilbud, i.takstaar);
  END IF;
END
$$;

-- An in-year change is a new budget version after publication; a regnskab is never one.
CREATE OR REPLACE FUNCTION marker_aendring_i_aaret() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF NEW.skematype = 'budget'
     AND EXISTS (SELECT 1 FROM offentliggoerelser o WHERE o.takstaar = NEW.takstaar)
     AND EXISTS (SELECT 1 FROM indberetninger x WHERE x.driftsherre = NEW.driftsherre AND x.tilbud = NEW.tilbud AND x.takstaar = NEW.takstaar AND x.skematype = 'budget') THEN
    NEW.aendret_i_aaret := NEW.modtaget;
    NEW.aendring_begrundelse := NULLIF(btrim(NEW.vaerdier->>'TS_AendringBegrundelse'), '');
  END IF;
  RETURN NEW;
END
$$;

-- Publication opens periods for the budget skemaer of the year only.
CREATE OR REPLACE FUNCTION takstperioder_aabn_aar(aar integer) RETURNS void LANGUAGE plpgsql AS $$
DECLARE
  r indberetninger;
BEGIN
  FOR r IN SELECT DISTINCT ON (x.driftsherre, x.tilbud) x.* FROM indberetninger x WHERE x.takstaar = aar AND x.skematype = 'budget'
           ORDER BY x.driftsherre, x.tilbud, x.version DESC, x.modtaget DESC LOOP
    IF r.status <> 'tilbagetrukket' THEN
      PERFORM takstperioder_aabn(r, make_date(aar, 1, 1), 'offentliggjort');
    END IF;
  END LOOP;
END
$$;

-- A tilbud's first budget skema after publication opens its periods; a regnskab opens none.
CREATE OR REPLACE FUNCTION takstperioder_nyt_tilbud() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF NEW.skematype = 'budget' AND NEW.aendret_i_aaret IS NULL AND EXISTS (SELECT 1 FROM offentliggoerelser o WHERE o.takstaar = NEW.takstaar) THEN
    PERFORM takstperioder_aabn(NEW, takstperioder_fra(NEW), 'nyt_tilbud');
  END IF;
  RETURN NULL;
END
$$;

-- An approved in-year change opens its periods unless a newer budget version exists (a regnskab of the year is no newer version).
CREATE OR REPLACE FUNCTION takstperioder_godkendt() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF NEW.skematype <> 'budget'
     OR EXISTS (SELECT 1 FROM takstperioder p WHERE p.indberetning_id = NEW.id)
     OR EXISTS (SELECT 1 FROM indberetninger x WHERE x.driftsherre = NEW.driftsherre AND x.tilbud = NEW.tilbud AND x.takstaar = NEW.takstaar AND x.skematype = 'budget' AND x.version > NEW.version) THEN
    RETURN NULL;
  END IF;
  PERFORM takstperioder_aabn(NEW, takstperioder_fra(NEW), COALESCE(NULLIF(btrim(NEW.vaerdier->>'TS_AendringArt'), ''), 'aendring'));
  RETURN NULL;
END
$$;

-- Storing (migrations 007, 010) with the skematype: each element may carry `skematype` ('budget'
-- when absent); the current version, the versions and the receipt again are per skematype; a
-- regnskab needs no reason after publication, has no published kategori (TS131) and gets no
-- overview row (`kort` is ignored for it).
CREATE OR REPLACE FUNCTION gem_indberetninger(p jsonb)
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
  st text;
  er_budget boolean;
  med_kort boolean;
BEGIN
  SELECT COALESCE(MAX(nr), 0) INTO senest FROM regelsaet;
  -- This function writes the overview's row of what it stores (migration 006's insert trigger stands aside).
  PERFORM set_config('takst.kort_skrevet', 'ja', true);
  k_i := -1;
  FOR e IN SELECT value FROM jsonb_array_elements(p) LOOP
    k_i := k_i + 1;
    k_id := NULL; k_nummer := NULL; k_sha256 := NULL; k_modtaget := NULL; k_ny := false; k_afvist := NULL; k_offentliggjort := NULL; k_kategori := NULL;
    st := COALESCE(e->>'skematype', 'budget');
    er_budget := st = 'budget';
    med_kort := er_budget AND e ? 'kort';

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
     WHERE x.driftsherre = e->>'driftsherre' AND x.tilbud = e->>'tilbud' AND x.skematype = st AND x.takstaar = (e->>'takstaar')::integer
     ORDER BY x.version DESC
     LIMIT 1;
    IF a_id IS NOT NULL AND a_sha256 = e->>'sha256' AND a_status <> 'tilbagetrukket' THEN
      k_id := a_id::text; k_nummer := a_nummer; k_sha256 := a_sha256; k_modtaget := a_modtaget;
      RETURN NEXT;
      CONTINUE;
    END IF;

    -- A tilbud with no version yet is new, not an in-year change (its first period opens on insert).
    IF er_budget AND (e->>'kraever_begrundelse')::boolean AND a_id IS NOT NULL THEN
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
    IF er_budget AND a_id IS NOT NULL AND NOT COALESCE((e->>'kategori_godkendt')::boolean, false) THEN
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
    IF med_kort THEN
      INSERT INTO oversigt_kort (id, driftsherre, tilbud, takstaar, version, status, aktuel, antal_versioner, kort)
      VALUES ((e->>'id')::uuid, e->>'driftsherre', e->>'tilbud', (e->>'takstaar')::integer, COALESCE(a_version, 0) + 1, 'modtaget',
              true, 1, left(e->>'kort', -1) || ',' || (COALESCE(a_version, 0) + 1) || ',' || to_json(k_nummer)::text || ']');
    END IF;
    INSERT INTO indberetninger AS x (id, driftsherre, tilbud, ydelse, takstaar, skematype, version, nummer, sha256, payload, vaerdier, findings, sprunget, beregnet, modtaget, token_id, regelsaet_id, regelsaet_version)
    VALUES ((e->>'id')::uuid, e->>'driftsherre', e->>'tilbud', e->>'ydelse', (e->>'takstaar')::integer, st, COALESCE(a_version, 0) + 1,
            k_nummer,
            e->>'sha256', e->'payload', e->'vaerdier', e->'findings', e->'sprunget', NULLIF(e->'beregnet', 'null'::jsonb),
            (e->>'modtaget')::timestamptz, e->>'token_id', e->>'regelsaet_id', (e->>'regelsaet_version')::integer)
    RETURNING x.id::text, x.nummer, x.sha256, x.modtaget INTO k_id, k_nummer, k_sha256, k_modtaget;
    IF NOT med_kort THEN
      -- Builds the overview's row from the stored one; a regnskab gets none (oversigt_kort_indsaet).
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
