-- removes the mentions of the listed articles (they are re-tagged or gone)
DELETE FROM mentions WHERE article_id IN (SELECT article_id FROM doomed)
