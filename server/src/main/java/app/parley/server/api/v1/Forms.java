package app.parley.server.api.v1;

/**
 * Endpoints that take their body as a form as well as JSON: seed 002's multipart
 * {@code POST /api/v1/user} and {@code /api/v1/group}, and seed 001's POSTs, whose Django REST
 * framework origin takes {@code application/x-www-form-urlencoded} and
 * {@code multipart/form-data} as readily as JSON. Each has a form route beside its JSON route.
 * Seed quirks both: see docs/api.md, "Seed quirks in the canonical code".
 *
 * <p>A request without a {@code Content-Type} (no body at all) would match both routes and be
 * refused as ambiguous, so a form route only matches requests that name their content type
 * ({@link #HAS_CONTENT_TYPE}); a body-less request goes to the JSON route, which reads it as an
 * absent body. A route with an evaluated annotation has all its annotation values evaluated, and
 * Micronaut Security then reads {@code @Secured} as an expression too, so a form route states
 * {@link #SIGNED_IN} itself instead of inheriting the controller's {@code isAuthenticated()}.
 */
final class Forms {
    static final String HAS_CONTENT_TYPE = "#{request.contentType.isPresent()}";
    static final String SIGNED_IN = "#{user != null}";

    private Forms() {}
}
