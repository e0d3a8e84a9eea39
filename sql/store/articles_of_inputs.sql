-- one row per stored article, with the input file it came from
SELECT input_source, article_id FROM articles
