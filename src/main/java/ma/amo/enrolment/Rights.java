package ma.amo.enrolment;

import java.time.LocalDate;

import ma.amo.shared.Masking;

/**
 * The answer of the rights engine for a person on a date: the status, the rule that decided and why (in French, as
 * agents and insured people read it), the regime and payer body, the member the person is covered through, and the
 * dates the cover started and ends when known.
 */
public record Rights(String idcs, LocalDate date, RightsStatus status, String rule, String reason, Regime regime,
		PayerBody payerBody, String memberRegistrationNumber, String memberIdcs, String relation,
		LocalDate coveredSince, LocalDate coverEnd) {

	/** Masked: the reason may quote a suspension note. */
	@Override
	public String toString() {
		return "Rights[idcs=" + Masking.idcs(idcs) + ", date=" + date + ", status=" + status + ", rule=" + rule
				+ ", regime=" + regime + ", memberIdcs=" + Masking.idcs(memberIdcs) + ", reason=***]";
	}
}
