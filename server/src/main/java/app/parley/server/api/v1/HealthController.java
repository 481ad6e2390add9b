package app.parley.server.api.v1;

import app.parley.server.config.DatabaseHealth;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.swagger.v3.oas.annotations.tags.Tag;

/**
 * {@code GET /health}: {@code {"status":"UP"}} while the server and its database answer, else
 * {@code 503 {"status":"DOWN"}}. The same for everyone, signed in or not: no details (paths,
 * disk space, user counts) and no sub-paths.
 */
@Controller("/health")
@Secured(SecurityRule.IS_ANONYMOUS)
@Tag(name = "health")
class HealthController {
    private final DatabaseHealth database;

    HealthController(DatabaseHealth database) {
        this.database = database;
    }

    /** The health status alone. */
    record Health(String status) {}

    @Get
    HttpResponse<Health> health() {
        return database.isUp()
                ? HttpResponse.ok(new Health("UP"))
                : HttpResponse.status(HttpStatus.SERVICE_UNAVAILABLE).body(new Health("DOWN"));
    }
}
