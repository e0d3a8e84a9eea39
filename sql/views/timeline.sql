-- one row per timeline entry, with its sources; sorted by start_date by the queries that read it
CREATE OR REPLACE VIEW timeline AS
SELECT
    e.entry_id,
    e.value                                                   AS date,
    e.start_date,
    e.end_date,
    e.grain,
    e.what,
    array_to_string(e.actors, '; ')                           AS actors,
    count(DISTINCT ev.article_id)                             AS n_sources,
    array_to_string(list_sort(list_distinct(list(coalesce(a.outlet, 'unknown outlet')))), '; ') AS outlets,
    array_to_string(list_sort(list_distinct(list(coalesce(a.title, a.source)))), '; ')         AS articles,
    e.sentence,
    array_to_string(e.conflicts, '; ')                        AS conflicts,
    list_sort(list_distinct(list(ev.status)))                 AS statuses
FROM entries e
JOIN events ev ON ev.entry_id = e.entry_id
JOIN articles a ON a.article_id = ev.article_id
GROUP BY ALL
