package ma.amo.fhir;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import ma.amo.claims.ClaimKind;
import ma.amo.claims.ClaimRequest;
import ma.amo.shared.InvalidInput;
import ma.amo.shared.Violation;
import org.hl7.fhir.r4.model.BaseDateTimeType;
import org.hl7.fhir.r4.model.Claim;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.Reference;

/**
 * A FHIR Claim read into the claims module's {@link ClaimRequest}, refusing with the path of each element at fault
 * what the platform cannot adjudicate: a use other than {@code claim}, no identifier in the provider's namespace, a
 * product or service outside the acts and medicines code systems, several dates of care, an amount not in dirhams.
 * <p>
 * The provider is the establishment ({@code Organization/{inpe}}: a provider invoice in tiers payant, its executing
 * practitioner the care team member of role {@code primary}) or a practitioner ({@code Practitioner/{inpe}}: a care
 * sheet of the practitioner's own care). An act's coefficient (K 50) is the item's {@code factor}; a medicine's
 * quantity its {@code quantity}; the billed amount its {@code net}. An ALD code is a diagnosis of the long-term
 * conditions code system, with its exemption number in a supportingInfo of category {@code exemption}.
 */
final class ClaimMapping {

	private static final String CARE_TEAM_ROLE = "http://terminology.hl7.org/CodeSystem/claimcareteamrole";
	private static final Pattern LINE_FIELD = Pattern.compile("lines\\[(\\d+)]\\.(\\w+)");

	/** The claim as the claims module takes it, with the identifier the provider numbered it by. */
	record Mapped(String providerInpe, String identifier, ClaimRequest request) {
	}

	private ClaimMapping() {
	}

	static Mapped from(Claim claim) {
		List<Violation> violations = new ArrayList<>();
		if (claim.getUse() != Claim.Use.CLAIM) {
			violations.add(new Violation("Claim.use", "use", "only a claim (use=claim) is adjudicated here, not "
					+ (claim.getUse() == null ? "a claim without use" : claim.getUse().toCode())));
		}
		Identifier identifier = claim.getIdentifier().stream()
			.filter(i -> Canonical.inpeOfClaims(i.getSystem()) != null).findFirst().orElse(null);
		if (identifier == null || !identifier.hasValue() || identifier.getValue().length() > 60) {
			violations.add(new Violation("Claim.identifier", "required", "number the claim in your namespace: system "
					+ Canonical.claimsOf("{your INPE}") + ", a value of 1 to 60 characters"));
		}
		String patient = patient(claim, violations);
		LocalDate filedOn = date(claim.getCreatedElement(), "Claim.created", violations);
		if (filedOn == null && !claim.hasCreated()) {
			violations.add(new Violation("Claim.created", "required", "is required"));
		}
		Provider provider = provider(claim.getProvider(), violations);
		String executing = provider == null ? null : provider.practitioner() ? provider.inpe() : executing(claim, violations);
		LocalDate careDate = careDate(claim, violations);
		List<ClaimRequest.Line> lines = lines(claim, violations);
		Integer aldCode = aldCode(claim, violations);
		String exemption = claim.getSupportingInfo().stream()
			.filter(s -> s.getCategory().getCoding().stream().anyMatch(c -> "exemption".equals(c.getCode())))
			.filter(s -> s.hasValueStringType()).map(s -> s.getValueStringType().getValue()).findFirst().orElse(null);
		String priorApproval = claim.getInsurance().stream().flatMap(i -> i.getPreAuthRef().stream())
			.map(p -> p.getValue()).findFirst().orElse(null);
		Long referralId = referralId(claim, violations);
		if (!violations.isEmpty()) {
			throw new InvalidInput(violations);
		}
		boolean establishment = !provider.practitioner();
		ClaimRequest request = new ClaimRequest(establishment ? ClaimKind.PROVIDER_INVOICE : ClaimKind.MEMBER_REIMBURSEMENT,
				patient, careDate, filedOn, executing, null, establishment ? provider.inpe() : null, aldCode, exemption,
				claim.hasReferral(), priorApproval, List.of(), lines, referralId);
		return new Mapped(Canonical.inpeOfClaims(identifier.getSystem()), identifier.getValue(), request);
	}

