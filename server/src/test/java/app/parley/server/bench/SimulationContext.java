package app.parley.server.bench;

import java.net.URI;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ScheduledExecutorService;

/**
 * What every simulated user shares: one HTTP client, one socket event loop group, one timer
 * thread that wakes users for their next turn, and virtual threads that run the turns (a turn
 * blocks on its requests, so it reads as a user's steps in order; a blocked virtual thread holds
 * no platform thread).
 */
record SimulationContext(
        SimulationOptions options,
        PopulationSeeder.Population population,
        SimApi api,
        SimSockets sockets,
        StepMetrics.Board metrics,
        ScheduledExecutorService timers,
        ExecutorService turns) {

    URI socket(String path) {
        URI base = api.base();
        return URI.create("ws://" + base.getHost() + ":" + base.getPort() + path);
    }
}
