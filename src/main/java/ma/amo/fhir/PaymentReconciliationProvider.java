package ma.amo.fhir;

import java.time.Instant;
import java.time.ZoneId;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.parser.DataFormatException;
import ca.uhn.fhir.rest.annotation.Count;
import ca.uhn.fhir.rest.annotation.IdParam;
import ca.uhn.fhir.rest.annotation.OptionalParam;
import ca.uhn.fhir.rest.annotation.Read;
import ca.uhn.fhir.rest.annotation.Search;
import ca.uhn.fhir.rest.api.QualifiedParamList;
import ca.uhn.fhir.rest.api.server.RequestDetails;
import ca.uhn.fhir.rest.param.DateRangeParam;
import ca.uhn.fhir.rest.param.ReferenceParam;
import ca.uhn.fhir.rest.param.StringAndListParam;
import ca.uhn.fhir.rest.param.StringParam;
import ca.uhn.fhir.rest.server.IResourceProvider;
import ca.uhn.fhir.rest.server.exceptions.InvalidRequestException;
import ma.amo.payments.ProviderPayments;
import ma.amo.payments.ProviderPayments.ProviderPayment;
import ma.amo.shared.InvalidInput;
import ma.amo.shared.NotFound;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.DateType;
import org.hl7.fhir.r4.model.Enumerations.RemittanceOutcome;
import org.hl7.fhir.r4.model.IdType;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.Money;
import org.hl7.fhir.r4.model.PaymentReconciliation;
import org.hl7.fhir.r4.model.Period;
import org.hl7.fhir.r4.model.Reference;
import org.springframework.stereotype.Component;

/**
 * What a payment batch paid an establishment (tiers payant): one PaymentReconciliation per transfer, named
 * {@code {batch id}-{establishment INPE}}, with the batch's reference as identifier, the transfer's end-to-end
 * identifier of the bank file as {@code paymentIdentifier}, the amount in MAD and one {@code detail} per claim paid
 * (the claim by its number, its ClaimResponse, the amount). A provider reads its own, an agent or finance officer those
 * of their payer body (ma.amo.payments decides); every read is audited as a read of the batch, as the REST API's.
 * Members' reimbursements are transfers too but not served here: R4 names a payee only as a practitioner or an
 * organisation.
 */
@Component
class PaymentReconciliationProvider implements IResourceProvider {

	/** A payment batch by its reference ({@code LP-CNSS-20260615-12}). */
	static final String PAYMENT_BATCH = Canonical.BASE + "/sid/payment-batch";

	/** A transfer by its end-to-end identifier in the ISO 20022 bank file ({@code {batch reference}-{payee}}). */
	static final String END_TO_END = Canonical.BASE + "/sid/end-to-end-id";

	/** A claim by its number on the platform, as ClaimResponses are identified. */
	static final String CLAIM = Canonical.BASE + "/sid/claim";

	private static final String PAYMENT_TYPE = "http://terminology.hl7.org/CodeSystem/payment-type";

	private static final Pattern ID = Pattern.compile("(\\d{1,18})-(\\d{9})");

	/** A FHIR date or dateTime search value with its prefix; bounded so that no value reaches HAPI's parser unread. */
	private static final Pattern CREATED = Pattern.compile(
			"(eq|ge|gt|le|lt)?\\d{4}(-\\d{2}(-\\d{2}(T\\d{2}:\\d{2}(:\\d{2}(\\.\\d{1,3})?)?(Z|[+-]\\d{2}:\\d{2}))?)?)?");

	private static final ZoneId MOROCCO = ZoneId.of("Africa/Casablanca");

	private final ProviderPayments payments;
	private final Reads reads;
	private final FhirContext context;

	PaymentReconciliationProvider(ProviderPayments payments, Reads reads, FhirContext context) {
		this.payments = payments;
		this.reads = reads;
		this.context = context;
	}

	@Override
	public Class<PaymentReconciliation> getResourceType() {
		return PaymentReconciliation.class;
	}

	@Read
	public PaymentReconciliation read(@IdParam IdType id, RequestDetails request) {
		DirectoryProviders.paths(request, Map.of("batchId", "PaymentReconciliation.id"));
		Matcher parts = ID.matcher(id.getIdPart());
		if (!parts.matches()) {
			throw new InvalidInput("PaymentReconciliation.id", "format",
					"a PaymentReconciliation is named {batch id}-{establishment INPE}, e.g. 12-000000018");
		}
		long batch = Long.parseLong(parts.group(1));
		payments.requireBatch(batch);
		ProviderPayment payment = payments.payment(batch, parts.group(2)).orElseThrow(() -> new NotFound(
				"PaymentReconciliation.id", "the batch " + batch + " has no transfer to the establishment " + parts.group(2)));
		reads.read(request, "PAYMENT_BATCH", List.of(Long.toString(batch)), "PAYMENT");
		return reconciliation(payment);
	}

