-- one row per day-grain event date: how many articles mention it before, on and after it happened
-- (the date-reference signal of news timeline summarisation: much-anticipated and much-recalled days)
SELECT ev.start_date AS day,
       count(DISTINCT ev.article_id) FILTER (WHERE a.published < ev.start_date)  AS articles_before,
       count(DISTINCT ev.article_id) FILTER (WHERE a.published = ev.start_date)  AS articles_on,
       count(DISTINCT ev.article_id) FILTER (WHERE a.published > ev.start_date)  AS articles_after,
       count(DISTINCT ev.article_id)                                            AS articles_total
FROM events ev
JOIN articles a ON a.article_id = ev.article_id
WHERE ev.grain IN ('day', 'part-of-day', 'hour', 'minute') AND a.published IS NOT NULL
GROUP BY ev.start_date
ORDER BY ev.start_date
