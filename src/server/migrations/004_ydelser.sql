-- One submission carries all its ydelser (beregnet->'ydelser'); the storage key
-- becomes (driftsherre, tilbud, takstår). The ydelse column stays and names the first ydelse
-- (informational only; no query keys on it any more).

-- A row stored before the Ydelser table is a one-row table: its single takst becomes
-- beregnet.ydelser[0], so every reader can expand beregnet->'ydelser' alike.
UPDATE indberetninger
SET beregnet = COALESCE(beregnet, '{}'::jsonb) || jsonb_build_object('ydelser', jsonb_build_array(jsonb_build_object(
  'raekke', 0,
  'navn', ydelse,
  'pladser', vaerdier->'TS_Pladser',
  'belaegning', vaerdier->'TS_Belaegning',
  'ressource', NULL,
  'sidsteAarsTakst', vaerdier->'TS_SidsteAarsTakst',
  'belaegningsdage', COALESCE(vaerdier->'TS_Belaegningsdage', beregnet->'belaegningsdage'),
  'basistakst', vaerdier->'TS_Basistakst',
  'servicetakst', vaerdier->'TS_Servicetakst',
  'takst', COALESCE(vaerdier->'TS_Takst', beregnet->'takst'),
  'takstudvikling', COALESCE(vaerdier->'TS_Takstudvikling', beregnet->'takstudvikling'))))
WHERE beregnet IS NULL OR jsonb_typeof(beregnet) <> 'object' OR NOT (beregnet ? 'ydelser');

-- Versions are numbered per (driftsherre, tilbud, takstår) now. Former per-ydelse rows of the
-- same tilbud become successive versions in the order they were received (the last one current).
ALTER TABLE indberetninger DROP CONSTRAINT indberetninger_version_key;
UPDATE indberetninger i SET version = n.nr
FROM (SELECT id, row_number() OVER (PARTITION BY driftsherre, tilbud, takstaar ORDER BY modtaget, version, id)::int AS nr
      FROM indberetninger) n
WHERE n.id = i.id AND i.version <> n.nr;
ALTER TABLE indberetninger ADD CONSTRAINT indberetninger_version_key UNIQUE (driftsherre, tilbud, takstaar, version);
