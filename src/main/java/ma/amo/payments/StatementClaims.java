package ma.amo.payments;

import java.time.LocalDate;
import java.util.List;

import ma.amo.shared.Money;

/**
 * The claims a statement shows, line by line with their reasons, as the module that owns claims tells them: payments
 * declares what it needs and the claims module answers it, as for {@link PayableClaims}, so that payments reads
 * claims without depending on the claims module.
 */
public interface StatementClaims {

	/** A reason given on a line: its code, its French label from the catalogue, and the figures the rule used. */
	record Reason(String code, String label, String detail) {
	}

	/**
	 * A line as decided: the act (code and coefficient) or medicine (code and quantity), the amounts billed and taken as
	 * base, the rate in percent, the amount covered and the patient's share, with the reasons.
	 */
	record Line(int lineNo, String actCode, String medicineCode, Integer quantity, String outcome, Money billed,
			Money base, Integer rate, Money covered, Money patientShare, List<Reason> reasons) {
	}

	/** A claim as decided, with its lines in order. */
	record DecidedClaim(long id, String kind, String status, String payerBody, String patientIdcs, String memberIdcs,
			LocalDate careDate, LocalDate filedOn, String executingInpe, String establishmentInpe, Money billed,
			Money covered, Money patientShare, List<Line> lines) {
	}

	/**
	 * The decided claims (approved, partly approved, rejected or paid) of the member who holds the rights (theirs and
	 * their dependants'), with care from {@code from} to {@code to}, oldest care first; of one payer body only when
	 * one is given; at most {@code max}.
	 */
	List<DecidedClaim> ofMember(String memberIdcs, LocalDate from, LocalDate to, String payerBody, int max);

	/** The claims with these ids, in the order of the ids. */
	List<DecidedClaim> byIds(List<Long> ids);
}
