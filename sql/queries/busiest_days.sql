-- one row per calendar day with day-grain (or finer) events, busiest first: how much happened that day
-- params: limit=20
SELECT start_date AS day, count(DISTINCT entry_id) AS entries, count(*) AS events,
       count(DISTINCT article_id) AS articles
FROM events
WHERE grain IN ('day', 'part-of-day', 'hour', 'minute')
GROUP BY start_date
ORDER BY entries DESC, events DESC, day
LIMIT CAST($limit AS INTEGER)
