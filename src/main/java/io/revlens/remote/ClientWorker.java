package io.revlens.remote;

import java.io.PrintWriter;
import io.revlens.job.ClientPartitioner;
import io.revlens.job.ClientRunStep;
import java.time.Duration;
import org.springframework.amqp.AmqpRejectAndDontRequeueException;
import org.springframework.amqp.core.AcknowledgeMode;
import org.springframework.amqp.rabbit.listener.SimpleMessageListenerContainer;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.core.step.StepLocator;
import org.springframework.batch.integration.partition.StepExecutionRequest;
import org.springframework.batch.integration.partition.StepExecutionRequestHandler;
import org.springframework.beans.factory.BeanFactory;
import org.springframework.integration.amqp.inbound.AmqpInboundChannelAdapter;
import org.springframework.integration.channel.DirectChannel;

/**
 * The worker's side: Spring Integration's AMQP inbound adapter takes partition requests from the queue and
 * hands each to Spring Batch's {@link StepExecutionRequestHandler}, which runs the client's partition step
 * from its step execution in the shared job history.
 *
 * <p>Why the guarantees hold: each consumer takes one message at a time (prefetch 1) and acknowledges it only
 * when the client's run has ended, on the same thread; a worker killed mid-client never acknowledges, so the
 * broker gives the request to another worker, whose run resumes the client (its working-folder lock was
 * released by the OS, and the killed run is recovered from the job history). A request that cannot be handled
 * at all (its step execution is unknown) is dropped, not redelivered forever; the manager reports that client.
 *
 * <p>The worker step is wired by hand rather than with {@code RemotePartitioningWorkerStepBuilder}: that builder
 * makes a tasklet step, and a client's run is itself a job, which Spring Batch will not start inside a step's
 * transaction.
 */
public final class ClientWorker implements AutoCloseable {

    private final SimpleMessageListenerContainer container;
    private final AmqpInboundChannelAdapter adapter;

    private ClientWorker(SimpleMessageListenerContainer container, AmqpInboundChannelAdapter adapter) {
        this.container = container;
        this.adapter = adapter;
    }

    /**
     * Starts consuming with {@code concurrency} clients at a time; {@code clientStep} runs any job's client
     * partition. Prints a line when a client starts and when it ends.
     */
    public static ClientWorker start(Broker broker, int concurrency, JobRepository jobRepository, Step clientStep,
                                     BeanFactory beanFactory, PrintWriter console) {
        StepExecutionRequestHandler handler = new StepExecutionRequestHandler();
        handler.setJobRepository(jobRepository);
        handler.setStepLocator(new AnyClientStep(clientStep));

        SimpleMessageListenerContainer container = new SimpleMessageListenerContainer(broker.connectionFactory());
        container.setQueueNames(broker.queue());
        container.setPrefetchCount(1);
        container.setConcurrentConsumers(Math.max(1, concurrency));
        container.setAcknowledgeMode(AcknowledgeMode.AUTO);
        container.setDefaultRequeueRejected(false);
        // On SIGTERM the worker stops taking requests and lets the clients it runs finish (systemd's stop timeout
        // bounds the wait; past it the process is killed and the requests go to another worker).
        container.setShutdownTimeout(Duration.ofDays(1).toMillis());

        DirectChannel requests = new DirectChannel();
        requests.setBeanFactory(beanFactory);
        requests.subscribe(message -> {
            StepExecutionRequest request = (StepExecutionRequest) message.getPayload();
            String client = clientOf(jobRepository, request);
            println(console, "client " + client + " started (partition " + request.getStepExecutionId() + ")");
            StepExecution execution;
            try {
                execution = handler.handle(request);
            } catch (RuntimeException e) {
                println(console, "client " + client + ": request dropped: " + e.getMessage());
                throw new AmqpRejectAndDontRequeueException(e.getMessage(), e);
            }
            String result = execution.getExecutionContext().getString(ClientRunStep.RESULT, execution.getStatus().toString());
            String error = execution.getExecutionContext().getString(ClientRunStep.ERROR, "");
            println(console, "client " + client + " " + result + (error.isEmpty() ? "" : ": " + error));
        });

        AmqpInboundChannelAdapter adapter = new AmqpInboundChannelAdapter(container);
        adapter.setMessageConverter(new PartitionRequestConverter());
        adapter.setOutputChannel(requests);
        adapter.setBeanFactory(beanFactory);
        adapter.afterPropertiesSet();
        adapter.start();
        return new ClientWorker(container, adapter);
    }

    /** The client a request is for, from its partition's context in the job history. */
    private static String clientOf(JobRepository jobRepository, StepExecutionRequest request) {
        StepExecution partition = jobRepository.getStepExecution(request.getStepExecutionId());
        return partition == null ? "(unknown partition " + request.getStepExecutionId() + ")"
                : partition.getExecutionContext().getString(ClientPartitioner.CLIENT, partition.getStepName());
    }

    private static void println(PrintWriter console, String line) {
        synchronized (console) {
            console.println(line);
            console.flush();
        }
    }

    /** Stops taking requests and waits for the clients being run to end. */
    @Override
    public void close() {
        adapter.stop();
        container.destroy();
    }

    /** The client step for whatever job's partition a request names ({@code <job>-client:client:<name>}). */
    private record AnyClientStep(Step clientStep) implements StepLocator {
        @Override
        public Step getStep(String stepName) {
            return clientStep;
        }
    }
}
