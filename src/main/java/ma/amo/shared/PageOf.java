package ma.amo.shared;

import java.util.List;

/** One page of a list resource, with what a client needs to ask for the next one. */
public record PageOf<T>(List<T> content, int page, int size, long totalElements, long totalPages) {

	public static <T> PageOf<T> of(List<T> content, int page, int size, long total) {
		return new PageOf<>(content, page, size, total, (total + size - 1) / size);
	}

	/** Refuses a page number below 0 or a size outside 1..max, naming the query parameter. */
	public static void check(int page, int size, int max) {
		if (page < 0) {
			throw new InvalidInput("page", "min", "must be 0 or more");
		}
		if (size < 1 || size > max) {
			throw new InvalidInput("size", "range", "must be between 1 and " + max);
		}
	}
}
