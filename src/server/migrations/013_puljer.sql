-- The pool of hensatte overskud per (driftsherre, ledelsesområde) (product.md §5.2, issue 22): the
-- opening vintages of a pool that predates the service. The rest of the pool is computed from the
-- regnskabsskemaer each time it is read, so nothing here can drift from them. A POST replaces a
-- pool's opening vintages as a whole (one transaction); when and by which token is kept per row.
-- The ledelsesområde is matched without regard to case or surrounding spaces, as people type it.
CREATE TABLE pulje_primo (
  driftsherre     text NOT NULL,
  ledelsesomraade text NOT NULL,
  vedroerer_aar   integer NOT NULL CHECK (vedroerer_aar BETWEEN 1900 AND 2200),
  beloeb          bigint NOT NULL CHECK (beloeb >= 0),
  registreret     timestamptz NOT NULL DEFAULT clock_timestamp(),
  token_id        text NOT NULL REFERENCES tokens(id)
);

CREATE UNIQUE INDEX pulje_primo_noegle ON pulje_primo (driftsherre, lower(btrim(ledelsesomraade)), vedroerer_aar);
