package ma.amo.fhir;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import ma.amo.approvals.ApprovalRequest;
import ma.amo.approvals.CareType;
import ma.amo.shared.InvalidInput;
import ma.amo.shared.Violation;
import org.hl7.fhir.r4.model.Claim;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Identifier;

/**
 * A FHIR Claim of {@code use=preauthorization} read into the approvals module's {@link ApprovalRequest}, refusing
 * with the path of each element at fault what the platform cannot decide on.
 * <p>
 * The establishment asking is the {@code provider} ({@code Organization/{inpe}}); the care type is the
 * {@code subType}, a code of {@value #CARE_TYPES} (HOSPITAL_STAY, SURGERY, CHEMOTHERAPY, DIALYSIS,
 * COSTLY_MEDICINE, PHYSIOTHERAPY, SPEECH_THERAPY, ORTHODONTICS, DEVICE); the planned start the
 * {@code billablePeriod.start}; the acts and medicines to estimate the items, read as a claim's items are. The rest is
 * in {@code supportingInfo} of a category of {@value #APPROVAL_INFO}: {@code medical-note} and
 * {@code protocol} (valueString), {@code stay-days} and {@code sessions} (valueQuantity, a whole number). A renewal
 * names the approval it renews in {@code related.reference} (system {@value #PRIOR_APPROVAL}).
 */
final class PreauthorizationMapping {

	/** The care types a prior approval is asked for (the approvals module's CareType names). */
	static final String CARE_TYPES = Canonical.CARE_TYPES;

	/** The categories of a request's supporting information. */
	static final String APPROVAL_INFO = Canonical.PRIOR_APPROVAL_INFO;

	/** The references of prior approvals (PA-2026-000123). */
	static final String PRIOR_APPROVAL = Canonical.PRIOR_APPROVAL;

	private static final int TEXT_MAX = 10_000;

	/** The request as the approvals module takes it, with the identifier the establishment numbered it by. */
	record Mapped(String providerInpe, String identifier, ApprovalRequest request) {
	}

	private PreauthorizationMapping() {
	}

	static Mapped from(Claim claim) {
		List<Violation> violations = new ArrayList<>();
		if (claim.getUse() != Claim.Use.PREAUTHORIZATION) {
			violations.add(new Violation("Claim.use", "use", "a prior approval is asked with use=preauthorization"));
		}
		Identifier identifier = claim.getIdentifier().stream()
			.filter(i -> Canonical.inpeOfClaims(i.getSystem()) != null).findFirst().orElse(null);
		if (identifier == null || !identifier.hasValue() || identifier.getValue().length() > 60) {
			violations.add(new Violation("Claim.identifier", "required", "number the request in your namespace: system "
					+ Canonical.claimsOf("{your INPE}") + ", a value of 1 to 60 characters"));
		}
		String patient = ClaimMapping.patient(claim, violations);
		String establishment = establishment(claim, violations);
		CareType careType = careType(claim, violations);
		LocalDate start = claim.getBillablePeriod().hasStart() ? ClaimMapping.date(
				claim.getBillablePeriod().getStartElement(), "Claim.billablePeriod.start", violations) : null;
		if (!claim.getBillablePeriod().hasStart()) {
			violations.add(new Violation("Claim.billablePeriod.start", "required", "the day the care is planned to start"));
		}
		List<ApprovalRequest.Line> lines = ClaimMapping.lines(claim, violations).stream()
			.map(l -> new ApprovalRequest.Line(l.actCode(), l.coefficient(), l.medicineCode(), l.quantity(), l.billed()))
			.toList();
		String note = null;
		String protocol = null;
		Integer stayDays = null;
		Integer sessions = null;
		for (int i = 0; i < claim.getSupportingInfo().size(); i++) {
			Claim.SupportingInformationComponent info = claim.getSupportingInfo().get(i);
			String at = "Claim.supportingInfo[" + i + "]";
			String code = info.getCategory().getCoding().stream().filter(c -> APPROVAL_INFO.equals(c.getSystem()))
				.map(Coding::getCode).findFirst().orElse(null);
			if (code == null) {
				violations.add(new Violation(at + ".category", "code-system", "a category of " + APPROVAL_INFO
						+ ": medical-note, protocol, stay-days or sessions"));
				continue;
			}
			switch (code) {
				case "medical-note" -> note = text(info, at, violations);
				case "protocol" -> protocol = text(info, at, violations);
				case "stay-days" -> stayDays = count(info, at, violations);
				case "sessions" -> sessions = count(info, at, violations);
				default -> violations.add(new Violation(at + ".category", "code",
						"medical-note, protocol, stay-days or sessions, not " + code));
			}
		}
		String renews = null;
		for (int i = 0; i < claim.getRelated().size(); i++) {
			Identifier related = claim.getRelated().get(i).getReference();
			if (!PRIOR_APPROVAL.equals(related.getSystem()) || !related.hasValue()
					|| related.getValue().length() > 30) {
				violations.add(new Violation("Claim.related[" + i + "].reference", "identifier",
						"the approval renewed, system " + PRIOR_APPROVAL + ", a reference of 30 characters at most"));
			}
			else if (renews != null) {
				violations.add(new Violation("Claim.related[" + i + "]", "one", "a request renews one approval"));
			}
			else {
				renews = related.getValue();
			}
		}
		if (!violations.isEmpty()) {
			throw new InvalidInput(violations);
		}
		return new Mapped(Canonical.inpeOfClaims(identifier.getSystem()), identifier.getValue(), new ApprovalRequest(
				patient, establishment, careType, start, stayDays, sessions, protocol, lines, note, List.of(), renews));
	}

