-- adds the batch's events, not yet merged into timeline entries
INSERT INTO events BY NAME SELECT * FROM batch_events
