-- one row per event not yet in a timeline entry, in date order
SELECT ev.*, a.outlet, a.published FROM events ev JOIN articles a USING (article_id)
WHERE ev.entry_id IS NULL ORDER BY ev.start_date, ev.article_id, ev.mention_index
