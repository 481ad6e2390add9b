package app.parley.server.config;

import io.micronaut.context.annotation.ConfigurationProperties;

/** Input limits, all configurable under {@code parley.limits}; defaults live in application.yml. */
@ConfigurationProperties("parley.limits")
public record ParleyLimits(
        int usernameMin,
        int usernameMax,
        int passwordMin,
        int passwordMax,
        int displayNameMax,
        int descriptionMax,
        int chatNameMax,
        int messageMax,
        int pageSizeDefault,
        int pageSizeMax,
        int searchQueryMax,
        int groupMembersMax) {}
