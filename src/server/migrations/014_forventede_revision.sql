-- The season's operations (issue 25, product.md §5.4): the expected skemaer per takstår, the
-- append-only audit trail, and a tilbud new after publication waiting for approval like a change.

-- The expected skemaer (driftsherre, tilbud) of a takstår as the secretariat keeps them. A year
-- in forventede_lister has a kept list (possibly empty); a year without one expects last year's
-- published tilbud (src/server/forventede/sql.ts).
CREATE TABLE forventede_lister (
  takstaar integer PRIMARY KEY CHECK (takstaar BETWEEN 1900 AND 2200),
  gemt     timestamptz NOT NULL DEFAULT clock_timestamp(),
  token_id text REFERENCES tokens(id)
);

CREATE TABLE forventede (
  takstaar    integer NOT NULL REFERENCES forventede_lister(takstaar) ON DELETE CASCADE,
  driftsherre text NOT NULL CHECK (btrim(driftsherre) <> ''),
  tilbud      text NOT NULL CHECK (btrim(tilbud) <> ''),
  PRIMARY KEY (takstaar, driftsherre, tilbud)
);

-- Who did what and when. Rows are only ever added: no route changes or removes one, and the
-- triggers below refuse UPDATE and DELETE whoever asks. No foreign keys, so the record of a
-- submission outlives it. `hvem_art` token: hvem_id is the token id and hvem_navn its description
-- (or driftsherre) at the time; person: a logged-in person's id and name.
CREATE TABLE revisionsspor (
  id               bigserial PRIMARY KEY,
  tidspunkt        timestamptz NOT NULL DEFAULT clock_timestamp(),
  handling         text NOT NULL CHECK (handling IN ('indberetning', 'status', 'bemaerkning', 'regelsaet', 'offentliggoerelse')),
  hvem_art         text NOT NULL CHECK (hvem_art IN ('token', 'person', 'kommandolinje')),
  hvem_id          text,
  hvem_navn        text,
  rolle            text,
  takstaar         integer,
  driftsherre      text,
  tilbud           text,
  indberetning_id  uuid,
  detaljer         jsonb NOT NULL DEFAULT '{}'::jsonb
);

CREATE INDEX revisionsspor_aar_idx ON revisionsspor (takstaar, driftsherre, id);

CREATE FUNCTION revisionsspor_uaendret() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'Revisionssporet kan kun tilføjes, aldrig ændres eller slettes.' USING ERRCODE = 'insufficient_privilege';
END
$$;

CREATE TRIGGER revisionsspor_kun_tilfoej BEFORE UPDATE OR DELETE ON revisionsspor
  FOR EACH ROW EXECUTE FUNCTION revisionsspor_uaendret();
CREATE TRIGGER revisionsspor_ingen_toemning BEFORE TRUNCATE ON revisionsspor
  FOR EACH STATEMENT EXECUTE FUNCTION revisionsspor_uaendret();

-- A submission is recorded by the statement that stores it (gem_indberetninger stores groups of
-- submissions from several requests in one call): who is its token, as the row names it. The
-- skematype (migration 012 on another branch) is read through to_jsonb, so this runs with or without it.
CREATE FUNCTION revisionsspor_indberetning() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO revisionsspor (tidspunkt, handling, hvem_art, hvem_id, hvem_navn, rolle, takstaar, driftsherre, tilbud, indberetning_id, detaljer)
  SELECT NEW.modtaget, 'indberetning', 'token', NEW.token_id, COALESCE(t.beskrivelse, t.driftsherre), t.rolle, NEW.takstaar, NEW.driftsherre, NEW.tilbud, NEW.id,
         jsonb_strip_nulls(jsonb_build_object('version', NEW.version, 'nummer', NEW.nummer, 'skematype', to_jsonb(NEW)->>'skematype',
                                              'aendretIAaret', NEW.aendret_i_aaret IS NOT NULL))
    FROM (SELECT 1) x LEFT JOIN tokens t ON t.id = NEW.token_id;
  RETURN NULL;
END
$$;

CREATE TRIGGER indberetninger_revisionsspor AFTER INSERT ON indberetninger
  FOR EACH ROW EXECUTE FUNCTION revisionsspor_indberetning();

-- An in-year change already opens its periods only when approved (migration 010); a tilbud new
-- after publication opened its first period at once. Now it too waits for the secretariat's
-- approval and then opens from its start (takstperioder_fra).
DROP TRIGGER indberetninger_nyt_tilbud ON indberetninger;

CREATE FUNCTION takstperioder_nyt_tilbud_godkendt() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF COALESCE(to_jsonb(NEW)->>'skematype', 'budget') <> 'budget'
     OR NOT EXISTS (SELECT 1 FROM offentliggoerelser o WHERE o.takstaar = NEW.takstaar)
     OR EXISTS (SELECT 1 FROM takstperioder p WHERE p.indberetning_id = NEW.id)
     OR EXISTS (SELECT 1 FROM indberetninger x WHERE x.driftsherre = NEW.driftsherre AND x.tilbud = NEW.tilbud AND x.takstaar = NEW.takstaar
                AND x.version > NEW.version AND COALESCE(to_jsonb(x)->>'skematype', 'budget') = 'budget') THEN
    RETURN NULL;
  END IF;
  PERFORM takstperioder_aabn(NEW, takstperioder_fra(NEW), 'nyt_tilbud');
  RETURN NULL;
END
$$;

CREATE TRIGGER indberetninger_nyt_tilbud_godkendt AFTER UPDATE OF status ON indberetninger
  FOR EACH ROW WHEN (NEW.status = 'godkendt' AND OLD.status IS DISTINCT FROM 'godkendt' AND NEW.aendret_i_aaret IS NULL)
  EXECUTE FUNCTION takstperioder_nyt_tilbud_godkendt();
