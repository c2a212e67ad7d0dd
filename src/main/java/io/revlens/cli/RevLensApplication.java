package io.revlens.cli;

import org.springframework.boot.autoconfigure.SpringBootApplication;

/** Entry point: parses the command line; commands that run jobs start the Spring context. */
@SpringBootApplication(scanBasePackages = "io.revlens")
public class RevLensApplication {

    public static void main(String[] args) {
        System.exit(RevLensCommand.execute(args, System.out, System.err));
    }
}
