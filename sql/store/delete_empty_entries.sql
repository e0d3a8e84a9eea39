-- removes timeline entries no event belongs to any more
DELETE FROM entries WHERE entry_id NOT IN (SELECT entry_id FROM events WHERE entry_id IS NOT NULL)
