package app.parley.server;

import io.swagger.v3.oas.annotations.OpenAPIDefinition;
import io.swagger.v3.oas.annotations.enums.SecuritySchemeType;
import io.swagger.v3.oas.annotations.info.Info;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.security.SecurityScheme;

/** Carries the OpenAPI description of the canonical API; served at {@code /openapi/parley-api-v1.yml}. */
@OpenAPIDefinition(
        info =
                @Info(
                        title = "Parley API",
                        version = "v1",
                        description =
                                "The canonical /api/v1 API of a Parley chat server. Every call needs a bearer token"
                                    + " from /api/v1/auth/register or /api/v1/auth/login. Errors:"
                                    + " {\"status\":\"error\", \"http_status\", \"code\", \"message\", \"field\"}."),
        security = @SecurityRequirement(name = "bearer"))
@SecurityScheme(name = "bearer", type = SecuritySchemeType.HTTP, scheme = "bearer", bearerFormat = "JWT")
final class ParleyApplication {
    private ParleyApplication() {}
}
