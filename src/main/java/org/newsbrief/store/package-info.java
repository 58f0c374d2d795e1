/**
 * The store: what editions were made, which articles they carried, and every delivery, kept in
 * an embedded SQLite file by default (or any JDBC database) through plain JDBC with versioned
 * schema migrations.
 */
package org.newsbrief.store;