	/**
	 * The FHIR path of a field of {@link ClaimRequest} the claims module refused, so that the OperationOutcome points
	 * at the element the client sent; a field already a FHIR path is kept.
	 */
	static String path(String field) {
		if (field == null) {
			return null;
		}
		Matcher line = LINE_FIELD.matcher(field);
		if (line.matches()) {
			String item = "Claim.item[" + line.group(1) + "]";
			return switch (line.group(2)) {
				case "actCode", "medicineCode" -> item + ".productOrService";
				case "billed" -> item + ".net";
				case "quantity" -> item + ".quantity";
				case "coefficient" -> item + ".factor";
				default -> item;
			};
		}
		return switch (field) {
			case "patientIdcs" -> "Claim.patient";
			case "careDate" -> "Claim.billablePeriod";
			case "filedOn" -> "Claim.created";
			case "executingInpe" -> "Claim.careTeam";
			case "establishmentInpe" -> "Claim.provider";
			case "prescriberInpe" -> "Claim.prescription";
			case "aldCode" -> "Claim.diagnosis";
			case "exemptionNumber" -> "Claim.supportingInfo";
			case "priorApproval" -> "Claim.insurance.preAuthRef";
			case "lines" -> "Claim.item";
			case "idempotencyKey" -> "Claim.identifier";
			default -> Refusals.fhirPath(field);
		};
	}

	private record Provider(String inpe, boolean practitioner) {
	}

	static String patient(Claim claim, List<Violation> violations) {
		try {
			return Identifiers.patientIdcs(claim.getPatient(), "Claim.patient");
		}
		catch (InvalidInput invalid) {
			violations.addAll(invalid.violations());
			return null;
		}
	}

	private static Provider provider(Reference provider, List<Violation> violations) {
		String[] parts = provider.hasReference() ? provider.getReference().split("/") : new String[0];
		if (parts.length == 2 && ("Organization".equals(parts[0]) || "Practitioner".equals(parts[0]))) {
			return new Provider(parts[1], "Practitioner".equals(parts[0]));
		}
		if (!provider.hasReference() && Canonical.INPE.equals(provider.getIdentifier().getSystem())
				&& provider.getIdentifier().hasValue()) {
			return new Provider(provider.getIdentifier().getValue(), "Practitioner".equals(provider.getType()));
		}
		violations.add(new Violation("Claim.provider", "reference",
				"name the establishment (Organization/{inpe}) or the practitioner (Practitioner/{inpe})"));
		return null;
	}

	/** The practitioner of the care team of role primary: who gave the care the establishment bills. */
	private static String executing(Claim claim, List<Violation> violations) {
		for (int i = 0; i < claim.getCareTeam().size(); i++) {
			Claim.CareTeamComponent member = claim.getCareTeam().get(i);
			boolean primary = member.getRole().getCoding().stream()
				.anyMatch(c -> CARE_TEAM_ROLE.equals(c.getSystem()) && "primary".equals(c.getCode()));
			String[] parts = member.getProvider().hasReference() ? member.getProvider().getReference().split("/")
					: new String[0];
			if (primary && parts.length == 2 && "Practitioner".equals(parts[0])) {
				return parts[1];
			}
			if (primary) {
				violations.add(new Violation("Claim.careTeam[" + i + "].provider", "reference",
						"must be Practitioner/{inpe}"));
				return null;
			}
		}
		violations.add(new Violation("Claim.careTeam", "required", "an establishment's claim names the practitioner "
				+ "who gave the care: a careTeam of role primary (" + CARE_TEAM_ROLE + ")"));
		return null;
	}

	/** One date of care per claim: the billable period's start, or the items' service date. */
	private static LocalDate careDate(Claim claim, List<Violation> violations) {
		LocalDate date = claim.getBillablePeriod().hasStart()
				? date(claim.getBillablePeriod().getStartElement(), "Claim.billablePeriod.start", violations) : null;
		for (int i = 0; i < claim.getItem().size(); i++) {
			Claim.ItemComponent item = claim.getItem().get(i);
			if (item.hasServicedPeriod()) {
				violations.add(new Violation("Claim.item[" + i + "].servicedPeriod", "date",
						"give the date of care as servicedDate"));
			}
			if (!item.hasServicedDateType()) {
				continue;
			}
			LocalDate served = date(item.getServicedDateType(), "Claim.item[" + i + "].servicedDate", violations);
			if (date == null) {
				date = served;
			}
			else if (served != null && !served.equals(date)) {
				violations.add(new Violation("Claim.item[" + i + "].servicedDate", "one-date",
						"a claim covers one date of care (" + date + "): submit care of another day as another claim"));
			}
		}
		if (date == null && claim.hasItem()) {
			violations.add(new Violation("Claim.billablePeriod", "required",
					"give the date of care: billablePeriod.start or the items' servicedDate"));
		}
		return date;
	}

