package ma.amo.shared;

import java.io.BufferedInputStream;
import java.io.IOException;

/**
 * The field separator of a CSV file, read from its header line without consuming it: a semicolon (French
 * spreadsheets) when the line has more semicolons than commas, else a comma.
 */
public final class CsvSeparator {

	private CsvSeparator() {
	}

	public static char of(BufferedInputStream input) throws IOException {
		input.mark(1 << 15);
		byte[] head = input.readNBytes(1 << 14);
		input.reset();
		int commas = 0;
		int semicolons = 0;
		for (byte b : head) {
			if (b == '\n') {
				break;
			}
			commas += b == ',' ? 1 : 0;
			semicolons += b == ';' ? 1 : 0;
		}
		return semicolons > commas ? ';' : ',';
	}
}
