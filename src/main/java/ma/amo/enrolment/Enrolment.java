package ma.amo.enrolment;

import java.time.LocalDate;

/**
 * A member's period in one regime. {@code waitingWaived} is set when the member moves from another regime because of
 * a job change, which opens rights without a waiting period (cnss.ma/fr/faq-page/45).
 */
public record Enrolment(long id, long memberId, Regime regime, LocalDate startDate, LocalDate endDate,
		EndReason endReason, boolean waitingWaived) {

	public enum EndReason {
		/** The conditions of the regime stopped (job lost, activity ended): rights are kept where the regime says. */
		CONDITIONS_ENDED("fin des conditions du régime"),
		/** The person enrolled in another regime. */
		REGIME_CHANGE("changement de régime"),
		/** The member died. */
		DEATH("décès");

		private final String french;

		EndReason(String french) {
			this.french = french;
		}

		/** The reason in French texts, which never show the code. */
		public String french() {
			return french;
		}
	}

	public boolean covers(LocalDate date) {
		return !date.isBefore(startDate) && (endDate == null || !date.isAfter(endDate));
	}
}
