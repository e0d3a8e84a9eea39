-- removes the listed articles
DELETE FROM articles WHERE article_id IN (SELECT article_id FROM doomed)
