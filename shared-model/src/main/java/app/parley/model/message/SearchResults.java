package app.parley.model.message;

import java.util.List;

/** Messages matching {@code query}, best match first. */
public record SearchResults(String query, List<Message> results) {}
