-- one row per timeline entry naming the actor (case-insensitive substring of any actor), in date order
-- params: actor=
SELECT date, start_date, end_date, grain, what, actors, n_sources, outlets, sentence
FROM timeline
WHERE lower(actors) LIKE '%' || lower($actor) || '%'
ORDER BY start_date, end_date, date, what
