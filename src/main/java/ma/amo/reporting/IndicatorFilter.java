package ma.amo.reporting;

import java.time.Clock;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import ma.amo.shared.InvalidInput;
import ma.amo.shared.Viewer;
import ma.amo.shared.Violation;

/**
 * The months and the payer body an indicator is read for. Without a period, the twelve months up to the current one;
 * at most {@value #MAX_MONTHS} months. A payer agent or a finance officer attached to a payer body reads only that
 * body's figures, whatever they ask (asking another is refused); the regulator, the administrators and a finance
 * officer of the whole platform read either body or both.
 */
public record IndicatorFilter(YearMonth from, YearMonth to, String payerBody) {

	/** The longest period one reading covers: five years of monthly figures. */
	public static final int MAX_MONTHS = 60;

	/** Reads the filter as sent ({@code yyyy-MM} months, {@code CNSS} or {@code CNOPS}), refusing what is not one. */
	public static IndicatorFilter of(String from, String to, String payerBody, Clock clock) {
		List<Violation> violations = new ArrayList<>();
		YearMonth current = YearMonth.now(clock);
		YearMonth end = month("to", to, violations).orElse(current);
		YearMonth start = month("from", from, violations).orElse(end.minusMonths(11));
		String body = payerBody == null || payerBody.isBlank() ? null : payerBody;
		if (body != null && !body.equals("CNSS") && !body.equals("CNOPS")) {
			violations.add(new Violation("payerBody", "payer-body", "must be CNSS or CNOPS"));
		}
		if (violations.isEmpty() && start.isAfter(end)) {
			violations.add(new Violation("from", "from-before-to", "must be on or before to"));
		}
		if (violations.isEmpty() && start.plusMonths(MAX_MONTHS - 1).isBefore(end)) {
			violations.add(new Violation("to", "max-range", "the period is at most " + MAX_MONTHS + " months"));
		}
		if (!violations.isEmpty()) {
			throw new InvalidInput(violations);
		}
		return new IndicatorFilter(start, end, scope(body));
	}

	private static Optional<YearMonth> month(String field, String text, List<Violation> violations) {
		if (text == null || text.isBlank()) {
			return Optional.empty();
		}
		if (!text.matches("[0-9]{4}-[0-9]{2}")) {
			violations.add(new Violation(field, "month", "must be a month written yyyy-MM"));
			return Optional.empty();
		}
		try {
			YearMonth month = YearMonth.parse(text);
			if (month.getYear() < 2005 || month.getYear() > 2100) {
				violations.add(new Violation(field, "date-range", "must be between 2005 and 2100"));
				return Optional.empty();
			}
			return Optional.of(month);
		}
		catch (DateTimeParseException e) {
			violations.add(new Violation(field, "month", "must be a month written yyyy-MM"));
			return Optional.empty();
		}
	}

	/** The payer body the viewer may read: their own when they are attached to one. */
	private static String scope(String asked) {
		Optional<Viewer> viewer = Viewer.current();
		if (viewer.isPresent() && viewer.get().payerBody() != null
				&& (viewer.get().role() == Viewer.Role.PAYER_AGENT || viewer.get().role() == Viewer.Role.FINANCE)) {
			String own = viewer.get().payerBody();
			Viewer.require(asked == null || asked.equals(own), "the indicators of " + asked + " are outside your scope");
			return own;
		}
		return asked;
	}

	/** Whether the viewer reads one payer body only, whatever they ask. */
	public static boolean scoped() {
		return Viewer.current().map(v -> v.payerBody() != null
				&& (v.role() == Viewer.Role.PAYER_AGENT || v.role() == Viewer.Role.FINANCE)).orElse(false);
	}
}
