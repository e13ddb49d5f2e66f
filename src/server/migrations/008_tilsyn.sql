-- Issue 23: the socialtilsyn submits its tilsynsskema; the secretariat approves and publishes it.
ALTER TABLE tokens DROP CONSTRAINT tokens_rolle_check;
ALTER TABLE tokens ADD CONSTRAINT tokens_rolle_check CHECK (rolle IN ('kommune', 'sekretariat', 'socialtilsyn'));

-- One row per accepted tilsynsskema; a resubmission is the next version of the tilsyn's year.
CREATE TABLE tilsynsskemaer (
  id             uuid PRIMARY KEY,
  socialtilsyn   text NOT NULL,
  budgetaar      integer NOT NULL,
  version        integer NOT NULL CHECK (version >= 1),
  regelsaet      text NOT NULL,
  payload        jsonb NOT NULL,
  findings       jsonb NOT NULL,
  beregnet       jsonb NOT NULL,
  modtaget       timestamptz NOT NULL DEFAULT now(),
  token_id       text NOT NULL REFERENCES tokens(id),
  godkendt       timestamptz,
  godkendt_af    text REFERENCES tokens(id),
  offentliggjort timestamptz,
  CONSTRAINT tilsynsskemaer_version_key UNIQUE (socialtilsyn, budgetaar, version),
  CHECK (offentliggjort IS NULL OR godkendt IS NOT NULL)
);

CREATE INDEX tilsynsskemaer_budgetaar_idx ON tilsynsskemaer (budgetaar);
