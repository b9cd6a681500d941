package ma.amo.fhir;

import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.regex.Pattern;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.parser.DataFormatException;
import ca.uhn.fhir.rest.api.QualifiedParamList;
import ca.uhn.fhir.rest.param.DateRangeParam;
import ca.uhn.fhir.rest.param.StringAndListParam;
import ca.uhn.fhir.rest.param.StringParam;
import ca.uhn.fhir.rest.server.exceptions.InvalidRequestException;
import ma.amo.shared.InvalidInput;

/**
 * A date search parameter ({@code created=ge2026-06-01&created=lt2026-07-01}) read here rather than by HAPI: HAPI's
 * own date binding answers an impossible date ({@code 2026-13-45}) with a 500, where it is the client's mistake (400,
 * naming the element searched). Taken as strings, checked against the FHIR date grammar, then handed to HAPI's range.
 */
final class SearchDates {

	/** A FHIR date or dateTime search value with its prefix; bounded so that no value reaches HAPI's parser unread. */
	private static final Pattern VALUE = Pattern.compile(
			"(eq|ge|gt|le|lt)?\\d{4}(-\\d{2}(-\\d{2}(T\\d{2}:\\d{2}(:\\d{2}(\\.\\d{1,3})?)?(Z|[+-]\\d{2}:\\d{2}))?)?)?");

	/** The instants searched: {@code from} included, {@code before} excluded, either null when unbounded. */
	record Range(Instant from, Instant before) {
	}

	private SearchDates() {
	}

	/**
	 * The range of the values given, at most a lower and an upper bound; null when none. {@code path} is the element
	 * searched, as a refusal names it ({@code ExplanationOfBenefit.created}).
	 */
	static Range range(FhirContext context, String name, StringAndListParam param, String path) {
		if (param == null || param.getValuesAsQueryTokens().isEmpty()) {
			return null;
		}
		List<String> values = param.getValuesAsQueryTokens().stream()
			.flatMap(or -> or.getValuesAsQueryTokens().stream()).map(StringParam::getValue).toList();
		if (values.size() > 2 || values.size() != param.getValuesAsQueryTokens().size()) {
			throw new InvalidInput(path, "range", "at most a lower and an upper bound, e.g. " + name + "=ge2026-06-01&"
					+ name + "=lt2026-07-01");
		}
		for (String value : values) {
			if (value == null || !VALUE.matcher(value).matches()) {
				throw new InvalidInput(path, "date",
						"a date or date-time with an optional prefix (eq, ge, gt, le, lt), e.g. ge2026-06-01");
			}
		}
		DateRangeParam range;
		try {
			range = new DateRangeParam();
			range.setValuesAsQueryTokens(context, name, values.stream().map(QualifiedParamList::singleton).toList());
		}
		catch (DataFormatException | InvalidRequestException | IllegalArgumentException e) {
			throw new InvalidInput(path, "date", "not a date range: " + String.join(" and ", values));
		}
		Date lower;
		Date upper;
		try {
			lower = range.getLowerBoundAsInstant();
			upper = range.getUpperBoundAsInstant();
		}
		catch (DataFormatException | IllegalArgumentException e) {
			throw new InvalidInput(path, "date", "not a date range: " + String.join(" and ", values));
		}
		Instant from = lower == null ? null : lower.toInstant();
		// HAPI's upper bound is the last instant included.
		Instant before = upper == null ? null : upper.toInstant().plusMillis(1);
		if (from != null && before != null && !from.isBefore(before)) {
			throw new InvalidInput(path, "range", "the range ends before it starts");
		}
		return new Range(from, before);
	}
}
