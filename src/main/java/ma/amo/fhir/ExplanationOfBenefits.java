package ma.amo.fhir;

import java.math.BigDecimal;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.rest.annotation.Count;
import ca.uhn.fhir.rest.annotation.IdParam;
import ca.uhn.fhir.rest.annotation.Offset;
import ca.uhn.fhir.rest.annotation.OptionalParam;
import ca.uhn.fhir.rest.annotation.Read;
import ca.uhn.fhir.rest.annotation.Search;
import ca.uhn.fhir.rest.api.server.IBundleProvider;
import ca.uhn.fhir.rest.api.server.RequestDetails;
import ca.uhn.fhir.rest.param.ReferenceParam;
import ca.uhn.fhir.rest.param.StringAndListParam;
import ca.uhn.fhir.rest.server.IResourceProvider;
import ca.uhn.fhir.rest.server.SimpleBundleProvider;
import ma.amo.claims.Claim;
import ma.amo.claims.ClaimAdjudication;
import ma.amo.claims.ClaimStatus;
import ma.amo.shared.InvalidInput;
import ma.amo.shared.Money;
import ma.amo.shared.PageOf;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.ExplanationOfBenefit;
import org.hl7.fhir.r4.model.ExplanationOfBenefit.RemittanceOutcome;
import org.hl7.fhir.r4.model.IdType;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.Reference;
import org.springframework.stereotype.Component;

/**
 * ExplanationOfBenefit: an adjudicated claim as the member and the provider read it afterwards, named by the claim's
 * number ({@code ExplanationOfBenefit/{claimId}}, like its ClaimResponse): each item with the adjudication's amounts
 * and reason codes as in the ClaimResponse, the totals, and once the claim is paid the {@code payment}: its date, the
 * amount the payer body paid and the payment batch's reference. Searched by {@code patient=Patient/{idcs}} and
 * {@code provider=Organization/{inpe}} (the establishment) or {@code Practitioner/{inpe}} (who gave the care) and
 * {@code created} (when the claim was adjudicated, or received while it waits: {@code created=ge2026-06-01&created=lt2026-07-01}), paged
 * by {@code _count} (at most 100) and {@code _offset} (a multiple of {@code _count}). Each reader sees the claims of
 * its scope only, as in the claims API: a provider its own, a member their family's, an agent its payer body's.
 */
@Component
class ExplanationOfBenefits implements IResourceProvider {

	static final int MOST = 100;
	private static final int DEFAULT_COUNT = 20;
	private static final String ADJUDICATION = "http://terminology.hl7.org/CodeSystem/adjudication";
	private static final String PAID_PREFIX = "Lot de paiement ";

	private final ClaimAdjudication claims;
	private final Reads reads;
	private final Clock clock;
	private final FhirContext context;

	ExplanationOfBenefits(ClaimAdjudication claims, Reads reads, Clock clock, FhirContext context) {
		this.claims = claims;
		this.reads = reads;
		this.clock = clock;
		this.context = context;
	}

	@Override
	public Class<ExplanationOfBenefit> getResourceType() {
		return ExplanationOfBenefit.class;
	}

	@Read
	public ExplanationOfBenefit read(@IdParam IdType id, RequestDetails request) {
		long claimId;
		try {
			claimId = Long.parseLong(id.getIdPart());
		}
		catch (NumberFormatException e) {
			throw new InvalidInput("ExplanationOfBenefit.id", "number",
					"an ExplanationOfBenefit is named by the claim's number");
		}
		Claim claim = claims.claim(claimId);
		reads.read(request, "CLAIM", List.of(Long.toString(claim.id())), "CLAIM_PROCESSING");
		return of(claim);
	}

