/**
 * The wire model of Parley's canonical API: one record per request, response and event.
 *
 * <p>JSON names are snake_case (the server and the client both configure Jackson with
 * {@code SNAKE_CASE}); where a seed document uses another name for the same field, the record
 * accepts it through {@code @JsonAlias}.
 */
package app.parley.model;
