-- one row per event whose sentence contains the word (case-insensitive), with its article, in date order
-- params: word=
SELECT date, grain, status, what, actors, attribution, outlet, title, mention_text, sentence
FROM event_sources
WHERE lower(sentence) LIKE '%' || lower($word) || '%'
ORDER BY start_date, end_date, outlet
