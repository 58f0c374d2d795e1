-- Editions are kept apart by the configuration that makes them (its id), not by the day alone,
-- so two configurations sharing one store never take each other's edition or deliveries.
-- Rows made before ids existed get the empty id; the configuration they belong to adopts them.
CREATE TABLE edition_articles_v2 (
    edition_id   TEXT NOT NULL,
    edition_date TEXT NOT NULL,
    article_key  TEXT NOT NULL,
    PRIMARY KEY (edition_id, edition_date, article_key)
);
INSERT INTO edition_articles_v2 (edition_id, edition_date, article_key)
    SELECT '', edition_date, article_key FROM edition_articles;
DROP TABLE edition_articles;
ALTER TABLE edition_articles_v2 RENAME TO edition_articles;

CREATE TABLE editions_v2 (
    edition_id   TEXT NOT NULL,
    edition_date TEXT NOT NULL,
    title        TEXT NOT NULL,
    made_at      TEXT NOT NULL,
    stories      INTEGER NOT NULL,
    articles     INTEGER NOT NULL,
    PRIMARY KEY (edition_id, edition_date)
);
INSERT INTO editions_v2 (edition_id, edition_date, title, made_at, stories, articles)
    SELECT '', edition_date, title, made_at, stories, articles FROM editions;
DROP TABLE editions;
ALTER TABLE editions_v2 RENAME TO editions;

CREATE TABLE edition_files_v2 (
    edition_id   TEXT NOT NULL,
    edition_date TEXT NOT NULL,
    format       TEXT NOT NULL,
    path         TEXT NOT NULL,
    sha256       TEXT NOT NULL,
    bytes        INTEGER NOT NULL,
    PRIMARY KEY (edition_id, edition_date, format)
);
INSERT INTO edition_files_v2 (edition_id, edition_date, format, path, sha256, bytes)
    SELECT '', edition_date, format, path, sha256, bytes FROM edition_files;
DROP TABLE edition_files;
ALTER TABLE edition_files_v2 RENAME TO edition_files;

CREATE TABLE deliveries_v2 (
    edition_id   TEXT NOT NULL,
    edition_date TEXT NOT NULL,
    recipient    TEXT NOT NULL,
    status       TEXT NOT NULL,
    attempts     INTEGER NOT NULL,
    message_id   TEXT NOT NULL,
    error        TEXT NOT NULL,
    updated_at   TEXT NOT NULL,
    PRIMARY KEY (edition_id, edition_date, recipient)
);
INSERT INTO deliveries_v2 (edition_id, edition_date, recipient, status, attempts, message_id, error, updated_at)
    SELECT '', edition_date, recipient, status, attempts, message_id, error, updated_at FROM deliveries;
DROP TABLE deliveries;
ALTER TABLE deliveries_v2 RENAME TO deliveries;

CREATE TABLE scheduled_runs_v2 (
    edition_id    TEXT NOT NULL,
    scheduled_for TEXT NOT NULL,
    started_at    TEXT NOT NULL,
    finished_at   TEXT NOT NULL,
    outcome       TEXT NOT NULL,
    PRIMARY KEY (edition_id, scheduled_for)
);
INSERT INTO scheduled_runs_v2 (edition_id, scheduled_for, started_at, finished_at, outcome)
    SELECT '', scheduled_for, started_at, finished_at, outcome FROM scheduled_runs;
DROP TABLE scheduled_runs;
ALTER TABLE scheduled_runs_v2 RENAME TO scheduled_runs;

-- Which configuration file each id belongs to, so a second configuration cannot take it over.
CREATE TABLE owners (
    edition_id TEXT PRIMARY KEY,
    config     TEXT NOT NULL,
    title      TEXT NOT NULL,
    claimed_at TEXT NOT NULL
);
