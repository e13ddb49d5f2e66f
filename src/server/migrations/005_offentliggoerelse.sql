-- Publication of a takstår and in-year changes after it (product.md §5).

-- One row per published takstår; publishing again changes nothing (the first date stands).
CREATE TABLE offentliggoerelser (
  takstaar       integer PRIMARY KEY CHECK (takstaar BETWEEN 1900 AND 2200),
  offentliggjort timestamptz NOT NULL DEFAULT clock_timestamp(),
  token_id       text NOT NULL REFERENCES tokens(id),
  -- How many takster (ydelser) were current at publication, for the record.
  antal_takster  integer NOT NULL CHECK (antal_takster >= 0)
);

-- A version received after its year was published is an in-year change: when, and why.
ALTER TABLE indberetninger ADD COLUMN aendret_i_aaret timestamptz;
ALTER TABLE indberetninger ADD COLUMN aendring_begrundelse text;

-- Marked by the database on insert, so whichever code stores a submission cannot forget it and
-- the marking is part of the same statement (nothing partial). The route refuses a version
-- without a reason before it gets here; the trigger only records.
CREATE FUNCTION marker_aendring_i_aaret() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF EXISTS (SELECT 1 FROM offentliggoerelser o WHERE o.takstaar = NEW.takstaar) THEN
    NEW.aendret_i_aaret := NEW.modtaget;
    NEW.aendring_begrundelse := NULLIF(btrim(NEW.vaerdier->>'TS_AendringBegrundelse'), '');
  END IF;
  RETURN NEW;
END
$$;

CREATE TRIGGER indberetninger_aendring_i_aaret BEFORE INSERT ON indberetninger
  FOR EACH ROW EXECUTE FUNCTION marker_aendring_i_aaret();
