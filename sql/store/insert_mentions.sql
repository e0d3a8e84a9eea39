-- adds the batch's mentions (their articles' old mentions were deleted first)
INSERT INTO mentions BY NAME SELECT * FROM batch_mentions
