package ma.amo.fhir;

import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Date;
import java.util.List;
import java.util.function.UnaryOperator;
import java.util.regex.Pattern;

import ca.uhn.fhir.rest.api.server.RequestDetails;
import ma.amo.approvals.Approval;
import ma.amo.approvals.ApprovalRequest;
import ma.amo.approvals.PriorApprovals;
import ma.amo.shared.AccessRefused;
import ma.amo.shared.InvalidInput;
import ma.amo.shared.Money;
import ma.amo.shared.Viewer;
import org.hl7.fhir.r4.model.ClaimResponse;
import org.hl7.fhir.r4.model.ClaimResponse.RemittanceOutcome;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.Enumerations.NoteType;
import org.hl7.fhir.r4.model.Period;
import org.hl7.fhir.r4.model.Reference;
import org.springframework.stereotype.Component;

/**
 * Prior approvals through FHIR, a facade over the approvals module: a Claim of {@code use=preauthorization} is the
 * establishment's request, stored once per {@code Claim.identifier} in its namespace; the answer is a ClaimResponse of
 * the same use named by the approval's reference ({@code ClaimResponse/PA-2026-000123}: a claim's ClaimResponse is
 * named by its number, so the two never collide), read again to follow the request.
 * <p>
 * Where it stands is the {@code outcome}: {@code queued} while a medical reviewer has yet to decide, {@code partial}
 * while the reviewer waits for the establishment's answer to a question, {@code complete} once approved or rejected
 * (by the reviewer, or at once by the pre-check when rights are not open). An approval carries {@code preAuthRef}, the
 * reference a claim cites in {@code insurance.preAuthRef}, and {@code preAuthPeriod}, its validity; what it grants is
 * the header adjudication {@code benefit} (amount) and {@code sessions} (for a series) and the total {@code benefit}.
 */
@Component
class Preauthorizations {

	private static final String ADJUDICATION = "http://terminology.hl7.org/CodeSystem/adjudication";
	private static final String CLAIM_TYPE = "http://terminology.hl7.org/CodeSystem/claim-type";
	private static final Pattern REFERENCE = Pattern.compile("PA-[0-9]{4}-[0-9]{1,12}");

	private final PriorApprovals approvals;
	private final Reads reads;
	private final Clock clock;

	Preauthorizations(PriorApprovals approvals, Reads reads, Clock clock) {
		this.approvals = approvals;
		this.reads = reads;
		this.clock = clock;
	}

	/** Whether a ClaimResponse id names a prior approval rather than a claim. */
	static boolean names(String id) {
		return id != null && id.startsWith("PA-");
	}

	ClaimResponse submit(org.hl7.fhir.r4.model.Claim claim, RequestDetails request) {
		request.getUserData().put(Refusals.PATHS, (UnaryOperator<String>) PreauthorizationMapping::path);
		PreauthorizationMapping.Mapped mapped = PreauthorizationMapping.from(claim);
		Viewer viewer = Viewer.current().orElseThrow(() -> new AccessRefused("sign in to ask for a prior approval"));
		Viewer.require(viewer.role() == Viewer.Role.PROVIDER, "an establishment asks for prior approvals in its own name");
		if (!mapped.providerInpe().equals(viewer.inpe())) {
			throw new AccessRefused("an establishment numbers its requests in its own namespace, "
					+ Canonical.claimsOf(viewer.inpe()));
		}
		ApprovalRequest asked = mapped.request();
		if (!mapped.providerInpe().equals(asked.establishmentInpe())) {
			throw new InvalidInput("Claim.provider", "own-namespace", "the establishment asking, Organization/"
					+ mapped.providerInpe() + ", is the one whose namespace numbers the request");
		}
		PriorApprovals.Filed filed = approvals.request(ClaimResponses.key(mapped.providerInpe(), mapped.identifier()),
				asked);
		reads.changed(request, "PRIOR_APPROVAL", filed.approval().reference(), "PRIOR_APPROVAL");
		return of(filed.approval());
	}

	ClaimResponse read(String reference, RequestDetails request) {
		if (!REFERENCE.matcher(reference).matches()) {
			throw new InvalidInput("ClaimResponse.id", "format",
					"a prior approval's ClaimResponse is named by its reference, PA-yyyy-nnnnnn");
		}
		Approval approval = approvals.approval(reference);
		reads.read(request, "PRIOR_APPROVAL", List.of(reference), "PRIOR_APPROVAL");
		return of(approval);
	}

