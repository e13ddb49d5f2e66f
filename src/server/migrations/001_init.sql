-- Tokens: only the sha256 of the secret part is stored.
CREATE TABLE tokens (
  id           text PRIMARY KEY,
  hash         text NOT NULL,
  rolle        text NOT NULL CHECK (rolle IN ('kommune', 'sekretariat')),
  driftsherre  text,
  beskrivelse  text,
  oprettet     timestamptz NOT NULL DEFAULT now(),
  tilbagekaldt timestamptz,
  CHECK (rolle = 'sekretariat' OR driftsherre IS NOT NULL)
);

-- One row per accepted submission; a resubmission with changes is a new version.
CREATE TABLE indberetninger (
  id          uuid PRIMARY KEY,
  driftsherre text NOT NULL,
  tilbud      text NOT NULL,
  ydelse      text NOT NULL,
  takstaar    integer NOT NULL,
  version     integer NOT NULL CHECK (version >= 1),
  sha256      text NOT NULL CHECK (length(sha256) = 64),
  payload     jsonb NOT NULL,
  vaerdier    jsonb NOT NULL,
  findings    jsonb NOT NULL,
  sprunget    jsonb NOT NULL,
  beregnet    jsonb,
  modtaget    timestamptz NOT NULL,
  token_id    text NOT NULL REFERENCES tokens(id),
  CONSTRAINT indberetninger_version_key UNIQUE (driftsherre, tilbud, ydelse, takstaar, version),
  CONSTRAINT indberetninger_sha256_key UNIQUE (driftsherre, sha256)
);

CREATE INDEX indberetninger_takstaar_idx ON indberetninger (takstaar);
