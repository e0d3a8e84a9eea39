-- one row per stored mention of an article that has no publication date
SELECT m.* FROM mentions m JOIN articles a USING (article_id) WHERE a.published IS NULL
