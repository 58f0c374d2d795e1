/**
 * The operator's configuration: one {@code newsbrief.yaml} read into one immutable record, with
 * environment variables substituted and every error named by key path and line.
 */
package org.newsbrief.config;
