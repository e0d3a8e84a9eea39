-- one row per flow run, newest first
-- params: limit=20
SELECT run_id, started_at, finished_at, status, discovered, ingested, unchanged, rejected, articles, mentions,
       events, unanchored, round(seconds, 2) AS seconds, message
FROM runs
ORDER BY started_at DESC
LIMIT CAST($limit AS INTEGER)
