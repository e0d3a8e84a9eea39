-- one row per day-grain (or finer) event of an article with a known publication date
SELECT ev.*, a.outlet FROM events ev JOIN articles a USING (article_id)
WHERE a.published IS NOT NULL AND ev.grain IN ('day', 'part-of-day', 'hour', 'minute')
