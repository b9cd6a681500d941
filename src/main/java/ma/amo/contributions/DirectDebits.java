package ma.amo.contributions;

import java.time.LocalDate;
import java.util.List;

import ma.amo.enrolment.Member;
import ma.amo.enrolment.MemberEnrolment;
import ma.amo.enrolment.Regime;
import ma.amo.parameters.ParameterValues;
import ma.amo.shared.InvalidInput;
import ma.amo.shared.Money;
import ma.amo.shared.RuleBroken;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Achamil direct debits (loi 60-22: monthly payment, rights conditional on prior payment): the member's mandate (the
 * 24-digit RIB debited) and, for a month, the schedule sent to the bank: each instalment of the month with the account
 * and the day it is presented. The bank's answers come back as payments (means DIRECT_DEBIT); an instalment the bank
 * rejects stays unpaid and lapses at its due date.
 */
@Service
public class DirectDebits {

	private final JdbcClient jdbc;
	private final MemberEnrolment enrolment;
	private final ParameterValues parameters;

	DirectDebits(JdbcClient jdbc, MemberEnrolment enrolment, ParameterValues parameters) {
		this.jdbc = jdbc;
		this.enrolment = enrolment;
		this.parameters = parameters;
	}

	public record Mandate(String registrationNumber, String account, LocalDate signedOn) {
	}

	public record Debit(long callId, String registrationNumber, String account, Money amount, LocalDate debitOn,
			LocalDate dueDate) {
	}

	@Transactional
	public Mandate mandate(String registrationNumber, String account, LocalDate signedOn) {
		if (account == null || !account.strip().matches("\\d{24}")) {
			throw new InvalidInput("account", "rib", "must be a RIB of 24 digits");
		}
		if (signedOn == null) {
			throw new InvalidInput("signedOn", "required", "is required");
		}
		Member member = enrolment.member(registrationNumber);
		if (enrolment.enrolmentsOf(member).stream().noneMatch(e -> e.regime() == Regime.ACHAMIL)) {
			throw new RuleBroken("registrationNumber", "achamil-enrolment", "member " + registrationNumber
					+ " is not enrolled in Achamil");
		}
		jdbc.sql("""
				insert into achamil_mandate (member_id, account, signed_on) values (?, ?, ?)
				on conflict (member_id) do update set account = excluded.account, signed_on = excluded.signed_on""")
			.params(member.id(), account.strip(), signedOn).update();
		return new Mandate(registrationNumber, account.strip(), signedOn);
	}

	/** The instalments of a month to present, unpaid, with a mandate, in registration order. */
	public List<Debit> schedule(LocalDate month) {
		LocalDate before = month.minusMonths(1);
		LocalDate debitOn = before.withDayOfMonth(
				Math.min(parameters.integer("contributions.achamil.debit-day", month), before.lengthOfMonth()));
		return jdbc.sql("""
				select c.id, c.payer, a.account, c.amount - c.paid, c.due_date from contribution_call c
				join achamil_mandate a on a.member_id = c.member_id
				where c.regime = 'ACHAMIL' and c.month = ? and c.settled_on is null order by c.payer""")
			.param(month)
			.query((rs, n) -> new Debit(rs.getLong(1), rs.getString(2), rs.getString(3), new Money(rs.getBigDecimal(4)),
					debitOn, rs.getObject(5, LocalDate.class)))
			.list();
	}
}
