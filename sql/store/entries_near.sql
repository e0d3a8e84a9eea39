-- one row per event already in a timeline entry whose dates come within a week of [from, to]
SELECT ev.*, a.outlet, a.published FROM events ev JOIN articles a USING (article_id)
WHERE ev.entry_id IS NOT NULL
  AND ev.start_date <= CAST($to AS DATE) + INTERVAL 7 DAY
  AND ev.end_date >= CAST($from AS DATE) - INTERVAL 7 DAY
