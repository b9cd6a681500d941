package ma.amo.protocols;

import java.time.LocalDate;

/**
 * What a protocol covers: an act (a tariff code such as {@code Cs}, or a key letter such as {@code K}), an
 * examination (biology {@code B}, imaging {@code Z}...) or a medicine by its DCI, at most {@code maxCount} times per
 * calendar {@code period}.
 */
public record ProtocolItem(int position, Kind kind, String code, String label, int maxCount, Period period) {

	public enum Kind {
		ACT, EXAMINATION, MEDICINE
	}

	/** The calendar period a frequency counts over. */
	public enum Period {
		MONTH("mois"), QUARTER("trimestre"), YEAR("an");

		private final String french;

		Period(String french) {
			this.french = french;
		}

		public String french() {
			return french;
		}

		/** The first day of the period holding {@code date}. */
		public LocalDate start(LocalDate date) {
			return switch (this) {
				case MONTH -> date.withDayOfMonth(1);
				case QUARTER -> LocalDate.of(date.getYear(), (date.getMonthValue() - 1) / 3 * 3 + 1, 1);
				case YEAR -> date.withDayOfYear(1);
			};
		}
	}

	/** Whether the item is an act or examination (matched on the line's act code) rather than a medicine. */
	public boolean act() {
		return kind != Kind.MEDICINE;
	}

	/** The frequency as people read it: "3 par trimestre". */
	public String frequency() {
		return maxCount + " par " + period.french();
	}
}
