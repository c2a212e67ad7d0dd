package io.revlens.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Fixed SQL lives in {@code src/main/resources/sql/}, read with {@link SqlScript}; Java supplies only identifiers
 * (filled into {@code {{places}}}) and values (bind parameters). A statement written into a Java string is found
 * here unless its one variable part is a table name the code checked or owns.
 */
class SqlInJavaTests {

    private static final Pattern STATEMENT = Pattern.compile(
            "\"(select|insert|update|delete|create|with|alter|drop|copy|set) |\"\"\"\\s*$");

    /** Lines allowed to hold the start of a statement, and why. */
    private static final List<String> ALLOWED = List.of(
            // identifier only: the table is a metric table named by a checked pattern, or a code constant
            "executeQuery(\"select count(*) from \" + table)",
            // identifier only: a bundled metric table that its file now makes as a view
            "drop.execute(\"drop table \" + m.group(2))",
            // log labels of the bulk load, not statements
            "\"insert fast rows into \" + table.tableName()",
            "timed(\"insert stage history of the loaded deals\"");

    @Test
    void noFixedStatementIsWrittenInJava() throws IOException {
        List<String> found = new ArrayList<>();
        try (Stream<Path> files = Files.walk(Path.of("src/main/java"))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                List<String> lines = Files.readAllLines(file);
                for (int i = 0; i < lines.size(); i++) {
                    String line = lines.get(i);
                    if (STATEMENT.matcher(line).find() && ALLOWED.stream().noneMatch(line::contains)) {
                        found.add(file + ":" + (i + 1) + ": " + line.strip());
                    }
                }
            }
        }
        assertThat(found).as("SQL written in Java rather than read from src/main/resources/sql/").isEmpty();
    }
}