	static List<ClaimRequest.Line> lines(Claim claim, List<Violation> violations) {
		if (!claim.hasItem()) {
			violations.add(new Violation("Claim.item", "not-empty", "at least one item is required"));
			return List.of();
		}
		if (claim.getItem().size() > ClaimRequest.MOST_LINES) {
			violations.add(new Violation("Claim.item", "size", ClaimRequest.MOST_LINES + " items at most"));
			return List.of();
		}
		List<ClaimRequest.Line> lines = new ArrayList<>();
		for (int i = 0; i < claim.getItem().size(); i++) {
			Claim.ItemComponent item = claim.getItem().get(i);
			String at = "Claim.item[" + i + "]";
			if (item.getSequence() != i + 1) {
				violations.add(new Violation(at + ".sequence", "order", "items are numbered 1, 2, 3... in order"));
			}
			Coding act = coding(item, Canonical.ACTS);
			Coding medicine = coding(item, Canonical.MEDICINES);
			if ((act == null) == (medicine == null)) {
				violations.add(new Violation(at + ".productOrService", "code-system", "code one act of " + Canonical.ACTS
						+ " or one medicine of " + Canonical.MEDICINES));
			}
			BigDecimal billed = null;
			if (!item.hasNet() || !item.getNet().hasValue()) {
				violations.add(new Violation(at + ".net", "required", "the amount billed for the item is required"));
			}
			else if (item.getNet().hasCurrency() && !"MAD".equals(item.getNet().getCurrency())) {
				violations.add(new Violation(at + ".net.currency", "currency", "amounts are in dirhams (MAD)"));
			}
			else {
				billed = item.getNet().getValue();
			}
			Integer quantity = null;
			if (item.hasQuantity() && item.getQuantity().hasValue()) {
				BigDecimal value = item.getQuantity().getValue();
				if (value.stripTrailingZeros().scale() > 0 || value.compareTo(BigDecimal.valueOf(100_000)) > 0) {
					violations.add(new Violation(at + ".quantity", "whole", "a whole number of 100000 at most"));
				}
				else {
					quantity = value.intValueExact();
				}
			}
			BigDecimal coefficient = item.hasFactor() ? item.getFactor() : null;
			if (coefficient != null && medicine != null) {
				violations.add(new Violation(at + ".factor", "act-only", "a coefficient is for an act, not a medicine"));
			}
			lines.add(new ClaimRequest.Line(act == null ? null : act.getCode(), act == null ? null : coefficient,
					medicine == null ? null : medicine.getCode(), medicine == null ? null : quantity, billed));
		}
		return lines;
	}

	private static Coding coding(Claim.ItemComponent item, String system) {
		return item.getProductOrService().getCoding().stream()
			.filter(c -> system.equals(c.getSystem()) && c.hasCode()).findFirst().orElse(null);
	}

	private static Integer aldCode(Claim claim, List<Violation> violations) {
		for (int i = 0; i < claim.getDiagnosis().size(); i++) {
			Claim.DiagnosisComponent diagnosis = claim.getDiagnosis().get(i);
			if (!diagnosis.hasDiagnosisCodeableConcept()) {
				continue;
			}
			for (Coding coding : diagnosis.getDiagnosisCodeableConcept().getCoding()) {
				if (Canonical.LONG_TERM_CONDITIONS.equals(coding.getSystem())) {
					try {
						return Integer.valueOf(coding.getCode());
					}
					catch (NumberFormatException e) {
						violations.add(new Violation("Claim.diagnosis[" + i + "].diagnosisCodeableConcept", "code",
								"a long-term condition's code is a number from 1 to 999"));
					}
				}
			}
		}
		return null;
	}

	/** A full date (day precision) of a date or dateTime element. */
	static LocalDate date(BaseDateTimeType value, String path, List<Violation> violations) {
		if (value == null || value.isEmpty()) {
			return null;
		}
		if (value.getPrecision().ordinal() < ca.uhn.fhir.model.api.TemporalPrecisionEnum.DAY.ordinal()) {
			violations.add(new Violation(path, "date", "must name a day, yyyy-MM-dd"));
			return null;
		}
		return LocalDate.of(value.getYear(), value.getMonth() + 1, value.getDay());
	}

	/**
	 * The referral record the claim cites: {@code Claim.referral.identifier.value}, the number the platform gave it. A
	 * referral without an identifier only declares one, as the REST API's yes/no flag does.
	 */
	private static Long referralId(Claim claim, List<Violation> violations) {
		if (!claim.hasReferral() || !claim.getReferral().hasIdentifier() || !claim.getReferral().getIdentifier().hasValue()) {
			return null;
		}
		String value = claim.getReferral().getIdentifier().getValue();
		if (!value.matches("[1-9][0-9]{0,17}")) {
			violations.add(new Violation("Claim.referral.identifier.value", "referral", "the number of a referral record"));
			return null;
		}
		return Long.valueOf(value);
	}
}
