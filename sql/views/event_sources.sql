-- one row per event, with the article and outlet it came from and the timeline entry it joined
CREATE OR REPLACE VIEW event_sources AS
SELECT
    ev.event_id, ev.entry_id, ev.value AS date, ev.start_date, ev.end_date, ev.grain, ev.status,
    ev.what, array_to_string(ev.actors, '; ') AS actors, ev.attribution, ev.sentence,
    a.article_id, a.title, a.outlet, a.url, a.published, a.anchor_source,
    m.text AS mention_text, m.start_char, m.end_char, m.rule, m.tense
FROM events ev
JOIN articles a ON a.article_id = ev.article_id
JOIN mentions m ON m.article_id = ev.article_id AND m.mention_index = ev.mention_index
