package ma.amo.fhir;

import java.time.Instant;
import java.time.ZoneId;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.rest.annotation.Count;
import ca.uhn.fhir.rest.annotation.IdParam;
import ca.uhn.fhir.rest.annotation.OptionalParam;
import ca.uhn.fhir.rest.annotation.Read;
import ca.uhn.fhir.rest.annotation.Search;
import ca.uhn.fhir.rest.api.server.RequestDetails;
import ca.uhn.fhir.rest.param.ReferenceParam;
import ca.uhn.fhir.rest.param.StringAndListParam;
import ca.uhn.fhir.rest.server.IResourceProvider;
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
	static final String PAYMENT_BATCH = Canonical.PAYMENT_BATCH;

	/** A transfer by its end-to-end identifier in the ISO 20022 bank file ({@code {batch reference}-{payee}}). */
	static final String END_TO_END = Canonical.END_TO_END_ID;

	/** A claim by its number on the platform, as ClaimResponses are identified. */
	static final String CLAIM = Canonical.CLAIM;

	private static final String PAYMENT_TYPE = "http://terminology.hl7.org/CodeSystem/payment-type";

	private static final Pattern ID = Pattern.compile("(\\d{1,18})-(\\d{9})");

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
		SearchDates.Range range = SearchDates.range(context, PaymentReconciliation.SP_CREATED, created,
				"PaymentReconciliation.created");
		Instant from = range == null ? null : range.from();
		Instant to = range == null ? null : range.before();
		List<ProviderPayment> found = payments.search(inpe, from, to, limit);
		if (!found.isEmpty()) {
			reads.read(request, "PAYMENT_BATCH",
					found.stream().map(p -> Long.toString(p.batchId())).distinct().toList(), "PAYMENT");
		}
		return found.stream().map(PaymentReconciliationProvider::reconciliation).toList();
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
