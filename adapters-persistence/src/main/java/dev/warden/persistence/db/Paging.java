package dev.warden.persistence.db;

import dev.warden.domain.query.Page;
import dev.warden.domain.query.PageRequest;
import io.helidon.dbclient.DbExecute;
import io.helidon.dbclient.DbRow;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Stream;

/**
 * Driven adapter: one page of a list query, with the number of all its matches.
 *
 * <p>The total comes from a window function in the page's own query rather than from a second
 * query, so that both are read at once: a row committed between two queries could otherwise give
 * a page with more items than its total. Only a page past the end, which has no row to carry the
 * total, needs the separate count.
 */
public final class Paging {

    /** The select-list item that every paged query adds: all matches, before offset and limit. */
    public static final String TOTAL = "COUNT(*) OVER () AS total_matches";
    private static final String TOTAL_COLUMN = "total_matches";
    private static final String LIMIT_OFFSET = " LIMIT ? OFFSET ?";

    private Paging() {
    }

    /** The SQL keyword for the page's direction. */
    public static String direction(PageRequest page) {
        return page.ascending() ? "ASC" : "DESC";
    }

    /**
     * Runs {@code select} (which selects {@link #TOTAL} and ends with its ORDER BY) for one page,
     * and {@code count} (which selects {@code COUNT(*) AS total_matches} with the same parameters)
     * only when the page is empty and starts past the first row. Limit 0 means no limit.
     */
    public static <T> Page<T> page(DbExecute executor, String select, String count, List<Object> parameters,
                                   PageRequest page, Function<DbRow, T> toDomain) {
        List<Object> pageParameters = new ArrayList<>(parameters);
        String sql = select;
        if (page.limit() > 0 || page.offset() > 0) {
            // MariaDB has no OFFSET without LIMIT: no limit is the largest one.
            sql = select + LIMIT_OFFSET;
            pageParameters.add(page.limit() > 0 ? (long) page.limit() : Long.MAX_VALUE);
            pageParameters.add(page.offset());
        }
        List<T> items = new ArrayList<>();
        long total = 0;
        // The stream holds a pooled connection until it is closed.
        try (Stream<DbRow> rows = executor.query(sql, pageParameters.toArray())) {
            for (Iterator<DbRow> it = rows.iterator(); it.hasNext(); ) {
                DbRow row = it.next();
                if (items.isEmpty()) {
                    total = Rows.longValue(row, TOTAL_COLUMN);
                }
                items.add(toDomain.apply(row));
            }
        }
        if (items.isEmpty() && page.offset() > 0) {
            total = executor.get(count, parameters.toArray())
                    .map(row -> Rows.longValue(row, TOTAL_COLUMN))
                    .orElse(0L);
        }
        return new Page<>(items, total);
    }
}
