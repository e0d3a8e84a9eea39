-- records a flow run as running
INSERT INTO runs (run_id, started_at, status, sources) VALUES ($run_id, $started_at, 'running', $sources)
