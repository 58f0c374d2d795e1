package org.newsbrief.store;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * What editions were made, which articles they carried, and how each delivery went. One
 * connection, used by one thread at a time; every change is committed at once, so what the store
 * says survives the process being killed right after.
 *
 * <p>An open store speaks for one edition id (a configuration's {@code id:}): every row it reads
 * or writes carries that id, so several configurations can share one database without taking each
 * other's editions or deliveries. The id is claimed for one configuration file; another file
 * claiming it is refused. A configuration with several editions a day ({@code morning},
 * {@code evening}) gets a store for each from {@link #named}, whose rows carry the id and the name.
 */
public final class EditionStore implements AutoCloseable {

    /** Schema migrations, applied in order; a database records the last one it has. */
    private static final List<String> MIGRATIONS = List.of("V1__editions.sql", "V2__edition_ids.sql");

    /** How a delivery stands. */
    public enum Status {
        /** Recorded before the message left; still so at the next run means the process stopped in between. */
        SENDING,
        /** The server accepted the message. */
        SENT,
        /** Failed for a reason that may pass (server down, 4xx); the next run tries again. */
        FAILED,
        /** The server refused it for good (5xx); not tried again unless forced. */
        REJECTED,
        /** Found still {@code SENDING} by a later run: it may or may not have arrived, so it is not repeated unless forced. */
        INTERRUPTED
    }

    /**
     * One edition's delivery to one recipient.
     *
     * @param date the edition
     * @param recipient the address
     * @param status how it stands
     * @param attempts how many times it was handed to the mail server, over all runs
     * @param messageId the Message-ID it was sent with
     * @param error the last failure, or empty
     * @param updatedAt when the row last changed
     */
    public record Delivery(LocalDate date, String recipient, Status status, int attempts, String messageId, String error,
            Instant updatedAt) {}

    /**
     * A file an edition was archived as.
     *
     * @param format pdf, html, md, txt or json
     * @param path where it is
     * @param sha256 its digest, hex
     * @param bytes its size
     */
    public record EditionFile(String format, Path path, String sha256, long bytes) {}

    /**
     * An edition made.
     *
     * @param date the day it covers
     * @param title its title
     * @param madeAt when it was made
     * @param stories how many stories it holds
     * @param articles how many articles it was made from
     * @param files the archived files
     */
    public record Edition(LocalDate date, String title, Instant madeAt, int stories, int articles, List<EditionFile> files) {

        public Edition {
            files = List.copyOf(files);
        }
    }

    /**
     * Who an edition id belongs to.
     *
     * @param id the edition id, such as {@code morning-briefing}
     * @param config the configuration file that makes it, as an absolute path
     * @param title the configuration's title, which tells whose editions made before ids existed are
     */
    public record Owner(String id, String config, String title) {

        public Owner {
            Objects.requireNonNull(id, "id");
            Objects.requireNonNull(config, "config");
            Objects.requireNonNull(title, "title");
            if (id.isBlank()) {
                throw new IllegalArgumentException("id must not be blank");
            }
        }
    }

    /** The id rows made before ids existed carry, and the one an unowned store speaks for. */
    private static final String NO_ID = "";
    /** Tables whose rows belong to one edition id. */
    private static final List<String> OWNED_TABLES = List.of("edition_articles", "editions", "edition_files", "deliveries",
            "scheduled_runs");

    /** What an edition's name may be: safe in a file name, a folder name and a Message-ID. */
    public static final Pattern EDITION_NAME = Pattern.compile("[a-z0-9](?:[a-z0-9-]{0,30}[a-z0-9])?");

    /** Between a configuration's id and an edition's name in the id its rows carry: never part of an id itself. */
    private static final String NAME_SEPARATOR = ".";

    private final String url;
    private final Connection connection;
    private final Clock clock;
    private final String id;
    /** The store this one speaks for a named edition of, or {@code null} when it owns the connection. */
    private final EditionStore base;
    /** The edition's name, empty for a configuration's unnamed edition. */
    private final String name;
    /** Guards the connection, shared by a store and the named editions opened from it. */
    private final Object lock;

    private EditionStore(String url, Connection connection, Clock clock, String id, EditionStore base, String name, Object lock) {
        this.url = url;
        this.connection = connection;
        this.clock = clock;
        this.id = id;
        this.base = base;
        this.name = name;
        this.lock = lock;
    }

    /**
     * The same database speaking for one named edition of this configuration ({@code evening}):
     * its editions, deliveries and scheduled runs are rows of its own, so a morning and an evening
     * edition of one day each reach every recipient once. It shares this store's connection, and
     * closing it leaves the connection open.
     *
     * @param name the edition's name, lower-case letters, digits and inner hyphens; empty for the unnamed edition
     * @return the store for that edition
     */
    public EditionStore named(String name) {
        Objects.requireNonNull(name, "name");
        EditionStore root = base == null ? this : base;
        if (name.isEmpty()) {
            return root;
        }
        if (!EDITION_NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("an edition's name must be lower-case letters, digits and inner hyphens, "
                    + "at most 32, was '" + name + "'");
        }
        return new EditionStore(root.url, root.connection, root.clock, root.id + NAME_SEPARATOR + name, root, name, root.lock);
    }

    /** @return the name of the edition this store speaks for, empty for the configuration's unnamed edition */
    public String editionName() {
        return name;
    }

    /**
     * Opens the store for the edition with no id, as a store made before ids existed has it.
     *
     * @param jdbcUrl the database, such as {@code jdbc:sqlite:data/newsbrief.db}
     * @param clock stamps the rows
     * @return the open store
     * @throws StoreException naming the database when it cannot be opened or migrated
     */
    public static EditionStore open(String jdbcUrl, Clock clock) {
        return open(jdbcUrl, clock, null);
    }

    /**
     * Opens the store, creating the SQLite file and its folder when missing, brings its schema up
     * to date, and claims the owner's edition id. The first owner whose title matches the editions
     * made before ids existed adopts them, deliveries included.
     *
     * @param jdbcUrl the database, such as {@code jdbc:sqlite:data/newsbrief.db}
     * @param clock stamps the rows
     * @param owner the configuration the store speaks for, or {@code null} for the edition with no id
     * @return the open store
     * @throws StoreException naming the database when it cannot be opened or migrated, or when the
     *     id already belongs to another configuration file that still exists
     */
    public static EditionStore open(String jdbcUrl, Clock clock, Owner owner) {
        Objects.requireNonNull(jdbcUrl, "jdbcUrl");
        Objects.requireNonNull(clock, "clock");
        String shown = jdbcUrl.replaceAll("(?i)(password=)[^&;]*", "$1***");
        try {
            if (jdbcUrl.startsWith("jdbc:sqlite:") && !jdbcUrl.contains(":memory:")) {
                Path file = Path.of(jdbcUrl.substring("jdbc:sqlite:".length()).replaceAll("\\?.*", ""));
                if (file.toAbsolutePath().getParent() != null) {
                    Files.createDirectories(file.toAbsolutePath().getParent());
                }
            }
            Connection connection = DriverManager.getConnection(jdbcUrl);
            if (jdbcUrl.startsWith("jdbc:sqlite:")) {
                try (Statement statement = connection.createStatement()) {
                    statement.execute("PRAGMA busy_timeout = 10000");
                    statement.execute("PRAGMA synchronous = FULL");
                }
            }
            EditionStore store = new EditionStore(shown, connection, clock, owner == null ? NO_ID : owner.id(), null, "",
                    new Object());
            try {
                store.migrate();
                if (owner != null) {
                    store.claim(owner);
                }
            } catch (SQLException | IOException | RuntimeException e) {
                connection.close();
                throw e;
            }
            return store;
        } catch (SQLException | IOException e) {
            throw new StoreException("cannot open the store " + shown + ": " + e.getMessage(), e);
        }
    }

    private void migrate() throws SQLException, IOException {
        try (Statement statement = connection.createStatement()) {
            statement.execute("CREATE TABLE IF NOT EXISTS schema_version (version INTEGER NOT NULL)");
        }
        int current = 0;
        try (Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("SELECT MAX(version) FROM schema_version")) {
            if (rows.next()) {
                current = rows.getInt(1);
            }
        }
        if (current > MIGRATIONS.size()) {
            throw new SQLException("the database is at schema version " + current + ", newer than this newsbrief knows ("
                    + MIGRATIONS.size() + ")");
        }
        for (int version = current + 1; version <= MIGRATIONS.size(); version++) {
            String name = MIGRATIONS.get(version - 1);
            String script;
            try (InputStream in = EditionStore.class.getResourceAsStream(name)) {
                if (in == null) {
                    throw new IOException("migration " + name + " is missing from the build");
                }
                script = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
            connection.setAutoCommit(false);
            try (Statement statement = connection.createStatement()) {
                for (String sql : script.replaceAll("(?m)^\\s*--.*$", "").split(";")) {
                    if (!sql.isBlank()) {
                        statement.execute(sql);
                    }
                }
                statement.execute("INSERT INTO schema_version (version) VALUES (" + version + ")");
                connection.commit();
            } catch (SQLException e) {
                connection.rollback();
                throw new SQLException("migration " + name + " failed: " + e.getMessage(), e);
            } finally {
                connection.setAutoCommit(true);
            }
        }
    }

    private void claim(Owner owner) throws SQLException {
        connection.setAutoCommit(false);
        try {
            Optional<String> holder = Optional.empty();
            try (PreparedStatement select = connection.prepareStatement("SELECT config FROM owners WHERE edition_id = ?")) {
                select.setString(1, owner.id());
                try (ResultSet rows = select.executeQuery()) {
                    if (rows.next()) {
                        holder = Optional.of(rows.getString(1));
                    }
                }
            }
            if (holder.isPresent() && !holder.get().equals(owner.config())) {
                // A file that is gone was moved or renamed, not a second configuration still in use.
                if (Files.exists(Path.of(holder.get()))) {
                    throw new StoreException(url + ": the edition id '" + owner.id() + "' belongs to " + holder.get() + "; "
                            + owner.config() + " must not share it (its editions and deliveries would be taken as the other's): "
                            + "give one of them its own 'id:'", null);
                }
            }
            if (holder.isEmpty() && legacyBelongsTo(owner)) {
                for (String table : OWNED_TABLES) {
                    try (PreparedStatement adopt = connection.prepareStatement(
                            "UPDATE " + table + " SET edition_id = ? WHERE edition_id = ?")) {
                        adopt.setString(1, owner.id());
                        adopt.setString(2, NO_ID);
                        adopt.executeUpdate();
                    }
                }
            }
            if (holder.isEmpty() || !holder.get().equals(owner.config())) {
                try (PreparedStatement upsert = connection.prepareStatement(
                        "INSERT INTO owners (edition_id, config, title, claimed_at) VALUES (?, ?, ?, ?) "
                                + "ON CONFLICT (edition_id) DO UPDATE SET config = excluded.config, title = excluded.title, "
                                + "claimed_at = excluded.claimed_at")) {
                    upsert.setString(1, owner.id());
                    upsert.setString(2, owner.config());
                    upsert.setString(3, owner.title());
                    upsert.setString(4, clock.instant().toString());
                    upsert.executeUpdate();
                }
            }
            connection.commit();
        } catch (SQLException | RuntimeException e) {
            connection.rollback();
            throw e;
        } finally {
            connection.setAutoCommit(true);
        }
    }

    /**
     * Whether the rows made before ids existed are this owner's: the latest such edition carries
     * its title, or there is no such edition and no other owner yet.
     */
    private boolean legacyBelongsTo(Owner owner) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT title FROM editions WHERE edition_id = ? ORDER BY edition_date DESC LIMIT 1")) {
            select.setString(1, NO_ID);
            try (ResultSet rows = select.executeQuery()) {
                if (rows.next()) {
                    return rows.getString(1).equals(owner.title());
                }
            }
        }
        try (Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("SELECT COUNT(*) FROM owners")) {
            return rows.next() && rows.getInt(1) == 0;
        }
    }

    /** @return the edition id this store reads and writes, empty for the edition with no id */
    public String editionId() {
        return id;
    }

    /** @return the schema version the database is at */
    public int schemaVersion() {
        return query("read the schema version", () -> {
            try (Statement statement = connection.createStatement();
                    ResultSet rows = statement.executeQuery("SELECT MAX(version) FROM schema_version")) {
                return rows.next() ? rows.getInt(1) : 0;
            }
        });
    }

    /**
     * @param edition the edition being made
     * @param keys the keys of its articles ({@link org.newsbrief.ingest.Article#key()})
     * @return for each key an earlier edition carried, the day of the latest such edition
     */
    public Map<String, LocalDate> coveredBefore(LocalDate edition, Collection<String> keys) {
        return coveredBefore(edition, keys, List.of());
    }

    /**
     * What this configuration's earlier editions carried: those of earlier days, whatever their
     * name, and those of the same day that come before this one.
     *
     * @param edition the day of the edition being made
     * @param keys the keys of its articles ({@link org.newsbrief.ingest.Article#key()})
     * @param earlierToday the names of the editions that come before this one on a day; the
     *     unnamed edition always does when this one has a name
     * @return for each key an earlier edition carried, the day of the latest such edition
     */
    public Map<String, LocalDate> coveredBefore(LocalDate edition, Collection<String> keys, Collection<String> earlierToday) {
        String root = base == null ? id : base.id;
        List<String> sameDay = new ArrayList<>();
        if (!name.isEmpty()) {
            sameDay.add(root);
        }
        earlierToday.stream().filter(earlier -> !earlier.isEmpty() && !earlier.equals(name))
                .forEach(earlier -> sameDay.add(root + NAME_SEPARATOR + earlier));
        String sameDayIds = String.join(", ", Collections.nCopies(sameDay.size(), "?"));
        return query("read earlier editions' articles", () -> {
            Map<String, LocalDate> covered = new HashMap<>();
            try (PreparedStatement select = connection.prepareStatement(
                    "SELECT MAX(edition_date) FROM edition_articles WHERE article_key = ? AND ("
                            + "((edition_id = ? OR substr(edition_id, 1, ?) = ?) AND edition_date < ?)"
                            + (sameDay.isEmpty() ? "" : " OR (edition_id IN (" + sameDayIds + ") AND edition_date = ?)") + ")")) {
                for (String key : keys) {
                    int column = 1;
                    select.setString(column++, key);
                    select.setString(column++, root);
                    select.setInt(column++, root.length() + NAME_SEPARATOR.length());
                    select.setString(column++, root + NAME_SEPARATOR);
                    select.setString(column++, edition.toString());
                    if (!sameDay.isEmpty()) {
                        for (String sameDayId : sameDay) {
                            select.setString(column++, sameDayId);
                        }
                        select.setString(column, edition.toString());
                    }
                    try (ResultSet rows = select.executeQuery()) {
                        if (rows.next() && rows.getString(1) != null) {
                            covered.put(key, LocalDate.parse(rows.getString(1)));
                        }
                    }
                }
            }
            return covered;
        });
    }

    /**
     * Records an edition, its articles and its files, replacing what an earlier run of the same
     * day recorded.
     *
     * @param edition the edition
     * @param articles each article's key and title
     * @param urls each article's key and address, where it has one
     */
    public void recordEdition(Edition edition, Map<String, String> articles, Map<String, String> urls) {
        update("record the edition of " + edition.date(), () -> {
            String day = edition.date().toString();
            connection.setAutoCommit(false);
            try {
                for (String table : List.of("edition_articles", "edition_files", "editions")) {
                    try (PreparedStatement delete = connection.prepareStatement("DELETE FROM " + table + " WHERE edition_id = ? AND edition_date = ?")) {
                        delete.setString(1, id);
                        delete.setString(2, day);
                        delete.executeUpdate();
                    }
                }
                try (PreparedStatement insert = connection.prepareStatement(
                        "INSERT INTO editions (edition_id, edition_date, title, made_at, stories, articles) VALUES (?, ?, ?, ?, ?, ?)")) {
                    insert.setString(1, id);
                    insert.setString(2, day);
                    insert.setString(3, edition.title());
                    insert.setString(4, edition.madeAt().toString());
                    insert.setInt(5, edition.stories());
                    insert.setInt(6, edition.articles());
                    insert.executeUpdate();
                }
                try (PreparedStatement insert = connection.prepareStatement(
                        "INSERT INTO edition_files (edition_id, edition_date, format, path, sha256, bytes) VALUES (?, ?, ?, ?, ?, ?)")) {
                    for (EditionFile file : edition.files()) {
                        insert.setString(1, id);
                        insert.setString(2, day);
                        insert.setString(3, file.format());
                        insert.setString(4, file.path().toString());
                        insert.setString(5, file.sha256());
                        insert.setLong(6, file.bytes());
                        insert.executeUpdate();
                    }
                }
                try (PreparedStatement article = connection.prepareStatement(
                        "INSERT INTO articles (article_key, title, url, first_seen) VALUES (?, ?, ?, ?) "
                                + "ON CONFLICT (article_key) DO NOTHING");
                        PreparedStatement carried = connection.prepareStatement(
                                "INSERT INTO edition_articles (edition_id, edition_date, article_key) VALUES (?, ?, ?) "
                                        + "ON CONFLICT (edition_id, edition_date, article_key) DO NOTHING")) {
                    for (Map.Entry<String, String> entry : articles.entrySet()) {
                        article.setString(1, entry.getKey());
                        article.setString(2, entry.getValue());
                        article.setString(3, urls.getOrDefault(entry.getKey(), ""));
                        article.setString(4, day);
                        article.executeUpdate();
                        carried.setString(1, id);
                        carried.setString(2, day);
                        carried.setString(3, entry.getKey());
                        carried.executeUpdate();
                    }
                }
                connection.commit();
            } catch (SQLException e) {
                connection.rollback();
                throw e;
            } finally {
                connection.setAutoCommit(true);
            }
        });
    }

    /**
     * @param date a day
     * @return the edition made for it, with its files
     */
    public Optional<Edition> edition(LocalDate date) {
        return query("read the edition of " + date, () -> {
            List<EditionFile> files = new ArrayList<>();
            try (PreparedStatement select = connection.prepareStatement(
                    "SELECT format, path, sha256, bytes FROM edition_files WHERE edition_id = ? AND edition_date = ? ORDER BY format")) {
                select.setString(1, id);
                select.setString(2, date.toString());
                try (ResultSet rows = select.executeQuery()) {
                    while (rows.next()) {
                        files.add(new EditionFile(rows.getString(1), Path.of(rows.getString(2)), rows.getString(3), rows.getLong(4)));
                    }
                }
            }
            try (PreparedStatement select = connection.prepareStatement(
                    "SELECT title, made_at, stories, articles FROM editions WHERE edition_id = ? AND edition_date = ?")) {
                select.setString(1, id);
                select.setString(2, date.toString());
                try (ResultSet rows = select.executeQuery()) {
                    if (!rows.next()) {
                        return Optional.<Edition>empty();
                    }
                    return Optional.of(new Edition(date, rows.getString(1), Instant.parse(rows.getString(2)), rows.getInt(3),
                            rows.getInt(4), files));
                }
            }
        });
    }

    /**
     * @param date the edition
     * @return its deliveries, by recipient
     */
    public List<Delivery> deliveries(LocalDate date) {
        return query("read the deliveries of " + date, () -> deliveries(date, null));
    }

    /**
     * @param date the edition
     * @param recipient the address
     * @return how its delivery stands, if it was ever begun
     */
    public Optional<Delivery> delivery(LocalDate date, String recipient) {
        return query("read the delivery to " + recipient, () -> deliveries(date, recipient).stream().findFirst());
    }

    /** The edition's deliveries, or only the one recipient's when {@code recipient} is given. */
    private List<Delivery> deliveries(LocalDate date, String recipient) throws SQLException {
        List<Delivery> deliveries = new ArrayList<>();
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT recipient, status, attempts, message_id, error, updated_at FROM deliveries "
                        + "WHERE edition_id = ? AND edition_date = ?" + (recipient == null ? "" : " AND recipient = ?")
                        + " ORDER BY recipient")) {
            select.setString(1, id);
            select.setString(2, date.toString());
            if (recipient != null) {
                select.setString(3, recipient);
            }
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    deliveries.add(new Delivery(date, rows.getString(1), Status.valueOf(rows.getString(2)), rows.getInt(3),
                            rows.getString(4), rows.getString(5), Instant.parse(rows.getString(6))));
                }
            }
        }
        return deliveries;
    }

    /**
     * Records, before the message leaves, that it is about to be sent.
     *
     * @param date the edition
     * @param recipient the address
     * @param messageId the Message-ID it goes with
     */
    public void beginDelivery(LocalDate date, String recipient, String messageId) {
        upsertDelivery(date, recipient, messageId, Status.SENDING, 1, "",
                "attempts = deliveries.attempts + 1, message_id = excluded.message_id");
    }

    /**
     * Records a delivery this run did not try, so the next run does; attempts so far and the
     * Message-ID of the first are kept.
     *
     * @param date the edition
     * @param recipient the address
     * @param messageId the Message-ID it will go with, when it has none yet
     * @param error why it was not tried
     */
    public void deferDelivery(LocalDate date, String recipient, String messageId, String error) {
        upsertDelivery(date, recipient, messageId, Status.FAILED, 0, error, "error = excluded.error");
    }

    /** Inserts a delivery row, or sets its status and what {@code onConflict} says on the one there. */
    private void upsertDelivery(LocalDate date, String recipient, String messageId, Status status, int attempts, String error,
            String onConflict) {
        update("record the delivery to " + recipient, () -> {
            try (PreparedStatement upsert = connection.prepareStatement(
                    "INSERT INTO deliveries (edition_id, edition_date, recipient, status, attempts, message_id, error, updated_at) "
                            + "VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (edition_id, edition_date, recipient) DO UPDATE SET "
                            + "status = excluded.status, " + onConflict + ", updated_at = excluded.updated_at")) {
                upsert.setString(1, id);
                upsert.setString(2, date.toString());
                upsert.setString(3, recipient);
                upsert.setString(4, status.name());
                upsert.setInt(5, attempts);
                upsert.setString(6, messageId);
                upsert.setString(7, error);
                upsert.setString(8, clock.instant().toString());
                upsert.executeUpdate();
            }
        });
    }

    /**
     * Records how a delivery ended, or that a row left {@code SENDING} was found interrupted.
     *
     * @param date the edition
     * @param recipient the address
     * @param status the outcome
     * @param error what failed, or empty
     */
    public void finishDelivery(LocalDate date, String recipient, Status status, String error) {
        update("record the delivery to " + recipient, () -> {
            try (PreparedStatement update = connection.prepareStatement(
                    "UPDATE deliveries SET status = ?, error = ?, updated_at = ? "
                            + "WHERE edition_id = ? AND edition_date = ? AND recipient = ?")) {
                update.setString(1, status.name());
                update.setString(2, error == null ? "" : error);
                update.setString(3, clock.instant().toString());
                update.setString(4, id);
                update.setString(5, date.toString());
                update.setString(6, recipient);
                update.executeUpdate();
            }
        });
    }

    /**
     * @return the scheduled time of the latest run the scheduler made, if any
     */
    public Optional<Instant> lastScheduledRun() {
        return query("read the scheduled runs", () -> {
            try (PreparedStatement select = connection.prepareStatement(
                    "SELECT MAX(scheduled_for) FROM scheduled_runs WHERE edition_id = ?")) {
                select.setString(1, id);
                try (ResultSet rows = select.executeQuery()) {
                    return rows.next() && rows.getString(1) != null ? Optional.of(Instant.parse(rows.getString(1)))
                            : Optional.<Instant>empty();
                }
            }
        });
    }

    /**
     * @param scheduledFor the time the schedule named
     * @param startedAt when the run began
     * @param outcome one line on how it went
     */
    public void recordScheduledRun(Instant scheduledFor, Instant startedAt, String outcome) {
        update("record a scheduled run", () -> {
            try (PreparedStatement upsert = connection.prepareStatement(
                    "INSERT INTO scheduled_runs (edition_id, scheduled_for, started_at, finished_at, outcome) VALUES (?, ?, ?, ?, ?) "
                            + "ON CONFLICT (edition_id, scheduled_for) DO UPDATE SET started_at = excluded.started_at, "
                            + "finished_at = excluded.finished_at, outcome = excluded.outcome")) {
                upsert.setString(1, id);
                // Instants as ISO text sort in time order only with a fixed width; truncating keeps them comparable.
                upsert.setString(2, scheduledFor.truncatedTo(java.time.temporal.ChronoUnit.SECONDS).toString());
                upsert.setString(3, startedAt.toString());
                upsert.setString(4, clock.instant().toString());
                upsert.setString(5, outcome);
                upsert.executeUpdate();
            }
        });
    }

    /** Closes the database; a store opened by {@link #named} leaves it to the store it came from. */
    @Override
    public void close() {
        if (base != null) {
            return;
        }
        try {
            connection.close();
        } catch (SQLException e) {
            throw new StoreException("cannot close the store " + url + ": " + e.getMessage(), e);
        }
    }

    @Override
    public String toString() {
        return "EditionStore[" + url + "]";
    }

    private interface Query<T> {
        T run() throws SQLException;
    }

    private interface Update {
        void run() throws SQLException;
    }

    private <T> T query(String what, Query<T> query) {
        try {
            synchronized (lock) {
                return query.run();
            }
        } catch (SQLException e) {
            throw new StoreException("cannot " + what + " in the store " + url + ": " + e.getMessage(), e);
        }
    }

    private void update(String what, Update update) {
        try {
            synchronized (lock) {
                update.run();
            }
        } catch (SQLException e) {
            throw new StoreException("cannot " + what + " in the store " + url + ": " + e.getMessage(), e);
        }
    }
}