	ClaimResponse of(Approval approval) {
		ClaimResponse response = new ClaimResponse();
		response.setId(approval.reference());
		response.addIdentifier().setSystem(PreauthorizationMapping.PRIOR_APPROVAL).setValue(approval.reference());
		response.setStatus(ClaimResponse.ClaimResponseStatus.ACTIVE);
		response.setType(new CodeableConcept(new Coding(CLAIM_TYPE, "institutional", null)));
		response.setSubType(new CodeableConcept(new Coding(PreauthorizationMapping.CARE_TYPES,
				approval.careType().name(), approval.careType().label())));
		response.setUse(ClaimResponse.Use.PREAUTHORIZATION);
		response.setPatient(new Reference("Patient/" + approval.patientIdcs()));
		LocalDateTime created = approval.decision() != null && approval.decision().at() != null ? approval.decision().at()
				: approval.receivedAt();
		response.setCreated(Date.from(created.atZone(clock.getZone()).toInstant()));
		response.setInsurer(new Reference().setDisplay(approval.payerBody() == null ? "AMO" : approval.payerBody()));
		response.setRequestor(new Reference("Organization/" + approval.establishmentInpe()));
		Approval.Decision decision = approval.decision();
		String reason = decision == null ? null : decision.reason();
		switch (approval.status()) {
			case PENDING -> response.setOutcome(RemittanceOutcome.QUEUED)
				.setDisposition("Reçue, en attente de l'avis du médecin conseil");
			case MORE_INFORMATION_REQUESTED -> response.setOutcome(RemittanceOutcome.PARTIAL)
				.setDisposition("Complément d'information demandé: " + approval.question());
			case APPROVED -> response.setOutcome(RemittanceOutcome.COMPLETE).setDisposition("Accord préalable accordé");
			case REJECTED -> response.setOutcome(RemittanceOutcome.COMPLETE)
				.setDisposition("Accord préalable refusé" + (reason == null ? "" : ": " + reason));
		}
		List<ApprovalRequest.Line> lines = approval.lines() == null ? List.of() : approval.lines();
		for (int i = 0; i < lines.size(); i++) {
			ClaimResponse.ItemComponent item = response.addItem().setItemSequence(i + 1);
			if (lines.get(i).billed() != null) {
				item.addAdjudication().setCategory(category("submitted")).setAmount(mad(new Money(lines.get(i).billed())));
			}
		}
		if (approval.estimateBilled() != null) {
			response.addTotal().setCategory(category("submitted")).setAmount(mad(approval.estimateBilled()));
		}
		if (approval.status() == ma.amo.approvals.ApprovalStatus.APPROVED && decision != null) {
			response.setPreAuthRef(approval.reference());
			response.setPreAuthPeriod(new Period().setStartElement(day(decision.validFrom()))
				.setEndElement(day(decision.validUntil())));
			response.addAdjudication().setCategory(category("benefit")).setAmount(mad(decision.amount()));
			if (decision.sessions() != null) {
				response.addAdjudication()
					.setCategory(new CodeableConcept(new Coding(Canonical.ADJUDICATION, "sessions", "séances accordées")))
					.setValue(java.math.BigDecimal.valueOf(decision.sessions()));
			}
			response.addTotal().setCategory(category("benefit")).setAmount(mad(decision.amount()));
		}
		if (reason != null) {
			response.addProcessNote().setType(NoteType.DISPLAY).setText(reason);
		}
		for (Approval.Finding finding : approval.preCheck() == null ? List.<Approval.Finding>of() : approval.preCheck()) {
			response.addProcessNote().setType(NoteType.DISPLAY)
				.setText(finding.code() + (finding.passed() ? " (vérifié): " : " (non satisfait): ") + finding.detail());
		}
		return response;
	}

	private static DateTimeType day(LocalDate date) {
		return date == null ? null : new DateTimeType(date.toString());
	}

	private static CodeableConcept category(String code) {
		return new CodeableConcept(new Coding(ADJUDICATION, code, null));
	}

	private static org.hl7.fhir.r4.model.Money mad(Money money) {
		return new org.hl7.fhir.r4.model.Money().setValue(money.amount()).setCurrency("MAD");
	}
}
