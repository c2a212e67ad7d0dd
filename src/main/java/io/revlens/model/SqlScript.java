package io.revlens.model;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Splits a SQL file into statements on semicolons outside quotes and comments. */
public final class SqlScript {

    /** A place in a SQL file for an identifier or expression the code supplies: {@code {{name}}}. */
    private static final Pattern PLACE = Pattern.compile("\\{\\{(\\w+)}}");

    private SqlScript() {
    }

    /** The statements of a SQL file on the classpath ({@code sql/ingest/update_counts.sql}). */
    public static List<String> load(String resource) {
        return statements(Workspace.readResource(resource));
    }

    /** The one statement of a SQL file on the classpath; a file with more or none is a programming error. */
    public static String loadOne(String resource) {
        List<String> statements = load(resource);
        if (statements.size() != 1) {
            throw new IllegalStateException(resource + " holds " + statements.size() + " statements, not one");
        }
        return statements.get(0);
    }

    /**
     * {@code statement} with each {@code {{name}}} replaced by {@code parts.get(name)}: identifiers and expressions
     * built from a validated profile or from the code's own constants, never data (values are bind parameters).
     * Every place must be filled and every part used, so a file and its caller cannot drift apart silently.
     */
    public static String fill(String statement, Map<String, String> parts) {
        Matcher place = PLACE.matcher(statement);
        StringBuilder filled = new StringBuilder();
        java.util.Set<String> used = new java.util.HashSet<>();
        while (place.find()) {
            String part = parts.get(place.group(1));
            if (part == null) {
                throw new IllegalStateException("no part for {{" + place.group(1) + "}} in: " + statement);
            }
            used.add(place.group(1));
            place.appendReplacement(filled, Matcher.quoteReplacement(part));
        }
        place.appendTail(filled);
        if (!used.containsAll(parts.keySet())) {
            throw new IllegalStateException("parts " + parts.keySet() + " but places " + used + " in: " + statement);
        }
        return filled.toString();
    }

    /** Returns the non-blank statements of {@code script}, without their terminating semicolons. */
    public static List<String> statements(String script) {
        List<String> result = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        boolean inSingle = false;
        boolean inDouble = false;
        boolean inLineComment = false;
        boolean inBlockComment = false;
        for (int i = 0; i < script.length(); i++) {
            char c = script.charAt(i);
            char next = i + 1 < script.length() ? script.charAt(i + 1) : '\0';
            if (inLineComment) {
                if (c == '\n') {
                    inLineComment = false;
                    current.append(c);
                }
                continue;
            }
            if (inBlockComment) {
                if (c == '*' && next == '/') {
                    inBlockComment = false;
                    i++;
                }
                continue;
            }
            if (!inSingle && !inDouble && c == '-' && next == '-') {
                inLineComment = true;
                i++;
                continue;
            }
            if (!inSingle && !inDouble && c == '/' && next == '*') {
                inBlockComment = true;
                i++;
                continue;
            }
            if (c == '\'' && !inDouble) {
                inSingle = !inSingle;
            } else if (c == '"' && !inSingle) {
                inDouble = !inDouble;
            }
            if (c == ';' && !inSingle && !inDouble) {
                addIfNotBlank(result, current);
                current.setLength(0);
            } else {
                current.append(c);
            }
        }
        addIfNotBlank(result, current);
        return result;
    }

    private static void addIfNotBlank(List<String> result, StringBuilder statement) {
        String sql = statement.toString().strip();
        if (!sql.isEmpty()) {
            result.add(sql);
        }
    }
}
