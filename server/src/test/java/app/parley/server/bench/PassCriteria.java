package app.parley.server.bench;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * When a level of load passes, after Mattermost's load-test-ng: every action's average latency at
 * most {@code maxAvgMillis}, its p99 at most {@code maxP99Millis}, and no error of any kind. An
 * action seen fewer than {@code minSamples} times in the level is judged on its errors only: one
 * slow upload among three is not a p99 (a full-size run has hundreds of each).
 */
record PassCriteria(double maxAvgMillis, double maxP99Millis, int minSamples) {

    /** Why the rows fail (empty: they pass). */
    List<String> failures(Collection<LatencySummary> rows) {
        List<String> failures = new ArrayList<>();
        for (LatencySummary row : rows) {
            boolean judged = row.count() >= Math.max(1, minSamples);
            if (judged && row.avgMillis() > maxAvgMillis) {
                failures.add("%s avg %.1f ms > %.0f".formatted(row.name(), row.avgMillis(), maxAvgMillis));
            }
            if (judged && row.p99Millis() > maxP99Millis) {
                failures.add("%s p99 %.0f ms > %.0f".formatted(row.name(), row.p99Millis(), maxP99Millis));
            }
            if (row.errors() > 0) {
                failures.add("%s: %,d error(s), e.g. %s".formatted(row.name(), row.errors(), row.reasons()));
            }
        }
        return failures;
    }
}
