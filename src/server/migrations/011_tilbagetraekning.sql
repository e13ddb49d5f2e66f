-- Withdrawing a published takst (issue 26): the takstoversigt shows it ended on the day it was
-- withdrawn (its art kept), instead of dropping it without a mark. The day is kept on its periods
-- (`tilbagetrukket`); a period withdrawn before it began was never in force and stays out, as
-- before. Withdrawing an in-year change that was in force reopens the takst it replaced from the
-- next day (a period of that submission, with its art). Withdrawn before this migration: left as
-- they were (no day, so left out).
ALTER TABLE takstperioder ADD COLUMN tilbagetrukket date;

DROP VIEW takstperioder_gyldige;

-- A period counts when its submission is not withdrawn, or was withdrawn on or after the day it
-- began; it ends the day before the earliest later period of the tilbud from another submission
-- that counts, and at the latest on the day it was withdrawn.
CREATE VIEW takstperioder_gyldige AS
SELECT p.*,
       CASE WHEN p.tilbagetrukket IS NULL THEN e.til ELSE least(e.til, p.tilbagetrukket) END AS gyldig_til
FROM takstperioder p
JOIN indberetninger i ON i.id = p.indberetning_id
CROSS JOIN LATERAL (
  SELECT min(q.gyldig_fra) - 1 AS til
    FROM takstperioder q JOIN indberetninger qi ON qi.id = q.indberetning_id
   WHERE q.driftsherre = p.driftsherre AND q.tilbud = p.tilbud AND q.takstaar = p.takstaar
     AND q.id > p.id AND q.indberetning_id <> p.indberetning_id
     AND (qi.status <> 'tilbagetrukket' OR q.tilbagetrukket >= q.gyldig_fra)
) e
WHERE i.status <> 'tilbagetrukket' OR p.tilbagetrukket >= p.gyldig_fra;

-- The withdrawal day: today in Danish time, at most the takstår's last day (withdrawn after the
-- year, the takst ran all year).
CREATE FUNCTION takstperioder_tilbagetrukket() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  dag date := least(make_date(NEW.takstaar, 12, 31), (now() AT TIME ZONE 'Europe/Copenhagen')::date);
  fra date;
  forrige indberetninger;
  forrige_id uuid;
  forrige_art text;
BEGIN
  SELECT min(p.gyldig_fra) INTO fra FROM takstperioder p WHERE p.indberetning_id = NEW.id;
  IF fra IS NULL THEN
    RETURN NULL;
  END IF;
  UPDATE takstperioder SET tilbagetrukket = dag WHERE indberetning_id = NEW.id;
  IF dag < fra OR dag >= make_date(NEW.takstaar, 12, 31) THEN
    RETURN NULL;
  END IF;
  -- The takst the change replaced: the latest period of another submission that counts, begun before it.
  SELECT p.indberetning_id, p.art INTO forrige_id, forrige_art
    FROM takstperioder p JOIN indberetninger i ON i.id = p.indberetning_id
   WHERE p.driftsherre = NEW.driftsherre AND p.tilbud = NEW.tilbud AND p.takstaar = NEW.takstaar
     AND p.indberetning_id <> NEW.id AND p.gyldig_fra < fra AND i.status <> 'tilbagetrukket'
   ORDER BY p.gyldig_fra DESC, p.id DESC
   LIMIT 1;
  IF FOUND THEN
    SELECT * INTO forrige FROM indberetninger x WHERE x.id = forrige_id;
    PERFORM takstperioder_aabn(forrige, dag + 1, forrige_art);
  END IF;
  RETURN NULL;
END
$$;

CREATE TRIGGER indberetninger_tilbagetrukket AFTER UPDATE OF status ON indberetninger
  FOR EACH ROW WHEN (NEW.status = 'tilbagetrukket' AND OLD.status IS DISTINCT FROM 'tilbagetrukket')
  EXECUTE FUNCTION takstperioder_tilbagetrukket();
