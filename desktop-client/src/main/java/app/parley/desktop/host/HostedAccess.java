package app.parley.desktop.host;

import java.nio.file.Path;

/**
 * How others reach the server this app hosts, as the host tells them.
 *
 * @param joinAddress what they type into "Join a server": {@code https://<LAN address>:<port>}
 * @param fingerprint the SHA-256 fingerprint of its certificate, which their app asks them to compare
 * @param dataDir     where its data lives on this computer
 */
public record HostedAccess(String joinAddress, String fingerprint, Path dataDir) {}
