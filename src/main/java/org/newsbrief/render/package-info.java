/**
 * Rendering a {@link org.newsbrief.compose.Briefing}: Thymeleaf fills the editable XHTML
 * templates, and Flying Saucer lays the result out as a PDF with embedded fonts. Templates are
 * trusted code; article text is data and only ever enters through escaped {@code th:text}.
 * The same briefing also goes out as Markdown, plain text and JSON; the JSON follows the schema
 * shipped beside these classes.
 */
package org.newsbrief.render;
