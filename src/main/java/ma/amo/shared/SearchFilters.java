package ma.amo.shared;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The conditions of a list search, only those actually given. Built per request rather than as "(:x is null or
 * ...)", which a generic plan cannot serve from an index, so that PostgreSQL uses the trigram and other indexes
 * whatever the combination of filters.
 */
public final class SearchFilters {

	private final List<String> conditions = new ArrayList<>();
	private final Map<String, Object> params = new HashMap<>();

	/** Adds {@code condition} with its named parameter when {@code value} is given (not blank). */
	public SearchFilters add(String condition, String name, String value) {
		if (value != null && !value.isBlank()) {
			conditions.add(condition);
			params.put(name, value.strip());
		}
		return this;
	}

	/** Adds {@code condition} with its named parameter when {@code value} is given (not null), e.g. a date. */
	public SearchFilters add(String condition, String name, Object value) {
		if (value instanceof String text) {
			return add(condition, name, text);
		}
		if (value != null) {
			conditions.add(condition);
			params.put(name, value);
		}
		return this;
	}

	/** The where clause of the conditions given (empty without any), for a query other than a page. */
	public String where() {
		return conditions.isEmpty() ? "" : " where " + String.join(" and ", conditions);
	}

	public Map<String, Object> params() {
		return Map.copyOf(params);
	}

	public boolean has(String name) {
		return params.containsKey(name);
	}

	/** One page of {@code select} under the filters, in {@code order}, with the total count of matches. */
	public <T> PageOf<T> page(JdbcClient jdbc, String select, String order, int page, int size, RowMapper<T> mapper) {
		String where = conditions.isEmpty() ? "" : " where " + String.join(" and ", conditions);
		List<T> found = jdbc.sql(select + where + " order by " + order + " limit :size offset :offset")
			.params(params).param("size", size).param("offset", (long) page * size).query(mapper).list();
		long total = jdbc.sql("select count(*) from (" + select + where + ") matching").params(params)
			.query(Long.class).single();
		return PageOf.of(found, page, size, total);
	}

	/**
	 * Lowers the word-similarity threshold for the current transaction: at PostgreSQL's default (0.6) a typo or two
	 * in a name of three words is no longer found. Call it inside the search's read-only transaction.
	 */
	public static void tolerateTypos(JdbcClient jdbc) {
		// A custom plan as well: with the generic plan PostgreSQL settles on after five runs of the prepared
		// statement, the searched name is not folded once, and the trigram index scan costs 5 ms instead of 0.3.
		jdbc.sql("""
				select set_config('pg_trgm.word_similarity_threshold', '0.4', true),
				  set_config('plan_cache_mode', 'force_custom_plan', true)""")
			.query((rs, n) -> rs.getString(1)).single();
	}
}
