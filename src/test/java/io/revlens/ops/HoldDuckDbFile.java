package io.revlens.ops;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;

/** A separate process that opens a DuckDB file read-write and keeps it open until killed (like a DuckDB shell left open). */
public final class HoldDuckDbFile {

    private HoldDuckDbFile() {
    }

    public static void main(String[] args) throws Exception {
        try (Connection connection = DriverManager.getConnection("jdbc:duckdb:" + args[0]);
             Statement statement = connection.createStatement()) {
            statement.execute("create table if not exists held (id integer)");
            System.out.println("holding " + args[0]);
            System.out.flush();
            Thread.sleep(Long.MAX_VALUE);
        }
    }
}
