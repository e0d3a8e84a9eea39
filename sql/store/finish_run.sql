-- records how a flow run ended and what it counted
UPDATE runs SET finished_at = $finished_at, status = $status, discovered = $discovered, ingested = $ingested,
    unchanged = $unchanged, rejected = $rejected, articles = $articles, mentions = $mentions, events = $events,
    unanchored = $unanchored, seconds = $seconds, message = $message
WHERE run_id = $run_id
