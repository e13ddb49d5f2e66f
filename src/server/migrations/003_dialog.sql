-- Dialogue (status and remarks), short receipt numbers, A→B→A as three versions.

-- A body equal to an older version is a new version now, so the same sha256 may occur several
-- times per driftsherre; what stays unique is (driftsherre, tilbud, ydelse, takstaar, version),
-- the guard against two concurrent submissions taking the same version number.
ALTER TABLE indberetninger DROP CONSTRAINT indberetninger_sha256_key;

-- Status of each submission (product.md §5); a new version starts as modtaget.
ALTER TABLE indberetninger ADD COLUMN status text NOT NULL DEFAULT 'modtaget'
  CHECK (status IN ('modtaget', 'i_dialog', 'godkendt', 'tilbagetrukket'));

-- Short receipt number, e.g. SYD-2018-0042: ruleset id (+ takstår when the id does not end
-- with it) and a sequence per ruleset and takstår. Rows from before this migration have none.
ALTER TABLE indberetninger ADD COLUMN nummer text;
ALTER TABLE indberetninger ADD CONSTRAINT indberetninger_nummer_key UNIQUE (nummer);

-- The next sequence number per prefix; the row lock of the upsert serialises concurrent receipts.
CREATE TABLE kvitteringsnumre (
  praefiks text PRIMARY KEY,
  sidste   integer NOT NULL CHECK (sidste >= 1)
);

-- The dialogue: status changes and remarks on one submission, with who and when. Who is kept
-- as the token's role, driftsherre and description at the time, so a revoked or renamed token
-- does not rewrite history.
CREATE TABLE dialog (
  id              bigserial PRIMARY KEY,
  indberetning_id uuid NOT NULL REFERENCES indberetninger(id) ON DELETE CASCADE,
  art             text NOT NULL CHECK (art IN ('status', 'bemaerkning')),
  status          text CHECK (status IN ('modtaget', 'i_dialog', 'godkendt', 'tilbagetrukket')),
  tekst           text,
  token_id        text NOT NULL REFERENCES tokens(id),
  rolle           text NOT NULL,
  driftsherre     text,
  beskrivelse     text,
  tidspunkt       timestamptz NOT NULL DEFAULT clock_timestamp(),
  CHECK ((art = 'status') = (status IS NOT NULL)),
  CHECK (art = 'status' OR tekst IS NOT NULL)
);

CREATE INDEX dialog_indberetning_idx ON dialog (indberetning_id, id);
