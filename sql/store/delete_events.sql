-- removes the events of the listed articles
DELETE FROM events WHERE article_id IN (SELECT article_id FROM doomed)
