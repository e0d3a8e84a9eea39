-- one row per temporal expression of the article (article_id, a prefix of it, or a word of its title/source)
-- params: article=
SELECT a.title, m.mention_index, m.start_char, m.end_char, m.text, m.type, m.value, m.mod, m.grain,
       m.start_date, m.end_date, m.rule, m.anchor, m.tense, m.reason
FROM mentions m
JOIN articles a ON a.article_id = m.article_id
WHERE a.article_id LIKE $article || '%' OR lower(a.title) LIKE '%' || lower($article) || '%'
   OR lower(a.source) LIKE '%' || lower($article) || '%'
ORDER BY a.title, m.start_char
