-- Articles each edition carried, so a later edition knows what is a repeat.
CREATE TABLE articles (
    article_key TEXT PRIMARY KEY,
    title       TEXT NOT NULL,
    url         TEXT NOT NULL,
    first_seen  TEXT NOT NULL
);

CREATE TABLE edition_articles (
    edition_date TEXT NOT NULL,
    article_key  TEXT NOT NULL,
    PRIMARY KEY (edition_date, article_key)
);

-- Editions made, and the files each was archived as.
CREATE TABLE editions (
    edition_date TEXT PRIMARY KEY,
    title        TEXT NOT NULL,
    made_at      TEXT NOT NULL,
    stories      INTEGER NOT NULL,
    articles     INTEGER NOT NULL
);

CREATE TABLE edition_files (
    edition_date TEXT NOT NULL,
    format       TEXT NOT NULL,
    path         TEXT NOT NULL,
    sha256       TEXT NOT NULL,
    bytes        INTEGER NOT NULL,
    PRIMARY KEY (edition_date, format)
);

-- One row per edition and recipient. 'sending' is written before the message leaves and
-- replaced after, so a row still 'sending' at the next run means the process stopped between.
CREATE TABLE deliveries (
    edition_date TEXT NOT NULL,
    recipient    TEXT NOT NULL,
    status       TEXT NOT NULL,
    attempts     INTEGER NOT NULL,
    message_id   TEXT NOT NULL,
    error        TEXT NOT NULL,
    updated_at   TEXT NOT NULL,
    PRIMARY KEY (edition_date, recipient)
);

-- Scheduled runs, so a run missed while the process was down can be caught up.
CREATE TABLE scheduled_runs (
    scheduled_for TEXT PRIMARY KEY,
    started_at    TEXT NOT NULL,
    finished_at   TEXT NOT NULL,
    outcome       TEXT NOT NULL
);
