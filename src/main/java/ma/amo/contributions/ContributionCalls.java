package ma.amo.contributions;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import ma.amo.parameters.ParameterValues;
import ma.amo.shared.Money;
import ma.amo.shared.NotFound;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * What payers owe, month by month: an employer's declaration, a self-employed or Achamil member's instalment, the
 * State's Tadamon statement. A call is settled once its principal is paid in full; paid after its due date it bears
 * the late penalty, fixed on the day it is settled. The arrears of a payer on a date are their unsettled calls past
 * due with the penalty accrued by then.
 */
@Service
public class ContributionCalls {

	static final String COLUMNS = "id, regime, payer_kind, payer, month, amount, due_date, explanation, declaration_id, "
			+ "member_id, beneficiaries, paid, settled_on, penalty, penalty_paid, lapsed";

	private final JdbcClient jdbc;
	private final ParameterValues parameters;
	private final LatePenalties penalties;

	ContributionCalls(JdbcClient jdbc, ParameterValues parameters, LatePenalties penalties) {
		this.jdbc = jdbc;
		this.parameters = parameters;
		this.penalties = penalties;
	}

	/** Who pays a call. */
	public enum PayerKind {
		/** An employer, by affiliation number. */
		EMPLOYER,
		/** A self-employed or Achamil member, by registration number. */
		MEMBER,
		/** The State, for Tadamon beneficiaries. */
		STATE
	}

	public record Call(long id, String regime, PayerKind payerKind, String payer, LocalDate month, Money amount,
			LocalDate dueDate, String explanation, Long declarationId, Long memberId, Integer beneficiaries, Money paid,
			LocalDate settledOn, Money penalty, Money penaltyPaid, boolean lapsed) {

		public Money outstanding() {
			return amount.minus(paid);
		}
	}

	/** An unsettled or late call on a date: what remains of the principal and the penalty owed by then. */
	public record Arrear(Call call, long monthsLate, Money outstanding, Money penalty) {
	}

	public record Arrears(PayerKind payerKind, String payer, LocalDate date, List<Arrear> calls, Money principal,
			Money penalties, Money total) {
	}

	public Call call(long id) {
		return jdbc.sql("select " + COLUMNS + " from contribution_call where id = ?").param(id)
			.query(ContributionCalls::call).optional()
			.orElseThrow(() -> new NotFound("callId", "no contribution call " + id));
	}

	/** A member's line in an employer's monthly declaration: days worked, gross salary and the shares computed. */
	public record DeclaredLine(String employer, LocalDate month, int days, Money grossSalary, Money employeeShare,
			Money employerShare, Money solidarityShare) {
	}

	/** The salaried lines declared for a member, month by month (a person's own data, e.g. for loi 09-08). */
	public List<DeclaredLine> declaredFor(long memberId) {
		return jdbc.sql("""
				select d.employer, d.month, l.days, l.gross_salary, l.employee_share, l.employer_share, l.solidarity_share
				from declaration_line l join declaration d on d.id = l.declaration_id
				where l.member_id = ? order by d.month, d.employer""")
			.param(memberId)
			.query((rs, n) -> new DeclaredLine(rs.getString(1), rs.getObject(2, LocalDate.class), rs.getInt(3),
					new Money(rs.getBigDecimal(4)), new Money(rs.getBigDecimal(5)), new Money(rs.getBigDecimal(6)),
					new Money(rs.getBigDecimal(7))))
			.list();
	}

	public List<Call> ofPayer(PayerKind kind, String payer) {
		return jdbc.sql("select " + COLUMNS + " from contribution_call where payer_kind = ? and payer = ? order by month, id")
			.params(kind.name(), payer).query(ContributionCalls::call).list();
	}

	/** The unsettled calls of every payer of a kind due on or before a date, oldest first. */
	public List<Call> dueBy(PayerKind kind, LocalDate date) {
		return jdbc.sql("select " + COLUMNS + " from contribution_call where payer_kind = ? and settled_on is null and due_date <= ? order by due_date, id")
			.params(kind.name(), date).query(ContributionCalls::call).list();
	}

