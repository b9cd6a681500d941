package ma.amo.support;

import java.time.LocalDate;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

import ma.amo.population.IdcsCheckDigit;

/**
 * Fixtures of register rows: IDCS valid for the default check digit, unique across the test suite (each test class
 * draws from the same counter, so tests sharing the database never collide).
 */
public final class People {

	private static final AtomicLong NEXT = new AtomicLong(700_000_000);

	private People() {
	}

	public static String idcs() {
		String idcs = null;
		while (idcs == null) {
			idcs = IdcsCheckDigit.LUHN.complete(Long.toString(NEXT.getAndIncrement()));
		}
		return idcs;
	}

	public static String cin() {
		return "ZT" + (NEXT.getAndIncrement() % 1_000_000);
	}

	/** Letters drawn at random, for a name no other test uses: names hold no digits, and a UUID may hold few letters. */
	public static String letters(int count) {
		StringBuilder letters = new StringBuilder(count);
		for (char c : UUID.randomUUID().toString().replace("-", "").substring(0, count).toCharArray()) {
			letters.append((char) ('a' + Character.digit(c, 16)));
		}
		return letters.toString();
	}

	/** One RNP line (no death) for the header of {@link #RNP_HEADER}. */
	public static String rnp(String idcs, String cin, String lastName, String firstName, LocalDate birth, char sex) {
		return idcs + "," + (cin == null ? "" : cin) + "," + lastName + "," + firstName + ",العلوي,فاطمة," + birth + ","
				+ sex + ",Rabat (Mun.),Rabat,Rabat-Salé-Kénitra,";
	}

	public static final String RNP_HEADER = "idcs,cin,last_name,first_name,last_name_ar,first_name_ar,birth_date,sex,commune,province,region,death_date";
}
