package ma.amo.shared;

import java.io.ByteArrayOutputStream;
import java.sql.Connection;
import java.sql.SQLException;

import javax.sql.DataSource;

import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;
import org.springframework.jdbc.datasource.DataSourceUtils;
import java.nio.charset.StandardCharsets;

/**
 * Builds rows in PostgreSQL's COPY text format (tab-separated, \N for null) into a reusable buffer, escaping what the
 * format needs escaped.
 */
public final class CopyText {

	private final StringBuilder row = new StringBuilder(256);
	private final Buffer buffer = new Buffer();

	/** The rows' bytes, handed to the driver where they lie instead of through a copy. */
	private static final class Buffer extends ByteArrayOutputStream {

		Buffer() {
			super(1 << 17);
		}

		byte[] bytes() {
			return buf;
		}
	}

	public CopyText add(long value) {
		separator();
		row.append(value);
		return this;
	}

	public CopyText add(Object value) {
		return add(value == null ? null : value.toString());
	}

	public CopyText add(String value) {
		separator();
		if (value == null) {
			row.append("\\N");
			return this;
		}
		for (int i = 0; i < value.length(); i++) {
			char c = value.charAt(i);
			switch (c) {
				case '\\' -> row.append("\\\\");
				case '\t' -> row.append("\\t");
				case '\n' -> row.append("\\n");
				case '\r' -> row.append("\\r");
				default -> row.append(c);
			}
		}
		return this;
	}

	private void separator() {
		if (!row.isEmpty()) {
			row.append('\t');
		}
	}

	/** Ends the current row and moves it to the buffer. */
	public void end() {
		row.append('\n');
		byte[] bytes = row.toString().getBytes(StandardCharsets.UTF_8);
		buffer.write(bytes, 0, bytes.length);
		row.setLength(0);
	}

	/** Forgets a row begun and not ended. */
	public void discard() {
		row.setLength(0);
	}

	public int bufferedBytes() {
		return buffer.size();
	}

	/**
	 * Copies the buffered rows into {@code target} (a table and its column list) on the connection of the caller's
	 * transaction, so that they commit or roll back with the rest of its work.
	 */
	public void copyInto(DataSource dataSource, String target) {
		if (buffer.size() == 0) {
			return;
		}
		Connection connection = DataSourceUtils.getConnection(dataSource);
		CopyIn copy = null;
		try {
			// Written in one piece from the buffer: the stream form of the driver's API allocates a 64 KB buffer per
			// call, which the audit writer's small batches paid thousands of times a second.
			copy = connection.unwrap(PGConnection.class).getCopyAPI().copyIn("copy " + target + " from stdin");
			copy.writeToCopy(buffer.bytes(), 0, buffer.size());
			copy.endCopy();
		}
		catch (SQLException e) {
			cancel(copy);
			throw new IllegalStateException("cannot copy into " + target + ": " + e.getMessage(), e);
		}
		finally {
			buffer.reset();
			DataSourceUtils.releaseConnection(connection, dataSource);
		}
	}

	private static void cancel(CopyIn copy) {
		if (copy != null && copy.isActive()) {
			try {
				copy.cancelCopy();
			}
			catch (SQLException ignored) {
				// The connection is broken or the copy already ended: the transaction fails either way.
			}
		}
	}

	public byte[] drain() {
		byte[] bytes = buffer.toByteArray();
		buffer.reset();
		return bytes;
	}
}
