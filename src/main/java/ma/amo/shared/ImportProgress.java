package ma.amo.shared;

/**
 * What a file import reports as it goes, so that a page can show a live progress bar: the rows checked out of the
 * file's rows, then the rows stored out of those to store. Called from the importing thread, row by row: an
 * implementation only records the counts.
 */
public interface ImportProgress {

	/** Nobody follows the import. */
	ImportProgress NONE = new ImportProgress() {
	};

	/** {@code rows} of the file's {@code total} rows have been checked. */
	default void checked(int rows, int total) {
	}

	/** {@code rows} of the {@code total} valid rows have been stored. */
	default void stored(int rows, int total) {
	}
}
