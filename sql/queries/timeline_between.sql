-- one row per timeline entry whose dates overlap [from, to], in date order
-- params: from=0001-01-01, to=9999-12-31
SELECT date, start_date, end_date, grain, what, actors, n_sources, outlets, articles, sentence, conflicts
FROM timeline
WHERE start_date <= CAST($to AS DATE) AND end_date >= CAST($from AS DATE)
ORDER BY start_date, end_date, date, what
