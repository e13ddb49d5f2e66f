-- The outbox of e-mail (issue 25, product.md §5.4). A mail is written here in the same
-- transaction as the action that causes it, so a rolled-back action sends nothing and a mail
-- server that is down loses nothing; the sender (src/server/udbakke/afsender.ts) sends what is due.
CREATE TABLE udbakke (
  id             bigserial PRIMARY KEY,
  art            text NOT NULL CHECK (art IN ('kvittering', 'spoergsmaal', 'svar', 'godkendt', 'offentliggjort', 'paamindelse')),
  modtagere      text[] NOT NULL CHECK (cardinality(modtagere) > 0),
  -- The facts the Danish text is written from (udbakke/tekster.ts), never the text itself.
  data           jsonb NOT NULL,
  -- A mail that may be written once only (a reminder per driftsherre, takstår and day count).
  noegle         text UNIQUE,
  status         text NOT NULL DEFAULT 'afventer' CHECK (status IN ('afventer', 'sendt', 'fejlet')),
  oprettet       timestamptz NOT NULL DEFAULT clock_timestamp(),
  -- When a sender may next take it: a sender that takes it moves this forward (its claim), so a
  -- sender that stops mid-send leaves it to be taken again.
  naeste_forsoeg timestamptz NOT NULL DEFAULT clock_timestamp(),
  forsoeg        integer NOT NULL DEFAULT 0,
  sendt          timestamptz,
  -- The SMTP server's last answer, accepted or refused.
  svar           text
);

CREATE INDEX udbakke_forfaldne ON udbakke (naeste_forsoeg) WHERE status = 'afventer';