	/**
	 * {@code requestor=Organization/{inpe}} (a provider's own when absent), {@code created} the day or range the batch
	 * was made ({@code ge}, {@code le}...), {@code _count} up to 100; newest first.
	 */
	@Search
	public List<PaymentReconciliation> search(
			@OptionalParam(name = PaymentReconciliation.SP_REQUESTOR) ReferenceParam requestor,
			@OptionalParam(name = PaymentReconciliation.SP_CREATED) StringAndListParam created, @Count Integer count,
			RequestDetails request) {
		DirectoryProviders.paths(request, Map.of("_count", "_count"));
		int limit = DirectoryProviders.count(count);
		String inpe = DirectoryProviders.inpe(requestor, "Organization", "PaymentReconciliation.requestor");
		Instant from = null;
		Instant to = null;
		DateRangeParam range = range(created);
		if (range != null) {
			Date lower = range.getLowerBoundAsInstant();
			Date upper = range.getUpperBoundAsInstant();
			from = lower == null ? null : lower.toInstant();
			// The upper bound is the last instant included.
			to = upper == null ? null : upper.toInstant().plusMillis(1);
			if (from != null && to != null && !from.isBefore(to)) {
				throw new InvalidInput("PaymentReconciliation.created", "range", "the range ends before it starts");
			}
		}
		List<ProviderPayment> found = payments.search(inpe, from, to, limit);
		if (!found.isEmpty()) {
			reads.read(request, "PAYMENT_BATCH",
					found.stream().map(p -> Long.toString(p.batchId())).distinct().toList(), "PAYMENT");
		}
		return found.stream().map(PaymentReconciliationProvider::reconciliation).toList();
	}

	/**
	 * The range of {@code created=} values ({@code ge2026-06-01}, {@code lt2026-07-01}...), at most two, read here
	 * rather than by HAPI so that a value that is no date is refused as the client's mistake (400), naming it.
	 */
	private DateRangeParam range(StringAndListParam created) {
		if (created == null || created.getValuesAsQueryTokens().isEmpty()) {
			return null;
		}
		List<String> values = created.getValuesAsQueryTokens().stream()
			.flatMap(or -> or.getValuesAsQueryTokens().stream()).map(StringParam::getValue).toList();
		if (values.size() > 2 || values.size() != created.getValuesAsQueryTokens().size()) {
			throw new InvalidInput("PaymentReconciliation.created", "range",
					"at most a lower and an upper bound, e.g. created=ge2026-06-01&created=lt2026-07-01");
		}
		for (String value : values) {
			if (value == null || !CREATED.matcher(value).matches()) {
				throw new InvalidInput("PaymentReconciliation.created", "date",
						"a date or date-time with an optional prefix (eq, ge, gt, le, lt), e.g. ge2026-06-01");
			}
		}
		try {
			DateRangeParam range = new DateRangeParam();
			range.setValuesAsQueryTokens(context, PaymentReconciliation.SP_CREATED,
					values.stream().map(QualifiedParamList::singleton).toList());
			return range;
		}
		catch (DataFormatException | InvalidRequestException e) {
			throw new InvalidInput("PaymentReconciliation.created", "date",
					"not a date range: " + String.join(" and ", values));
		}
	}

	static PaymentReconciliation reconciliation(ProviderPayment p) {
		PaymentReconciliation r = new PaymentReconciliation();
		r.setId(p.batchId() + "-" + p.inpe());
		r.addIdentifier(new Identifier().setSystem(PAYMENT_BATCH).setValue(p.reference()));
		r.setStatus(PaymentReconciliation.PaymentReconciliationStatus.ACTIVE);
		r.setPeriod(new Period().setEndElement(new org.hl7.fhir.r4.model.DateTimeType(p.cutOff().toString())));
		r.setCreated(Date.from(p.createdAt()));
		r.setPaymentIssuer(new Reference().setDisplay(p.payerBody()));
		r.setRequestor(new Reference("Organization/" + p.inpe()));
		r.setOutcome(RemittanceOutcome.COMPLETE);
		r.setDisposition("Virement du lot " + p.reference() + " : " + p.claimCount() + " demande(s) réglée(s)");
		r.setPaymentDateElement(new DateType(p.createdAt().atZone(MOROCCO).toLocalDate().toString()));
		r.setPaymentAmount(mad(p.amount()));
		r.setPaymentIdentifier(new Identifier().setSystem(END_TO_END).setValue(p.endToEndId()));
		for (ProviderPayments.PaidClaim claim : p.claims()) {
			r.addDetail()
				.setType(new CodeableConcept(new Coding(PAYMENT_TYPE, "payment", "Payment")))
				.setRequest(new Reference().setType("Claim")
					.setIdentifier(new Identifier().setSystem(CLAIM).setValue(Long.toString(claim.claimId()))))
				.setResponse(new Reference("ClaimResponse/" + claim.claimId()))
				.setPayee(new Reference("Organization/" + p.inpe()))
				.setDateElement(new DateType(p.createdAt().atZone(MOROCCO).toLocalDate().toString()))
				.setAmount(mad(claim.amount()));
		}
		return r;
	}

	private static Money mad(ma.amo.shared.Money amount) {
		return new Money().setValue(amount.amount()).setCurrency("MAD");
	}
}
