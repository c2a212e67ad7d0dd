package io.revlens.remote;

import java.nio.charset.StandardCharsets;
import org.springframework.amqp.core.Message;
import org.springframework.amqp.core.MessageProperties;
import org.springframework.amqp.support.converter.MessageConversionException;
import org.springframework.amqp.support.converter.MessageConverter;
import org.springframework.batch.integration.partition.StepExecutionRequest;

/**
 * A partition request on the queue as two lines of text: the worker step's name and the partition's step
 * execution id ({@code monthly-board-report-client:client:acme\n42}). Everything else a worker needs is in
 * the job history under that id, so the message stays readable in the broker's console, and no Java object is
 * deserialised from the network.
 */
final class PartitionRequestConverter implements MessageConverter {

    @Override
    public Message toMessage(Object object, MessageProperties properties) {
        if (!(object instanceof StepExecutionRequest request)) {
            throw new MessageConversionException("not a partition request: " + object);
        }
        properties.setContentType(MessageProperties.CONTENT_TYPE_TEXT_PLAIN);
        properties.setContentEncoding(StandardCharsets.UTF_8.name());
        String text = request.getStepName() + "\n" + request.getStepExecutionId();
        return new Message(text.getBytes(StandardCharsets.UTF_8), properties);
    }

    @Override
    public Object fromMessage(Message message) {
        String text = new String(message.getBody(), StandardCharsets.UTF_8);
        int newline = text.lastIndexOf('\n');
        try {
            return new StepExecutionRequest(text.substring(0, newline), Long.parseLong(text.substring(newline + 1).strip()));
        } catch (RuntimeException e) {
            throw new MessageConversionException("not a RevLens partition request: '" + text + "'", e);
        }
    }
}
