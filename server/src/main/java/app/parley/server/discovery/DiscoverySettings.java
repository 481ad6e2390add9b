package app.parley.server.discovery;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.annotation.Nullable;
import java.time.Duration;

/**
 * LAN discovery, under {@code parley.discovery}; defaults live in application.yml.
 *
 * @param enabled  whether the server announces itself (off for the headless server unless its
 *                 admin turns it on; on for a server the desktop app hosts)
 * @param name     the name people see in "Join a server"; empty: "Parley on HOSTNAME"
 * @param address  the IP address to announce on; empty: the first LAN address of this machine
 * @param recheck  how often the machine's address is looked at again, to re-announce on a new one
 */
@ConfigurationProperties("parley.discovery")
public record DiscoverySettings(
        boolean enabled, @Nullable String name, @Nullable String address, Duration recheck) {}