	/** The FHIR path of a field of {@link ApprovalRequest} the approvals module refused. */
	static String path(String field) {
		if (field == null) {
			return null;
		}
		return switch (field) {
			case "careType" -> "Claim.subType";
			case "expectedStart" -> "Claim.billablePeriod.start";
			case "stayDays", "sessions", "protocol", "medicalNote" -> "Claim.supportingInfo";
			case "renews" -> "Claim.related";
			case "idempotencyKey" -> "Claim.identifier";
			default -> ClaimMapping.path(field);
		};
	}

	private static String establishment(Claim claim, List<Violation> violations) {
		String reference = claim.getProvider().getReference();
		String[] parts = reference == null ? new String[0] : reference.split("/");
		if (parts.length != 2 || !"Organization".equals(parts[0]) || parts[1].isEmpty()) {
			violations.add(new Violation("Claim.provider", "reference",
					"an establishment asks for a prior approval: Organization/{inpe}"));
			return null;
		}
		return parts[1];
	}

	private static CareType careType(Claim claim, List<Violation> violations) {
		Coding coding = claim.getSubType().getCoding().stream().filter(c -> CARE_TYPES.equals(c.getSystem()))
			.findFirst().orElse(null);
		if (coding != null && coding.hasCode()) {
			for (CareType type : CareType.values()) {
				if (type.name().equals(coding.getCode())) {
					return type;
				}
			}
		}
		violations.add(new Violation("Claim.subType", "code-system", "the care asked for, a code of "
				+ CARE_TYPES + ": " + String.join(", ", java.util.Arrays.stream(CareType.values())
					.map(t -> t.name()).toList())));
		return null;
	}

	private static String text(Claim.SupportingInformationComponent info, String at, List<Violation> violations) {
		if (!info.hasValueStringType() || !info.getValueStringType().hasValue()) {
			violations.add(new Violation(at + ".valueString", "required", "a text is required"));
			return null;
		}
		String value = info.getValueStringType().getValue();
		if (value.length() > TEXT_MAX) {
			violations.add(new Violation(at + ".valueString", "length", TEXT_MAX + " characters at most"));
			return null;
		}
		return value;
	}

	private static Integer count(Claim.SupportingInformationComponent info, String at, List<Violation> violations) {
		BigDecimal value = info.hasValueQuantity() ? info.getValueQuantity().getValue() : null;
		if (value == null || value.stripTrailingZeros().scale() > 0 || value.signum() <= 0
				|| value.compareTo(BigDecimal.valueOf(365)) > 0) {
			violations.add(new Violation(at + ".valueQuantity", "whole",
					"a whole number from 1 to 365"));
			return null;
		}
		return value.intValueExact();
	}
}
