package ma.amo.approvals;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import io.swagger.v3.oas.annotations.media.Schema;
import ma.amo.providers.Inpe;
import ma.amo.shared.InvalidInput;
import ma.amo.shared.Violation;

/**
 * A prior approval as an establishment asks for it: the patient (IDCS), the establishment (INPE), the care type and
 * when it starts, the length of a stay or the number of sessions of a series, the protocol, the acts and medicines to
 * estimate (priced by the quote), the medical note (kept encrypted, shown to medical reviewers only), the attachments
 * described like a claim's, and the reference of the approval it renews, if any.
 */
public record ApprovalRequest(String patientIdcs, String establishmentInpe, CareType careType, LocalDate expectedStart,
		Integer stayDays, Integer sessions, String protocol, List<Line> lines, String medicalNote,
		List<Attachment> attachments, String renews) {

	static final int NOTE_MAX = 10_000;
	static final int PROTOCOL_MAX = 2_000;
	static final int LINES_MAX = 50;
	static final int ATTACHMENTS_MAX = 20;
	static final BigDecimal BILLED_MAX = new BigDecimal("10000000");

	/** What a document attached to the request is. */
	public enum AttachmentType {
		MEDICAL_REPORT, PRESCRIPTION, QUOTE, LAB_RESULTS, IMAGING_REPORT, OTHER
	}

	@Schema(name = "ApprovalAttachment")
	public record Attachment(AttachmentType type, String fileName, Integer pages, String reference) {
	}

	/** An act (code, and a coefficient when the act has none) or a medicine (code and quantity), and its price. */
	@Schema(name = "ApprovalRequestLine")
	public record Line(String actCode, BigDecimal coefficient, String medicineCode, Integer quantity, BigDecimal billed) {
	}

	/** Every problem of form, each naming its field and rule; nothing is stored when there is one. */
	void check(LocalDate today) {
		List<Violation> violations = new ArrayList<>();
		if (patientIdcs == null || patientIdcs.isBlank()) {
			violations.add(new Violation("patientIdcs", "required", "is required"));
		}
		if (establishmentInpe == null || establishmentInpe.isBlank()) {
			violations.add(new Violation("establishmentInpe", "required", "is required"));
		}
		else if (Inpe.problem(establishmentInpe) != null) {
			violations.add(new Violation("establishmentInpe", "inpe", Inpe.problem(establishmentInpe)));
		}
		if (careType == null) {
			violations.add(new Violation("careType", "required", "is required"));
		}
		if (expectedStart == null) {
			violations.add(new Violation("expectedStart", "required", "is required"));
		}
		else if (expectedStart.isBefore(today.minusDays(30)) || expectedStart.isAfter(today.plusYears(1))) {
			violations.add(new Violation("expectedStart", "range",
					"a prior approval is asked for care from 30 days ago to a year ahead of " + today));
		}
		if (careType == CareType.HOSPITAL_STAY && stayDays == null) {
			violations.add(new Violation("stayDays", "required", "a hospital stay gives its expected length in days"));
		}
		if (stayDays != null && (stayDays < 1 || stayDays > 365)) {
			violations.add(new Violation("stayDays", "range", "must be between 1 and 365"));
		}
		if (careType != null && careType.series() && sessions == null) {
			violations.add(new Violation("sessions", "required", "a series gives its number of sessions"));
		}
		if (sessions != null && (sessions < 1 || sessions > 365)) {
			violations.add(new Violation("sessions", "range", "must be between 1 and 365"));
		}
		if (careType == CareType.CHEMOTHERAPY && (protocol == null || protocol.isBlank())) {
			violations.add(new Violation("protocol", "required", "a chemotherapy request names its protocol"));
		}
		length(violations, "protocol", protocol, PROTOCOL_MAX);
		if (medicalNote == null || medicalNote.isBlank()) {
			violations.add(new Violation("medicalNote", "required", "the medical note justifies the request"));
		}
		length(violations, "medicalNote", medicalNote, NOTE_MAX);
		length(violations, "renews", renews, 30);
		attachments(violations);
		lines(violations);
		if (!violations.isEmpty()) {
			throw new InvalidInput(violations);
		}
	}

	private void attachments(List<Violation> violations) {
		if (attachments == null) {
			return;
		}
		if (attachments.size() > ATTACHMENTS_MAX) {
			violations.add(new Violation("attachments", "max-size", "at most " + ATTACHMENTS_MAX + " attachments"));
			return;
		}
		for (int i = 0; i < attachments.size(); i++) {
			Attachment attachment = attachments.get(i);
			String at = "attachments[" + i + "].";
			if (attachment == null || attachment.type() == null) {
				violations.add(new Violation(at + "type", "required", "is required"));
				continue;
			}
			if (attachment.pages() != null && (attachment.pages() < 1 || attachment.pages() > 1000)) {
				violations.add(new Violation(at + "pages", "range", "must be between 1 and 1000"));
			}
			length(violations, at + "fileName", attachment.fileName(), 200);
			length(violations, at + "reference", attachment.reference(), 100);
		}
	}

	private void lines(List<Violation> violations) {
		if (lines == null || lines.isEmpty()) {
			violations.add(new Violation("lines", "not-empty", "at least one act or medicine to estimate"));
			return;
		}
		if (lines.size() > LINES_MAX) {
			violations.add(new Violation("lines", "max-size", "at most " + LINES_MAX + " lines"));
			return;
		}
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
			length(violations, at + "actCode", line.actCode(), 20);
			length(violations, at + "medicineCode", line.medicineCode(), 20);
			if (line.billed() == null || line.billed().signum() < 0 || line.billed().scale() > 2
					|| line.billed().compareTo(BILLED_MAX) > 0) {
				violations.add(new Violation(at + "billed", "amount",
						"must be an amount from 0 to " + BILLED_MAX.toPlainString() + " with two decimals at most"));
			}
			if (line.medicineCode() != null && (line.quantity() == null || line.quantity() < 1 || line.quantity() > 1000)) {
				violations.add(new Violation(at + "quantity", "range", "a medicine line needs a quantity from 1 to 1000"));
			}
			if (line.coefficient() != null && (line.coefficient().signum() <= 0 || line.coefficient().compareTo(BigDecimal.valueOf(1000)) > 0)) {
				violations.add(new Violation(at + "coefficient", "range", "must be above 0 and at most 1000"));
			}
		}
	}

	private static void length(List<Violation> violations, String field, String value, int max) {
		if (value != null && value.length() > max) {
			violations.add(new Violation(field, "max-length", "at most " + max + " characters"));
		}
	}
}
