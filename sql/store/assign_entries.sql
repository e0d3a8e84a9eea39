-- records which timeline entry each merged event joined
UPDATE events SET entry_id = m.entry_id FROM batch_assign m WHERE events.event_id = m.event_id