	/** Unsettled calls past due on {@code date}, and settled calls whose penalty is not paid, oldest first. */
	public Arrears arrears(PayerKind kind, String payer, LocalDate date) {
		List<Arrear> arrears = new ArrayList<>();
		Money principal = Money.ZERO;
		Money penalty = Money.ZERO;
		for (Call call : ofPayer(kind, payer)) {
			Money owedPenalty;
			if (call.settledOn() == null) {
				if (!date.isAfter(call.dueDate())) {
					continue;
				}
				owedPenalty = penalties.penalty(call.outstanding(), call.dueDate(), date);
			}
			else {
				owedPenalty = call.penalty().minus(call.penaltyPaid());
				if (owedPenalty.amount().signum() == 0) {
					continue;
				}
			}
			long late = LatePenalties.monthsLate(call.dueDate(), call.settledOn() != null ? call.settledOn() : date);
			arrears.add(new Arrear(call, late, call.outstanding(), owedPenalty));
			principal = principal.plus(call.outstanding());
			penalty = penalty.plus(owedPenalty);
		}
		return new Arrears(kind, payer, date, arrears, principal, penalty, principal.plus(penalty));
	}

	/**
	 * One call per declaration of the import: the sum of its shares, due on the due day of the month after the
	 * declared month. Runs on the import's connection, inside its transaction.
	 */
	void callDeclarations(Connection connection, long importId) throws SQLException {
		List<LocalDate> months = new ArrayList<>();
		try (PreparedStatement select = connection.prepareStatement("select distinct month from declaration where import_id = ?")) {
			select.setLong(1, importId);
			try (ResultSet rs = select.executeQuery()) {
				while (rs.next()) {
					months.add(rs.getObject(1, LocalDate.class));
				}
			}
		}
		try (PreparedStatement insert = connection.prepareStatement("""
				insert into contribution_call (regime, payer_kind, payer, month, amount, due_date, explanation, declaration_id)
				select 'SALARIED_PRIVATE', 'EMPLOYER', employer, month,
				  employee_total + employer_total + solidarity_total, ?,
				  'Déclaration de ' || to_char(month, 'MM/YYYY') || ': ' || employees || ' salarié(s), salaires bruts '
				    || gross_total || ' DH; part salariale ' || employee_total || ' + part patronale ' || employer_total
				    || ' + solidarité ' || solidarity_total || ' DH', id
				from declaration where import_id = ? and month = ?""")) {
			for (LocalDate month : months) {
				insert.setObject(1, dueDate(month, "contributions.salaried.due-day"));
				insert.setLong(2, importId);
				insert.setObject(3, month);
				insert.executeUpdate();
			}
		}
	}

	/** The due date of a month's contribution: the given day of the month after it (or its last day). */
	LocalDate dueDate(LocalDate month, String dueDayParameter) {
		LocalDate next = month.plusMonths(1);
		int day = Math.min(parameters.integer(dueDayParameter, month), next.lengthOfMonth());
		return next.withDayOfMonth(day);
	}

	static Call call(ResultSet rs, int n) throws SQLException {
		return new Call(rs.getLong(1), rs.getString(2), PayerKind.valueOf(rs.getString(3)), rs.getString(4),
				rs.getObject(5, LocalDate.class), money(rs, 6), rs.getObject(7, LocalDate.class), rs.getString(8),
				(Long) rs.getObject(9), (Long) rs.getObject(10), (Integer) rs.getObject(11), money(rs, 12),
				rs.getObject(13, LocalDate.class), money(rs, 14), money(rs, 15), rs.getBoolean(16));
	}

	private static Money money(ResultSet rs, int column) throws SQLException {
		BigDecimal value = rs.getBigDecimal(column);
		return value == null ? null : new Money(value);
	}
}
