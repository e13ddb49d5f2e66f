-- The public takstoversigt's edition (issue 27): one number that grows whenever what the public
-- list shows may change. Every service instance keeps the built page, CSV and .xlsx under the
-- edition it read first and asks for it (one row) on each request, so a change made through any
-- instance reaches every instance's next answer. It is a row, not a sequence: the new number
-- becomes visible exactly when the change does (at commit), so an answer is never kept under an
-- edition whose data it did not see.
CREATE TABLE offentlig_udgave (
  id     boolean PRIMARY KEY DEFAULT true CHECK (id),
  udgave bigint NOT NULL
);
INSERT INTO offentlig_udgave (id, udgave) VALUES (true, 1);

CREATE FUNCTION offentlig_udgave_op() RETURNS void LANGUAGE sql AS $$
  UPDATE offentlig_udgave SET udgave = udgave + 1 WHERE id
$$;

-- Publication, its periods (publication, approved change, a tilbud new after publication) and
-- their removal: always a change. The exclusive lock pairs with the submissions' shared one below.
CREATE FUNCTION offentlig_udgave_altid() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_TABLE_NAME = 'offentliggoerelser' THEN
    PERFORM pg_advisory_xact_lock(2027001);
  END IF;
  PERFORM offentlig_udgave_op();
  RETURN NULL;
END
$$;

CREATE TRIGGER offentliggoerelser_udgave AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON offentliggoerelser
  FOR EACH STATEMENT EXECUTE FUNCTION offentlig_udgave_altid();
CREATE TRIGGER takstperioder_udgave AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON takstperioder
  FOR EACH STATEMENT EXECUTE FUNCTION offentlig_udgave_altid();
CREATE TRIGGER indberetninger_udgave_tom AFTER TRUNCATE ON indberetninger
  FOR EACH STATEMENT EXECUTE FUNCTION offentlig_udgave_altid();

-- A submission changes the list of the next year when that is published (last year's takst beside
-- each takst); withdrawn, its status changed or deleted, that of its own year too (a new one
-- enters its own year's list only through its periods, above). Only then: a season's submissions
-- and the in-year changes awaiting approval do not queue on the one row. The shared lock makes a
-- publication committing meanwhile wait for this transaction, or this check see that
-- publication: either way the edition moves after both.
CREATE FUNCTION offentlig_udgave_indberetning() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  r indberetninger;
BEGIN
  r := CASE WHEN TG_OP = 'DELETE' THEN OLD ELSE NEW END;
  PERFORM pg_advisory_xact_lock_shared(2027001);
  IF EXISTS (SELECT 1 FROM offentliggoerelser o WHERE o.takstaar = r.takstaar + 1 OR (TG_OP <> 'INSERT' AND o.takstaar = r.takstaar))
     OR (TG_OP = 'UPDATE' AND EXISTS (SELECT 1 FROM offentliggoerelser o WHERE o.takstaar IN (OLD.takstaar, OLD.takstaar + 1))) THEN
    PERFORM offentlig_udgave_op();
  END IF;
  RETURN NULL;
END
$$;

CREATE TRIGGER indberetninger_udgave AFTER INSERT OR UPDATE OR DELETE ON indberetninger
  FOR EACH ROW EXECUTE FUNCTION offentlig_udgave_indberetning();
