-- Storing a submission is one call of this function, for one submission or a group of
-- them (the writer in lager.ts sends what arrived while the previous call ran). A PL/pgSQL
-- function keeps the plans of its statements for the session, where the former one-statement
-- store was planned again on every call (PGlite cannot keep a prepared statement), and a group
-- is one round trip and one commit (one disk flush) however many it holds.
--
-- p: a JSON array, each element {id, driftsherre, tilbud, ydelse, takstaar, sha256, payload,
-- vaerdier, findings, sprunget, beregnet, modtaget, token_id, praefiks, regelsaet_id,
-- regelsaet_version, udgivelse, kraever_begrundelse, kort}. One row comes back per element, in order
-- (k_i from 0):
--   afvist 'token'          the token is revoked: nothing stored;
--   afvist 'regelsaet'      a ruleset was published after `udgivelse`: validate again;
--   k_ny false              the body is the current version's (not withdrawn): its receipt;
--   afvist 'offentliggjort' the takstår is published and the body is a new version without
--                           a reason for the in-year change (kraever_begrundelse): the date;
--   k_ny true               stored as the next version with the next receipt number.
-- The elements run in turn, each statement seeing those before it, so two of one tilbud in a
-- group are two versions. Two servers storing the same tilbud at once: one insert fails on
-- indberetninger_version_key after the other commits; the caller runs it again alone.
-- The counter row's lock (the receipt number) is held to the commit, so numbers have no gaps
-- and no duplicates; the writer sends elements in prefix order so two servers cannot deadlock.
CREATE FUNCTION gem_indberetninger(p jsonb)
RETURNS TABLE (k_i integer, k_id text, k_nummer text, k_sha256 text, k_modtaget timestamptz, k_ny boolean, k_afvist text, k_offentliggjort timestamptz)
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
BEGIN
  SELECT COALESCE(MAX(nr), 0) INTO senest FROM regelsaet;
  -- This function writes the overview's row of what it stores (migration 006's insert trigger stands aside).
  PERFORM set_config('takst.kort_skrevet', 'ja', true);
  k_i := -1;
  FOR e IN SELECT value FROM jsonb_array_elements(p) LOOP
    k_i := k_i + 1;
    k_id := NULL; k_nummer := NULL; k_sha256 := NULL; k_modtaget := NULL; k_ny := false; k_afvist := NULL; k_offentliggjort := NULL;

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

    IF (e->>'kraever_begrundelse')::boolean THEN
      SELECT o.offentliggjort INTO k_offentliggjort FROM offentliggoerelser o WHERE o.takstaar = (e->>'takstaar')::integer;
      IF k_offentliggjort IS NOT NULL THEN
        k_afvist := 'offentliggjort';
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

-- A submission's row is about 2.5 kB (payload, vaerdier, findings, beregnet), just over the 2 kB
-- at which PostgreSQL tries to compress it on every insert; rows below 8 kB now stay as they are
-- (a few kB more on disk per submission, about 6 % more submissions per second on PGlite).
ALTER TABLE indberetninger SET (toast_tuple_target = 8160);
