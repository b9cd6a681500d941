package ma.amo.web.portal;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

import ma.amo.shared.Money;
import org.springframework.stereotype.Component;

/**
 * Amounts and dates as the portal's pages write them ({@code 1 234,50 DH}, {@code 15/06/2026}), called from the
 * templates as {@code ${@portalFormats.dh(amount)}}. Amounts are already rounded by {@link Money}; this only writes them.
 */
@Component("portalFormats")
public class PortalFormats {

	private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd/MM/yyyy");
	private static final DateTimeFormatter MINUTE = DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm");
	private static final ZoneId CASABLANCA = ZoneId.of("Africa/Casablanca");

	public String dh(Money money) {
		return money == null ? "—" : dh(money.amount());
	}

	public String dh(BigDecimal amount) {
		if (amount == null) {
			return "—";
		}
		DecimalFormatSymbols symbols = new DecimalFormatSymbols(Locale.FRENCH);
		symbols.setGroupingSeparator(' ');
		symbols.setDecimalSeparator(',');
		DecimalFormat format = new DecimalFormat("#,##0.00", symbols);
		format.setRoundingMode(RoundingMode.HALF_UP);
		return format.format(amount) + " DH";
	}

	public String date(LocalDate date) {
		return date == null ? "—" : date.format(DAY);
	}

	public String time(LocalDateTime time) {
		return time == null ? "—" : time.format(MINUTE);
	}

	public String time(java.time.Instant instant) {
		return instant == null ? "—" : instant.atZone(CASABLANCA).format(MINUTE);
	}

	public String rate(Integer percent) {
		return percent == null ? "—" : percent + " %";
	}
}
