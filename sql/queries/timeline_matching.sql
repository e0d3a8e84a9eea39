-- one row per timeline entry whose text or sentence contains the words (case-insensitive), in date order
-- params: words=
SELECT date, start_date, end_date, grain, what, actors, n_sources, outlets, sentence
FROM timeline
WHERE lower(what || ' ' || sentence) LIKE '%' || lower($words) || '%'
ORDER BY start_date, end_date, date, what
