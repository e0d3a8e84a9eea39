-- one row per stored article of the batch's input files whose text is no longer what the file holds
SELECT a.article_id FROM articles a
JOIN batch_inputs b ON a.input_source = b.source
WHERE a.article_id NOT IN (SELECT article_id FROM batch_articles)
