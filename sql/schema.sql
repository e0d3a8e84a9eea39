-- The stored model: one table per stage of source -> article -> mentions -> events -> timeline entries.
-- Idempotent (IF NOT EXISTS); keys are content hashes so re-ingesting the same input changes nothing.
CREATE TABLE IF NOT EXISTS inputs (
    source       VARCHAR PRIMARY KEY,   -- absolute path of a file that was looked at
    size_bytes   BIGINT,
    mtime_ns     BIGINT,
    content_hash VARCHAR,               -- blake2b of the raw bytes
    status       VARCHAR NOT NULL,      -- ingested | rejected
    seen_at      TIMESTAMP NOT NULL,
    run_id       VARCHAR
);
CREATE TABLE IF NOT EXISTS articles (
    article_id      VARCHAR PRIMARY KEY, -- hash of source + normalised text
    source          VARCHAR NOT NULL,    -- file path, or path#L<n> for a JSON line
    input_source    VARCHAR NOT NULL,    -- the file it came from (inputs.source)
    title           VARCHAR,
    outlet          VARCHAR,
    url             VARCHAR,
    published       DATE,                -- the anchor; NULL when unknown
    anchor_source   VARCHAR NOT NULL,    -- manifest, front-matter, html-meta, jsonl, dateline, inferred, none
    anchor_evidence VARCHAR,
    warnings        VARCHAR[],
    text            VARCHAR NOT NULL,
    ingested_at     TIMESTAMP NOT NULL,
    run_id          VARCHAR
);
CREATE TABLE IF NOT EXISTS mentions (
    article_id     VARCHAR NOT NULL,
    mention_index  INTEGER NOT NULL,
    start_char     INTEGER NOT NULL,
    end_char       INTEGER NOT NULL,
    text           VARCHAR NOT NULL,
    type           VARCHAR NOT NULL,    -- DATE, TIME, DURATION, SET
    value          VARCHAR,             -- TIMEX3 value; NULL = unresolved (see reason)
    mod            VARCHAR,
    start_date     DATE,
    end_date       DATE,
    grain          VARCHAR,
    rule           VARCHAR NOT NULL,
    underspecified VARCHAR NOT NULL,
    anchor         VARCHAR NOT NULL,    -- dct, previous-mention, absolute, none
    tense          VARCHAR,
    reason         VARCHAR,
    boilerplate    BOOLEAN NOT NULL,
    PRIMARY KEY (article_id, mention_index)
);
CREATE TABLE IF NOT EXISTS events (
    event_id       VARCHAR PRIMARY KEY,
    article_id     VARCHAR NOT NULL,
    mention_index  INTEGER NOT NULL,
    value          VARCHAR NOT NULL,
    start_date     DATE NOT NULL,
    end_date       DATE NOT NULL,
    grain          VARCHAR NOT NULL,
    mod            VARCHAR,
    what           VARCHAR NOT NULL,
    trigger        VARCHAR,
    actors         VARCHAR[],
    status         VARCHAR NOT NULL,    -- happened, planned, reported
    attribution    VARCHAR,
    sentence       VARCHAR NOT NULL,
    sentence_start INTEGER NOT NULL,
    sentence_end   INTEGER NOT NULL,
    clause         VARCHAR,              -- the clause of the date, in full (what merging compares)
    entry_id       VARCHAR               -- the timeline entry it was merged into
);
CREATE TABLE IF NOT EXISTS entries (
    entry_id   VARCHAR PRIMARY KEY,
    value      VARCHAR NOT NULL,        -- the most specific date the sources agree on
    start_date DATE NOT NULL,
    end_date   DATE NOT NULL,
    grain      VARCHAR NOT NULL,
    what       VARCHAR NOT NULL,
    sentence   VARCHAR NOT NULL,
    actors     VARCHAR[],
    conflicts  VARCHAR[]                 -- dates other sources gave for the same happening
);
CREATE TABLE IF NOT EXISTS runs (
    run_id      VARCHAR PRIMARY KEY,
    started_at  TIMESTAMP NOT NULL,
    finished_at TIMESTAMP,
    status      VARCHAR NOT NULL,       -- running, completed, failed
    sources     VARCHAR[],
    discovered  INTEGER,
    ingested    INTEGER,
    unchanged   INTEGER,
    rejected    INTEGER,
    articles    INTEGER,
    mentions    INTEGER,
    events      INTEGER,
    unanchored  INTEGER,
    seconds     DOUBLE,
    message     VARCHAR
);
CREATE TABLE IF NOT EXISTS rejects (
    source       VARCHAR NOT NULL,
    reason       VARCHAR NOT NULL,
    content_hash VARCHAR NOT NULL,
    rejected_at  TIMESTAMP NOT NULL,
    run_id       VARCHAR,
    PRIMARY KEY (source, content_hash)
);
