-- adds the batch's articles; an article already stored (same content hash) is left as it is
INSERT INTO articles BY NAME SELECT * FROM batch_articles ON CONFLICT DO NOTHING
