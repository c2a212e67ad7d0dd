package io.revlens.cli;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Configuration;

class StartupWarmUpTests {

    @Configuration(proxyBeanMethods = false)
    static class Empty {
    }

    /**
     * The warm-up's logging part waits for this listener. It must run after Spring Boot has configured logback
     * from application.yml (root at WARN, the console appender attached), not before or during it.
     */
    @Test
    void theWarmUpGoesOnOnlyOnceLoggingIsConfigured() {
        LoggerContext logback = (LoggerContext) LoggerFactory.getILoggerFactory();
        logback.reset(); // as in a fresh JVM: nothing configured yet (root at DEBUG, no appender)
        Logger root = logback.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        List<Level> rootLevel = new ArrayList<>();
        List<Boolean> rootHasAppender = new ArrayList<>();
        StartupWarmUp.LoggingConfigured listener = new StartupWarmUp.LoggingConfigured(() -> {
            rootLevel.add(root.getLevel());
            rootHasAppender.add(root.iteratorForAppenders().hasNext());
        });
        try (ConfigurableApplicationContext ignored = new SpringApplicationBuilder(Empty.class)
                .web(WebApplicationType.NONE).listeners(listener).logStartupInfo(false).run()) {
            assertThat(rootLevel).containsExactly(Level.WARN);
            assertThat(rootHasAppender).containsExactly(true);
        }
    }
}
