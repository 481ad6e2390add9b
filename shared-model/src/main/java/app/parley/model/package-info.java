/**
 * The wire model of Parley's canonical API: one record per request, response and event.
 *
 * <p>JSON names are fixed here, not by whoever reads or writes the records: every record carries
 * {@code @JsonNaming(SnakeCaseStrategy)}, so a plain {@code ObjectMapper} writes the same
 * snake_case names as the server. {@link app.parley.model.ParleyJson#mapper()} adds the rest of
 * the server's settings (ISO-8601 times, unknown fields ignored). Where a seed document uses
 * another name for the same field, the record accepts it through {@code @JsonAlias}.
 */
package app.parley.model;
