/**
 * A run's events: progress, warnings, skipped inputs and failures, as typed records sent to one
 * {@link org.newsbrief.events.RunLog}. Every stage reports through it; no stage prints.
 */
package org.newsbrief.events;
