package app.parley.server.events;

import io.micronaut.context.annotation.Requires;
import jakarta.inject.Singleton;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The bus of a single server node: publishing calls the subscribers directly. */
@Singleton
@Requires(property = "parley.realtime.bus", value = "in-process", defaultValue = "in-process")
public class InProcessEventBus implements EventBus {
    private static final Logger LOG = LoggerFactory.getLogger(InProcessEventBus.class);

    private final List<Consumer<Delivery>> subscribers = new CopyOnWriteArrayList<>();

    @Override
    public void publish(Delivery delivery) {
        for (Consumer<Delivery> subscriber : subscribers) {
            try {
                subscriber.accept(delivery);
            } catch (RuntimeException e) {
                // One faulty subscriber must not keep the event from the others, nor fail the write that published it.
                LOG.warn(
                        "A realtime subscriber failed on a {} delivery",
                        delivery.audience().getClass().getSimpleName(),
                        e);
            }
        }
    }

    @Override
    public AutoCloseable subscribe(Consumer<Delivery> subscriber) {
        subscribers.add(subscriber);
        return () -> subscribers.remove(subscriber);
    }
}