	@Search
	public IBundleProvider search(@OptionalParam(name = ExplanationOfBenefit.SP_PATIENT) ReferenceParam patient,
			@OptionalParam(name = ExplanationOfBenefit.SP_PROVIDER) ReferenceParam provider,
			@OptionalParam(name = ExplanationOfBenefit.SP_CREATED) StringAndListParam created, @Count Integer count,
			@Offset Integer offset, RequestDetails request) {
		DirectoryProviders.paths(request, Map.of("_count", "_count", "_offset", "_offset", "patient",
				"ExplanationOfBenefit.patient", "provider", "ExplanationOfBenefit.provider"));
		SearchDates.Range range = SearchDates.range(context, ExplanationOfBenefit.SP_CREATED, created,
				"ExplanationOfBenefit.created");
		int size = count == null ? DEFAULT_COUNT : count;
		int from = offset == null ? 0 : offset;
		if (size < 1 || size > MOST) {
			throw new InvalidInput("_count", "range", "from 1 to " + MOST);
		}
		if (from < 0 || from % size != 0 || from / size > 100_000) {
			throw new InvalidInput("_offset", "page", "a multiple of _count (" + size + "), from 0");
		}
		String idcs = null;
		if (patient != null) {
			if (patient.getResourceType() != null && !"Patient".equals(patient.getResourceType())) {
				throw new InvalidInput("patient", "reference", "must be Patient/{idcs}");
			}
			idcs = patient.getIdPart();
			if (patient.getChain() != null || idcs == null || !idcs.matches("[0-9]{1,20}")) {
				throw new InvalidInput("patient", "reference", "must be Patient/{idcs}");
			}
		}
		String establishment = null;
		String executing = null;
		if (provider != null) {
			String inpe = provider.getIdPart();
			if (provider.getChain() != null || inpe == null || !inpe.matches("[0-9]{9}")) {
				throw new InvalidInput("provider", "reference", "must be Organization/{inpe} or Practitioner/{inpe}");
			}
			if ("Organization".equals(provider.getResourceType())) {
				establishment = inpe;
			}
			else if ("Practitioner".equals(provider.getResourceType())) {
				executing = inpe;
			}
			else {
				throw new InvalidInput("provider", "reference", "must be Organization/{inpe} or Practitioner/{inpe}");
			}
		}
		PageOf<Claim.Summary> page = claims.search(null, idcs, executing, establishment,
				range == null ? null : range.from(), range == null ? null : range.before(), from / size, size);
		List<ExplanationOfBenefit> found = new ArrayList<>();
		for (Claim.Summary summary : page.content()) {
			found.add(of(claims.claim(summary.id())));
		}
		if (!found.isEmpty()) {
			reads.read(request, "CLAIM", found.stream().map(e -> e.getIdPart()).toList(), "CLAIM_PROCESSING");
		}
		SimpleBundleProvider bundle = new SimpleBundleProvider(found);
		bundle.setSize((int) Math.min(Integer.MAX_VALUE, page.totalElements()));
		bundle.setCurrentPageOffset(from);
		bundle.setCurrentPageSize(size);
		return bundle;
	}

