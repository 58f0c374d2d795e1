/**
 * Plumbing the stages share: the bounded worker pool, SHA-256 hashing, once-only holders and the
 * sleeper that retries wait on.
 *
 * <p>Not API: these types are public only so that every stage package can use one copy of them.
 * They may change in any release; code outside newsbrief should not use them.
 */
package org.newsbrief.internal;
