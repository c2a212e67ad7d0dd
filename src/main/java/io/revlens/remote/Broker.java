package io.revlens.remote;

import java.net.URI;
import org.springframework.amqp.AmqpException;
import org.springframework.amqp.core.Queue;
import org.springframework.amqp.rabbit.connection.CachingConnectionFactory;
import org.springframework.amqp.rabbit.core.RabbitAdmin;
import org.springframework.core.env.Environment;

/**
 * The RabbitMQ broker the manager and the workers share ({@code REVLENS_BROKER_URL}, e.g.
 * {@code amqp://revlens:secret@broker.internal:5672}), and the durable queue of partition requests on it.
 * The job history must be shared too (PostgreSQL): the manager learns each client's result from it.
 */
public final class Broker implements AutoCloseable {

    /** The queue of partition requests unless {@code --queue} names another. */
    public static final String DEFAULT_QUEUE = "revlens.clients";

    private final CachingConnectionFactory connectionFactory;
    private final String queue;
    private final String where;

    private Broker(CachingConnectionFactory connectionFactory, String queue, String where) {
        this.connectionFactory = connectionFactory;
        this.queue = queue;
        this.where = where;
    }

    /**
     * Connects to the broker named by {@code revlens.broker.url} ({@code REVLENS_BROKER_URL}) and declares the queue
     * (durable: requests survive a broker restart), after checking that the job history is one every machine can
     * reach. Fails with one sentence saying what to set or start.
     */
    public static Broker connect(Environment environment, String queue) {
        String history = environment.getProperty("revlens.history.url", "");
        if (!history.startsWith("jdbc:postgresql:")) {
            throw new RemoteSetupException("Remote workers need the job history the manager reads: set REVLENS_HISTORY_URL"
                    + " (jdbc:postgresql://host/db), REVLENS_HISTORY_USER and REVLENS_HISTORY_PASSWORD to the same"
                    + " PostgreSQL database on the manager and on every worker (docs/scaling.md)");
        }
        String url = environment.getProperty("revlens.broker.url", "");
        if (url.isBlank()) {
            throw new RemoteSetupException("No message broker: set REVLENS_BROKER_URL (e.g. amqp://revlens:secret@localhost:5672)"
                    + " to the RabbitMQ server the manager and the workers share (docs/scaling.md)");
        }
        URI uri;
        try {
            uri = URI.create(url);
        } catch (IllegalArgumentException e) {
            throw new RemoteSetupException("REVLENS_BROKER_URL is not a URL (" + e.getMessage()
                    + "); write it as amqp://user:password@host:5672");
        }
        String where = uri.getScheme() + "://" + uri.getHost() + (uri.getPort() < 0 ? "" : ":" + uri.getPort());
        CachingConnectionFactory connectionFactory = new CachingConnectionFactory(uri);
        connectionFactory.setConnectionNameStrategy(f -> "revlens-" + ProcessHandle.current().pid());
        try {
            new RabbitAdmin(connectionFactory).declareQueue(new Queue(queue, true));
        } catch (AmqpException e) {
            connectionFactory.destroy();
            throw new RemoteSetupException("Cannot reach the message broker at " + where + " (REVLENS_BROKER_URL): "
                    + rootMessage(e) + ". Start RabbitMQ there or correct the URL (docs/scaling.md)");
        }
        return new Broker(connectionFactory, queue, where);
    }

    CachingConnectionFactory connectionFactory() {
        return connectionFactory;
    }

    public String queue() {
        return queue;
    }

    /** The broker's address without credentials, for messages. */
    public String where() {
        return where;
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
    }

    @Override
    public void close() {
        connectionFactory.destroy();
    }
}
