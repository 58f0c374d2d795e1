/**
 * Delivery: the briefing as an email (HTML body, plain-text alternative, PDF attached) sent over
 * SMTP or written to an outbox folder, each recipient exactly once, and the schedule that makes
 * editions on time.
 */
package org.newsbrief.deliver;
