-- one row per rejected input, with the reason, newest first
SELECT source, reason, rejected_at, run_id FROM rejects ORDER BY rejected_at DESC, source
