-- Rulesets the secretariat publishes (product.md §5-§6). A row is never changed: a correction
-- is a new version. nr orders publications, so a server can tell that another one published.
CREATE TABLE regelsaet (
  nr             bigserial PRIMARY KEY,
  id             text NOT NULL,
  version        integer NOT NULL CHECK (version >= 1),
  schema_version integer NOT NULL,
  navn           text NOT NULL,
  region         text NOT NULL,
  takstaar       integer NOT NULL,
  indhold        jsonb NOT NULL,
  sha256         text NOT NULL CHECK (length(sha256) = 64),
  udgivet        timestamptz NOT NULL DEFAULT now(),
  -- null when published from the command line on the server itself
  token_id       text REFERENCES tokens(id),
  CONSTRAINT regelsaet_version_key UNIQUE (id, version)
);

-- The ruleset (id and version) the server validated a submission against.
ALTER TABLE indberetninger ADD COLUMN regelsaet_id text;
ALTER TABLE indberetninger ADD COLUMN regelsaet_version integer;
