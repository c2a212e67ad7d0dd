package io.revlens.model;

import java.util.ArrayList;
import java.util.List;

/** Splits a SQL file into statements on semicolons outside quotes and comments. */
public final class SqlScript {

    private SqlScript() {
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
