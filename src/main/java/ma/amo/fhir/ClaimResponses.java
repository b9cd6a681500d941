package ma.amo.fhir;

import java.math.BigDecimal;
import java.util.Date;

import ma.amo.claims.Claim;
import ma.amo.claims.ClaimStatus;
import ma.amo.shared.Money;
import org.hl7.fhir.r4.model.ClaimResponse;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.ClaimResponse.RemittanceOutcome;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.Reference;

/**
 * A claim as its ClaimResponse: where it stands ({@code outcome} queued while received, partial in review, complete
 * once decided), and for each line the amounts of the adjudication (submitted, eligible: the tariff's base, the rate
 * as eligpercent, benefit: what AMO covers, copay: the patient's share) and each reason code of the line. Built from
 * the claim as the claims module holds it, so a repeated submission and a later read answer the same.
 */
final class ClaimResponses {

	private static final String ADJUDICATION = "http://terminology.hl7.org/CodeSystem/adjudication";
	private static final String CLAIM_TYPE = "http://terminology.hl7.org/CodeSystem/claim-type";

	/** The prefix of the idempotency keys of claims submitted through FHIR, before the provider's INPE. */
	static final String KEY_PREFIX = "fhir:";

	private ClaimResponses() {
	}

	static String key(String inpe, String identifier) {
		return KEY_PREFIX + inpe + ":" + identifier;
	}

	static ClaimResponse of(Claim claim) {
		ClaimResponse response = new ClaimResponse();
		response.setId(Long.toString(claim.id()));
		response.addIdentifier().setSystem(Canonical.CLAIM).setValue(Long.toString(claim.id()));
		response.setStatus(ClaimResponse.ClaimResponseStatus.ACTIVE);
		response.setType(new CodeableConcept(new Coding(CLAIM_TYPE, type(claim), null)));
		response.setUse(ClaimResponse.Use.CLAIM);
		response.setPatient(new Reference("Patient/" + claim.patientIdcs()));
		response.setCreated(Date.from(claim.adjudicatedAt() != null ? claim.adjudicatedAt() : claim.receivedAt()));
		response.setInsurer(new Reference().setDisplay(claim.payerBody() == null ? "AMO" : claim.payerBody()));
		response.setRequestor(claim.establishmentInpe() != null ? new Reference("Organization/" + claim.establishmentInpe())
				: new Reference("Practitioner/" + claim.executingInpe()));
		response.setRequest(request(claim));
		response.setOutcome(switch (claim.status()) {
			case RECEIVED, ADJUDICATED -> RemittanceOutcome.QUEUED;
			case IN_REVIEW -> RemittanceOutcome.PARTIAL;
			default -> RemittanceOutcome.COMPLETE;
		});
		response.setDisposition(disposition(claim.status()));
		if (claim.status() != ClaimStatus.RECEIVED && claim.status() != ClaimStatus.ADJUDICATED) {
			for (Claim.Line line : claim.lines()) {
				// The claims module numbers lines from 0, FHIR items from 1.
				item(response.addItem().setItemSequence(line.line() + 1), line);
			}
			total(response, "submitted", claim.billed());
			total(response, "benefit", claim.covered());
			total(response, "copay", claim.patientShare());
		}
		for (String reason : claim.reviewReasons() == null ? java.util.List.<String>of() : claim.reviewReasons()) {
			response.addProcessNote().setType(org.hl7.fhir.r4.model.Enumerations.NoteType.DISPLAY).setText(reason);
		}
		return response;
	}

	/** The claim this answers: the provider's own identifier when it came through FHIR. */
	static Reference request(Claim claim) {
		String key = claim.idempotencyKey();
		if (key != null && key.startsWith(KEY_PREFIX)) {
			String rest = key.substring(KEY_PREFIX.length());
			int colon = rest.indexOf(':');
			if (colon > 0) {
				return new Reference().setIdentifier(new Identifier().setSystem(Canonical.claimsOf(rest.substring(0, colon)))
					.setValue(rest.substring(colon + 1)));
			}
		}
		return new Reference().setDisplay("demande de remboursement " + claim.id());
	}

	static String type(Claim claim) {
		if (claim.lines().stream().allMatch(l -> l.medicineCode() != null)) {
			return "pharmacy";
		}
		return claim.establishmentInpe() != null ? "institutional" : "professional";
	}

	static String disposition(ClaimStatus status) {
		return switch (status) {
			case RECEIVED, ADJUDICATED -> "Reçue, en attente de liquidation";
			case IN_REVIEW -> "En revue par un agent";
			case APPROVED -> "Accordée";
			case PARTIALLY_APPROVED -> "Accordée en partie";
			case REJECTED -> "Rejetée";
			case PAID -> "Payée";
		};
	}

	private static void item(ClaimResponse.ItemComponent item, Claim.Line line) {
		amount(item, "submitted", line.billed());
		amount(item, "eligible", line.base());
		if (line.ratePercent() != null) {
			item.addAdjudication().setCategory(category("eligpercent")).setValue(BigDecimal.valueOf(line.ratePercent()));
		}
		amount(item, "benefit", line.covered());
		amount(item, "copay", line.patientShare());
		for (String reason : line.reasons() == null ? java.util.List.<String>of() : line.reasons()) {
			int colon = reason.indexOf(':');
			String code = colon > 0 ? reason.substring(0, colon).strip() : reason.strip();
			String text = colon > 0 ? reason.substring(colon + 1).strip() : reason;
			item.addAdjudication().setCategory(new CodeableConcept(new Coding(Canonical.ADJUDICATION, "reason", "motif")))
				.setReason(new CodeableConcept(new Coding(Canonical.REASON_CODES, code, null)).setText(text));
		}
	}

	private static void amount(ClaimResponse.ItemComponent item, String category, Money money) {
		if (money != null) {
			item.addAdjudication().setCategory(category(category)).setAmount(mad(money));
		}
	}

	private static void total(ClaimResponse response, String category, Money money) {
		if (money != null) {
			response.addTotal().setCategory(category(category)).setAmount(mad(money));
		}
	}

	private static CodeableConcept category(String code) {
		return new CodeableConcept(new Coding(ADJUDICATION, code, null));
	}

	private static org.hl7.fhir.r4.model.Money mad(Money money) {
		return new org.hl7.fhir.r4.model.Money().setValue(money.amount()).setCurrency("MAD");
	}
}
