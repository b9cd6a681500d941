package ma.amo.population;

import java.time.Instant;

/**
 * An import of one extract file and where it stands. Rows are counted as read, rejected, inserted, updated or
 * unchanged (a re-import of the same file changes nothing and counts every row as unchanged).
 */
public record ImportJob(long id, ImportKind kind, String fileName, ImportMode mode, Status status, String phase,
		long totalBytes, long bytesRead, long rowsRead, long rowsRejected, long rowsInserted, long rowsUpdated,
		long rowsUnchanged, String message, Instant createdAt, Instant startedAt, Instant finishedAt) {

	public enum Status {
		QUEUED, RUNNING, COMPLETED, FAILED
	}

	/** Share of the file read so far; merging into the register comes after 100 % of the file is read. */
	public int percentRead() {
		if (status == Status.COMPLETED || totalBytes == 0) {
			return status == Status.COMPLETED ? 100 : 0;
		}
		return (int) Math.min(100, bytesRead * 100 / totalBytes);
	}

	public boolean finished() {
		return status == Status.COMPLETED || status == Status.FAILED;
	}
}
