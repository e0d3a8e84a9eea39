-- records each input file of the batch with its fingerprint, so an unchanged file is skipped next time
INSERT OR REPLACE INTO inputs BY NAME SELECT * FROM batch_inputs
