-- one row per input file seen before, with its fingerprint
SELECT source, size_bytes, mtime_ns, content_hash, status FROM inputs
