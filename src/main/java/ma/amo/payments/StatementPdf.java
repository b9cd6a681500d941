package ma.amo.payments;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Map;

import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import ma.amo.shared.Money;
import org.springframework.stereotype.Component;
import org.thymeleaf.TemplateEngine;
import org.thymeleaf.context.Context;
import org.thymeleaf.templatemode.TemplateMode;
import org.thymeleaf.templateresolver.ClassLoaderTemplateResolver;

/**
 * Renders the statements as PDF, in French: an XHTML page from a Thymeleaf template (under
 * {@code ma/amo/payments/}) laid out by openhtmltopdf. The text uses the PDF's standard Helvetica in WinAnsi
 * encoding, which has every accented letter of French, so no font file is embedded. Amounts are written
 * {@code 1 234,50 MAD} and dates {@code dd/MM/yyyy}.
 */
@Component
public class StatementPdf {

	private final TemplateEngine templates = new TemplateEngine();

	StatementPdf() {
		ClassLoaderTemplateResolver resolver = new ClassLoaderTemplateResolver(StatementPdf.class.getClassLoader());
		resolver.setPrefix("ma/amo/payments/");
		resolver.setSuffix(".html");
		// XML mode: openhtmltopdf reads well-formed XHTML, and the template is kept as such.
		resolver.setTemplateMode(TemplateMode.XML);
		resolver.setCharacterEncoding("UTF-8");
		resolver.setCacheable(true);
		templates.setTemplateResolver(resolver);
	}

	public byte[] member(Statements.MemberStatement statement) {
		return render("member-statement", Map.of("statement", statement));
	}

	public byte[] transfer(Statements.TransferStatement statement) {
		return render("transfer-statement", Map.of("statement", statement));
	}

	private byte[] render(String template, Map<String, Object> variables) {
		Context context = new Context(Locale.FRANCE);
		context.setVariables(variables);
		context.setVariable("fr", new French());
		String html = templates.process(template, context);
		ByteArrayOutputStream pdf = new ByteArrayOutputStream();
		try {
			new PdfRendererBuilder().useFastMode().withHtmlContent(html, null).toStream(pdf).run();
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
		return pdf.toByteArray();
	}

	/** The French forms of amounts, rates and dates the templates print. */
	public static final class French {

		private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd/MM/yyyy");

		/** {@code 1 234,50 MAD}: a plain space between thousands, as the base font has no narrow no-break space. */
		public String money(Money money) {
			return money == null ? "" : amount(money.amount()) + " MAD";
		}

		public String amount(BigDecimal amount) {
			DecimalFormatSymbols symbols = DecimalFormatSymbols.getInstance(Locale.FRANCE);
			symbols.setGroupingSeparator(' ');
			symbols.setDecimalSeparator(',');
			symbols.setMinusSign('-');
			DecimalFormat format = new DecimalFormat("#,##0.00", symbols);
			return format.format(amount);
		}

		public String date(LocalDate date) {
			return date == null ? "" : DAY.format(date);
		}

		public String kind(String kind) {
			return "PROVIDER_INVOICE".equals(kind) ? "Facture en tiers payant" : "Feuille de soins";
		}

		public String status(String status) {
			return switch (status) {
				case "APPROVED" -> "Acceptée";
				case "PARTIALLY_APPROVED" -> "Acceptée en partie";
				case "REJECTED" -> "Rejetée";
				case "PAID" -> "Payée";
				default -> status;
			};
		}

		public String rate(Integer percent) {
			return percent == null ? "" : percent + " %";
		}
	}
}
