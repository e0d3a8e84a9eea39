-- writes new and changed timeline entries
INSERT OR REPLACE INTO entries BY NAME SELECT * FROM batch_entries
