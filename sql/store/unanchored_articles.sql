-- one row per stored article that has no publication date from any source or its own text
SELECT article_id, source, input_source, title, outlet, url, warnings, text FROM articles
WHERE published IS NULL ORDER BY source
