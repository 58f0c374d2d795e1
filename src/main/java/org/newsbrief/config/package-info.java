/**
 * Settings: {@link org.newsbrief.config.NewsbriefConfig} holds each stage's settings record and
 * what an edition needs besides. {@link org.newsbrief.config.ConfigLoader} is the one loader: it
 * reads {@code newsbrief.yaml}, lays the {@link org.newsbrief.config.SettingFlags settings flags}
 * given on the command line over it, substitutes environment variables and names every problem by
 * flag, or by file, key path and line.
 */
package org.newsbrief.config;