	ExplanationOfBenefit of(Claim claim) {
		ExplanationOfBenefit eob = new ExplanationOfBenefit();
		eob.setId(Long.toString(claim.id()));
		eob.addIdentifier().setSystem(Canonical.CLAIM).setValue(Long.toString(claim.id()));
		eob.setStatus(ExplanationOfBenefit.ExplanationOfBenefitStatus.ACTIVE);
		eob.setType(new CodeableConcept(new Coding("http://terminology.hl7.org/CodeSystem/claim-type",
				ClaimResponses.type(claim), null)));
		eob.setUse(ExplanationOfBenefit.Use.CLAIM);
		eob.setPatient(new Reference("Patient/" + claim.patientIdcs()));
		eob.setBillablePeriod(new org.hl7.fhir.r4.model.Period()
			.setStartElement(new org.hl7.fhir.r4.model.DateTimeType(claim.careDate().toString())));
		eob.setCreated(Date.from(claim.adjudicatedAt() != null ? claim.adjudicatedAt() : claim.receivedAt()));
		eob.setInsurer(new Reference().setDisplay(claim.payerBody() == null ? "AMO" : claim.payerBody()));
		eob.setProvider(claim.establishmentInpe() != null ? new Reference("Organization/" + claim.establishmentInpe())
				: new Reference("Practitioner/" + claim.executingInpe()));
		Reference request = ClaimResponses.request(claim);
		if (request.hasIdentifier()) {
			eob.setClaim(request);
		}
		eob.setClaimResponse(new Reference("ClaimResponse/" + claim.id()));
		eob.setOutcome(switch (claim.status()) {
			case RECEIVED, ADJUDICATED -> RemittanceOutcome.QUEUED;
			case IN_REVIEW -> RemittanceOutcome.PARTIAL;
			default -> RemittanceOutcome.COMPLETE;
		});
		eob.setDisposition(ClaimResponses.disposition(claim.status()));
		var insurance = eob.addInsurance().setFocal(true).setCoverage(new Reference("Coverage/" + claim.patientIdcs()));
		if (claim.priorApproval() != null) {
			insurance.addPreAuthRef(claim.priorApproval());
		}
		boolean adjudicated = claim.status() != ClaimStatus.RECEIVED && claim.status() != ClaimStatus.ADJUDICATED;
		for (Claim.Line line : claim.lines()) {
			ExplanationOfBenefit.ItemComponent item = eob.addItem().setSequence(line.line() + 1);
			item.setProductOrService(new CodeableConcept(line.medicineCode() != null
					? new Coding(Canonical.MEDICINES, line.medicineCode(), null) : new Coding(Canonical.ACTS, line.actCode(), null)));
			item.setServiced(new org.hl7.fhir.r4.model.DateType(claim.careDate().toString()));
			item.setNet(mad(line.billed()));
			amount(item, "submitted", line.billed());
			if (adjudicated) {
				amount(item, "eligible", line.base());
				if (line.ratePercent() != null) {
					item.addAdjudication().setCategory(category("eligpercent")).setValue(BigDecimal.valueOf(line.ratePercent()));
				}
				amount(item, "benefit", line.covered());
				amount(item, "copay", line.patientShare());
				for (String reason : line.reasons() == null ? List.<String>of() : line.reasons()) {
					int colon = reason.indexOf(':');
					String code = colon > 0 ? reason.substring(0, colon).strip() : reason.strip();
					String text = colon > 0 ? reason.substring(colon + 1).strip() : reason;
					item.addAdjudication().setCategory(new CodeableConcept(new Coding(Canonical.ADJUDICATION, "reason", "motif")))
						.setReason(new CodeableConcept(new Coding(Canonical.REASON_CODES, code, null)).setText(text));
				}
			}
		}
		total(eob, "submitted", claim.billed());
		if (adjudicated) {
			total(eob, "benefit", claim.covered());
			total(eob, "copay", claim.patientShare());
		}
		if (claim.status() == ClaimStatus.PAID) {
			payment(eob, claim);
		}
		return eob;
	}

	/** The payment as the claim's history records it: the step to PAID, with the batch that paid it. */
	private void payment(ExplanationOfBenefit eob, Claim claim) {
		claims.history(claim.id()).stream().filter(e -> e.status() == ClaimStatus.PAID).findFirst().ifPresent(paid -> {
			ExplanationOfBenefit.PaymentComponent payment = eob.getPayment();
			payment.setType(new CodeableConcept(new Coding("http://terminology.hl7.org/CodeSystem/ex-paymenttype",
					"complete", null)));
			payment.setDateElement(new org.hl7.fhir.r4.model.DateType(paid.at().atZone(clock.getZone()).toLocalDate().toString()));
			payment.setAmount(mad(claim.covered()));
			String comment = paid.comment();
			if (comment != null && comment.startsWith(PAID_PREFIX)) {
				payment.setIdentifier(new Identifier().setSystem(Canonical.PAYMENT_BATCH)
					.setValue(comment.substring(PAID_PREFIX.length()).strip()));
			}
		});
	}

	private static void amount(ExplanationOfBenefit.ItemComponent item, String category, Money money) {
		if (money != null) {
			item.addAdjudication().setCategory(category(category)).setAmount(mad(money));
		}
	}

	private static void total(ExplanationOfBenefit eob, String category, Money money) {
		if (money != null) {
			eob.addTotal().setCategory(category(category)).setAmount(mad(money));
		}
	}

	private static CodeableConcept category(String code) {
		return new CodeableConcept(new Coding(ADJUDICATION, code, null));
	}

	private static org.hl7.fhir.r4.model.Money mad(Money money) {
		return money == null ? null : new org.hl7.fhir.r4.model.Money().setValue(money.amount()).setCurrency("MAD");
	}
}
