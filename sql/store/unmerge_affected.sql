-- detaches the events of every timeline entry that loses a member, so those entries are merged afresh
UPDATE events SET entry_id = NULL
WHERE entry_id IN (SELECT DISTINCT entry_id FROM events WHERE article_id IN (SELECT article_id FROM doomed))
