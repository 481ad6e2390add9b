package app.parley.server.bench;

import java.net.URI;
import java.time.Duration;

/** The Parley server the simulation loads: in a process of its own, or in the simulator's JVM. */
sealed interface ServerUnderTest extends AutoCloseable permits ServerProcess, InProcessServer {

    /** {@code http://127.0.0.1:PORT}. */
    URI base();

    /** From asking for the server to its first {@code GET /health} answered UP. */
    Duration startToReady();

    /** How the start was timed, for the report. */
    String startDescription();

    /** Resident memory and heap of the server's process (heap after a full collection). */
    ProcessMemory.Figures memory();

    /** Resident memory of the server's process now, in KB (cheap: no collection). */
    long rssKb();

    /** CPU time the server's process has used so far. */
    Duration cpu();

    /** How the server and the simulator share the machine's cores, for the report. */
    String coresDescription();

    /** Lines of the server's log at WARN or ERROR (a separate process only; empty otherwise). */
    java.util.List<String> problems();

    @Override
    void close();
}
