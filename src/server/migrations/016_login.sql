-- Issue 25: personal login (OpenID Connect) beside the bearer tokens, and tokens that expire.

-- A bearer token may expire (takst-server token opret --udloeber 2027-06-30); none = never.
ALTER TABLE tokens ADD COLUMN udloeber timestamptz;

-- A person who logged in has a row here too (art 'person'), one per person, role and
-- driftsherre, so every table that names its token_id names the person; its hash is of a random
-- secret never shown, so the row cannot be used as a bearer token. beskrivelse holds the name.
ALTER TABLE tokens ADD COLUMN art text NOT NULL DEFAULT 'token' CHECK (art IN ('token', 'person'));
ALTER TABLE tokens ADD COLUMN person text;
CREATE UNIQUE INDEX tokens_person_idx ON tokens (person, rolle, COALESCE(driftsherre, '')) WHERE art = 'person' AND tilbagekaldt IS NULL;

-- The secretariat's mapping of a person (the OpenID subject or e-mail, lower case) to role and
-- driftsherre, used when the provider does not send them as claims.
CREATE TABLE brugertilknytninger (
  bruger      text PRIMARY KEY,
  rolle       text NOT NULL CHECK (rolle IN ('kommune', 'sekretariat', 'socialtilsyn')),
  driftsherre text,
  navn        text,
  oprettet    timestamptz NOT NULL DEFAULT now(),
  CHECK (rolle = 'sekretariat' OR driftsherre IS NOT NULL)
);

-- A login under way: state → PKCE verifier and nonce, until the provider sends the user back.
-- In the database, so the callback may reach another server sharing it.
CREATE TABLE loginforsoeg (
  state     text PRIMARY KEY,
  verifier  text NOT NULL,
  nonce     text NOT NULL,
  tilbage   text NOT NULL,
  rude      boolean NOT NULL,
  udloeber  timestamptz NOT NULL
);

-- Sessions: only the sha256 of the cookie's (or the pane's) random id is stored.
CREATE TABLE sessioner (
  hash      text PRIMARY KEY,
  token_id  text NOT NULL REFERENCES tokens(id),
  oprettet  timestamptz NOT NULL DEFAULT now(),
  udloeber  timestamptz NOT NULL
);
