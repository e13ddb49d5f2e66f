-- The grouping fields of product.md §2 (issue 21) in the overview's narrow row: after the ydelser,
-- before version and receipt number (which migration 007 appends last), one element
-- [TS_Ledelsesomraade, TS_Maalgruppekategori, TS_SaerligOpmaerksomhed] from the parsed values,
-- so the overview filters on them and the takstudvikling report leaves særlig opmærksomhed out
-- without reading the stored JSON (src/server/oversigt/kort.ts builds the same for a new submission).
CREATE OR REPLACE FUNCTION oversigt_kort_tekst(i indberetninger) RETURNS text LANGUAGE sql IMMUTABLE AS $$
  SELECT json_build_array(
    i.id, i.driftsherre, i.tilbud, i.status, floor(extract(epoch FROM i.modtaget) * 1000),
    CASE WHEN jsonb_typeof(i.findings) = 'array' THEN jsonb_path_query_array(i.findings, '$[*] ? (@.severity == "warning")') ELSE '[]'::jsonb END,
    i.vaerdier->'TS_PLPct', i.vaerdier->'TS_Takstenhed', i.regelsaet_id, i.regelsaet_version,
    COALESCE((SELECT jsonb_agg(jsonb_build_array(y->'navn', y->'raekke', y->'takst', y->'sidsteAarsTakst') ORDER BY nr)
              FROM jsonb_array_elements(CASE WHEN jsonb_typeof(i.beregnet->'ydelser') = 'array' THEN i.beregnet->'ydelser' ELSE '[]'::jsonb END)
                   WITH ORDINALITY AS e(y, nr)), '[]'::jsonb),
    jsonb_build_array(i.vaerdier->'TS_Ledelsesomraade', i.vaerdier->'TS_Maalgruppekategori', i.vaerdier->'TS_SaerligOpmaerksomhed'),
    i.version, i.nummer)::text
$$;

-- Every stored row in the new shape (kort is not a key: no row moves between groups).
UPDATE oversigt_kort o SET kort = oversigt_kort_tekst(i) FROM indberetninger i WHERE i.id = o.id;
