package ma.amo.approvals;

import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Optional;

import ma.amo.shared.Money;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What invoices use of prior approvals (amo-rules.md, "Procedures and deadlines": the provider invoices the care the
 * payer approved). A line of care uses an approval that is the patient's, approved, lists the act or medicine, is
 * valid on the date of care, and has the line's covered amount and a session left (for a series); the approval is
 * locked while it is used, so two invoices never share the last of it. What a line uses is recorded once per
 * approval, care date and code: a resubmission of the same care, or a new adjudication of the same invoice, uses
 * nothing twice.
 */
@Service
public class ApprovalUses {

	private final Approvals approvals;
	private final Clock clock;

	ApprovalUses(Approvals approvals, Clock clock) {
		this.approvals = approvals;
		this.clock = clock;
	}

	/** Whether a reference is one the platform issued ({@code PA-2026-000123}). */
	public static boolean issuedHere(String reference) {
		return reference != null && reference.strip().matches("PA-\\d{4}-\\d{6,}");
	}

	/**
	 * Uses the approval for a line of an invoice; answers why it cannot (in French, for the line's reason), or empty
	 * when the line is covered by it.
	 *
	 * @param claimId the invoice, kept with what it used
	 * @param covered what the payer covers on the line, deducted from the approved amount
	 */
	@Transactional
	public Optional<String> use(String reference, String patientIdcs, String code, LocalDate careDate, long claimId,
			Money covered) {
		if (reference == null || reference.isBlank()) {
			return Optional.of("aucun accord préalable cité");
		}
		String cited = reference.strip();
		Optional<Approvals.Usable> found = approvals.lockForUse(cited);
		if (found.isEmpty()) {
			return Optional.of("accord préalable " + cited + " inconnu");
		}
		Approvals.Usable approval = found.get();
		if (!approval.patientIdcs().equals(patientIdcs)) {
			return Optional.of("l'accord " + cited + " est celui d'un autre patient");
		}
		if (approval.status() != ApprovalStatus.APPROVED) {
			return Optional.of("l'accord " + cited + " n'est pas accordé (" + approval.status() + ")");
		}
		boolean listed = approval.lines().stream()
			.anyMatch(l -> code.equalsIgnoreCase(l.actCode()) || code.equalsIgnoreCase(l.medicineCode()));
		if (!listed) {
			return Optional.of("l'accord " + cited + " ne porte pas sur " + code);
		}
		if (careDate.isBefore(approval.validFrom()) || careDate.isAfter(approval.validUntil())) {
			return Optional.of("l'accord " + cited + " est valable du " + approval.validFrom() + " au " + approval.validUntil());
		}
		if (approvals.used(approval.id(), careDate, code)) {
			return Optional.empty();
		}
		Money line = covered == null ? Money.ZERO : covered;
		Money left = approval.amount().minus(approval.amountUsed());
		if (line.compareTo(left) > 0) {
			return Optional.of("montant restant sur l'accord " + cited + " " + left.amount() + " DH, ligne "
					+ line.amount() + " DH");
		}
		int sessions = approval.sessions() == null ? 0 : 1;
		if (approval.sessions() != null && approval.sessionsUsed() >= approval.sessions()) {
			return Optional.of("les " + approval.sessions() + " séances de l'accord " + cited + " sont utilisées");
		}
		approvals.use(approval.id(), careDate, code, claimId, line, sessions, LocalDateTime.now(clock));
		return Optional.empty();
	}

	/**
	 * Gives back to the approval what a claim used of it, with a RELEASE step in its history; nothing when the claim
	 * used nothing of it, or when it was given back already (an event delivered again).
	 */
	@Transactional
	public void release(String reference, long claimId, String why) {
		if (!issuedHere(reference)) {
			return;
		}
		Optional<Approvals.Usable> found = approvals.lockForUse(reference.strip());
		if (found.isEmpty()) {
			return;
		}
		Approvals.Usable approval = found.get();
		approvals.release(approval.id(), claimId).ifPresent(released -> approvals.step(approval.id(),
				LocalDateTime.now(clock), "RELEASE", approval.status(), "platform", why + ": " + released.amount().amount()
						+ " DH" + (released.sessions() == 0 ? "" : " et " + released.sessions() + " séance"
								+ (released.sessions() > 1 ? "s" : "")) + " rendus à l'accord"));
	}
}
