-- one row per article without a publication date, with how many of its expressions stayed unresolved
SELECT a.article_id, coalesce(a.title, a.source) AS article, a.anchor_source,
       count(m.mention_index) FILTER (WHERE m.value IS NULL AND NOT m.boilerplate) AS unresolved
FROM articles a
LEFT JOIN mentions m ON m.article_id = a.article_id
WHERE a.published IS NULL OR a.anchor_source = 'inferred'
GROUP BY ALL
ORDER BY article
