package ma.amo.claims;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.PastOrPresent;
import jakarta.validation.constraints.Size;
import ma.amo.providers.Inpe;
import ma.amo.shared.InvalidInput;
import ma.amo.shared.Violation;

/**
 * A claim as submitted: the patient, the date of care and of filing, the executing professional's INPE (and the
 * prescriber's, the establishment's for tiers payant), the ALD code and exemption number when the care is exempted, a
 * referral for the care pathway (the id of the referral record it cites, or the older yes/no flag), the prior approval cited, what came with it (prescription, invoices, reports: their
 * type, file name, pages and the submitter's reference; the documents themselves stay with the submitter), and the lines (an act
 * with its coefficient when the act has none, or a medicine with its quantity, each with its billed amount).
 */
public record ClaimRequest(ClaimKind kind, @Size(max = 10) String patientIdcs, @PastOrPresent LocalDate careDate,
		@PastOrPresent LocalDate filedOn, @Size(max = 9) String executingInpe, @Size(max = 9) String prescriberInpe,
		@Size(max = 9) String establishmentInpe, @Min(1) @Max(999) Integer aldCode, @Size(max = 30) String exemptionNumber,
		Boolean referral, @Size(max = 50) String priorApproval, @Size(max = MOST_ATTACHMENTS) List<@Valid Attachment> attachments,
		@Size(max = MOST_LINES) List<@Valid Line> lines, @Min(1) Long referralId) {

	/**
	 * A claim of a client that declares a referral with the yes/no flag only, as before referrals were records: it
	 * cites none, and parameter {@code claims.care-pathway.declared-referral} says whether the flag still counts.
	 */
	public ClaimRequest(ClaimKind kind, String patientIdcs, LocalDate careDate, LocalDate filedOn, String executingInpe,
			String prescriberInpe, String establishmentInpe, Integer aldCode, String exemptionNumber, Boolean referral,
			String priorApproval, List<Attachment> attachments, List<Line> lines) {
		this(kind, patientIdcs, careDate, filedOn, executingInpe, prescriberInpe, establishmentInpe, aldCode,
				exemptionNumber, referral, priorApproval, attachments, lines, null);
	}

	/** More lines than any real invoice has, few enough that one claim stays one quick transaction. */
	public static final int MOST_LINES = 200;
	public static final int MOST_ATTACHMENTS = 50;

	/** What a document attached to the claim is. */
	public enum AttachmentType {
		PRESCRIPTION, INVOICE, MEDICAL_REPORT, LAB_RESULTS, IMAGING_REPORT, OTHER
	}

	public record Attachment(AttachmentType type, String fileName, @Max(10_000) Integer pages, String reference) {
	}

	@io.swagger.v3.oas.annotations.media.Schema(name = "ClaimRequestLine")
	public record Line(@Size(max = 20) String actCode, @Digits(integer = 4, fraction = 2) BigDecimal coefficient,
			@Size(max = 20) String medicineCode, @Max(100_000) Integer quantity,
			@Digits(integer = 9, fraction = 2) BigDecimal billed) {
	}

	/** Every problem of form, each naming its field and rule; nothing is stored when there is one. */
	void check() {
		List<Violation> violations = new ArrayList<>();
		require(violations, "kind", kind);
		require(violations, "patientIdcs", patientIdcs);
		require(violations, "careDate", careDate);
		require(violations, "filedOn", filedOn);
		require(violations, "executingInpe", executingInpe);
		for (String[] inpe : new String[][] { { "executingInpe", executingInpe }, { "prescriberInpe", prescriberInpe },
				{ "establishmentInpe", establishmentInpe } }) {
			String problem = inpe[1] == null || inpe[1].isBlank() ? null : Inpe.problem(inpe[1]);
			if (problem != null) {
				violations.add(new Violation(inpe[0], "inpe", problem));
			}
		}
		if (careDate != null && filedOn != null && filedOn.isBefore(careDate)) {
			violations.add(new Violation("filedOn", "after-care", "a claim cannot be filed before the care"));
		}
		if (kind == ClaimKind.PROVIDER_INVOICE && establishmentInpe == null) {
			violations.add(new Violation("establishmentInpe", "required", "a provider invoice names its establishment"));
		}
		if (aldCode != null && (exemptionNumber == null || exemptionNumber.isBlank())) {
			violations.add(new Violation("exemptionNumber", "required", "an ALD code comes with its exemption number"));
		}
		for (int i = 0; attachments != null && i < attachments.size(); i++) {
			Attachment attachment = attachments.get(i);
			String at = "attachments[" + i + "].";
			if (attachment == null || attachment.type() == null) {
				violations.add(new Violation(at + "type", "required", "is required"));
				continue;
			}
			if (attachment.pages() != null && attachment.pages() < 1) {
				violations.add(new Violation(at + "pages", "positive", "must be 1 or more"));
			}
			if (attachment.fileName() != null && attachment.fileName().length() > 200) {
				violations.add(new Violation(at + "fileName", "length", "must be 200 characters at most"));
			}
			if (attachment.reference() != null && attachment.reference().length() > 100) {
				violations.add(new Violation(at + "reference", "length", "must be 100 characters at most"));
			}
		}
		if (lines == null || lines.isEmpty()) {
			violations.add(new Violation("lines", "not-empty", "at least one line is required"));
		}
		else {
			for (int i = 0; i < lines.size(); i++) {
				Line line = lines.get(i);
				String at = "lines[" + i + "].";
				if (line == null) {
					violations.add(new Violation("lines[" + i + "]", "required", "is required"));
					continue;
				}
				if ((line.actCode() == null) == (line.medicineCode() == null)) {
					violations.add(new Violation(at + "actCode", "one-code", "give either an actCode or a medicineCode"));
				}
				if (line.billed() == null || line.billed().signum() < 0 || line.billed().scale() > 2) {
					violations.add(new Violation(at + "billed", "amount", "must be an amount of 0 or more with two decimals at most"));
				}
				if (line.medicineCode() != null && (line.quantity() == null || line.quantity() < 1)) {
					violations.add(new Violation(at + "quantity", "positive", "a medicine line needs a quantity of 1 or more"));
				}
				if (line.coefficient() != null && line.coefficient().signum() <= 0) {
					violations.add(new Violation(at + "coefficient", "positive", "must be above 0"));
				}
			}
		}
		if (!violations.isEmpty()) {
			throw new InvalidInput(violations);
		}
	}

	private static void require(List<Violation> violations, String field, Object value) {
		if (value == null || value instanceof String s && s.isBlank()) {
			violations.add(new Violation(field, "required", "is required"));
		}
	}
}
