-- records rejected inputs with their reasons; the same bad bytes are recorded once
INSERT INTO rejects BY NAME SELECT * FROM batch_rejects ON CONFLICT DO NOTHING
