package io.revlens.remote;

import org.springframework.amqp.rabbit.core.RabbitTemplate;
import org.springframework.beans.factory.BeanFactory;
import org.springframework.integration.amqp.outbound.AmqpOutboundEndpoint;
import org.springframework.integration.channel.DirectChannel;
import org.springframework.messaging.MessageChannel;

/**
 * The manager's side: a channel whose messages (one partition request per client, sent by Spring Batch's
 * {@code MessageChannelPartitionHandler}) go to the broker's queue through Spring Integration's AMQP outbound
 * adapter, as persistent messages.
 */
public final class PartitionRequestQueue {

    private PartitionRequestQueue() {
    }

    public static MessageChannel to(Broker broker, BeanFactory beanFactory) {
        RabbitTemplate template = new RabbitTemplate(broker.connectionFactory());
        template.setMessageConverter(new PartitionRequestConverter());
        AmqpOutboundEndpoint endpoint = new AmqpOutboundEndpoint(template);
        endpoint.setRoutingKey(broker.queue());
        endpoint.setBeanFactory(beanFactory);
        endpoint.afterPropertiesSet();
        DirectChannel requests = new DirectChannel();
        requests.setBeanFactory(beanFactory);
        requests.subscribe(endpoint);
        return requests;
    }
}
