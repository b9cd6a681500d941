package ma.amo.contributions;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Optional;

import ma.amo.enrolment.SocialTargeting;
import ma.amo.parameters.ParameterValues;
import ma.amo.shared.InvalidInput;
import ma.amo.shared.Money;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Issues the calls of a month for the regimes whose contribution is not declared by an employer: each self-employed
 * member's flat contribution by category, each Achamil member's instalment by RSU score band (presented by direct
 * debit the month before: rights depend on prior payment), and the State's statement for the Tadamon beneficiaries
 * covered on the month's first day. Issuing a month twice issues nothing more. Members are selected with one query
 * over the enrolment tables (read only), the one way to go through a whole portfolio in one pass.
 */
@Service
public class MonthlyCalls {

	/** The payer of Tadamon statements. */
	public static final String STATE = "ETAT";
	/** The cause of the suspension of an Achamil member with a missed instalment. */
	static final String ACHAMIL_UNPAID = "ACHAMIL_UNPAID";
	/** The cause of the suspension of a self-employed member with too many consecutive unpaid months. */
	static final String SELF_EMPLOYED_ARREARS = "SELF_EMPLOYED_ARREARS";

	private static final DateTimeFormatter MONTH = DateTimeFormatter.ofPattern("MM/yyyy");
	private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd/MM/yyyy");

	private final JdbcClient jdbc;
	private final ParameterValues parameters;
	private final ContributionRates rates;
	private final SelfEmployedCategories categories;
	private final ContributionCalls calls;
	private final SocialTargeting targeting;

	MonthlyCalls(JdbcClient jdbc, ParameterValues parameters, ContributionRates rates, SelfEmployedCategories categories,
			ContributionCalls calls, SocialTargeting targeting) {
		this.jdbc = jdbc;
		this.parameters = parameters;
		this.rates = rates;
		this.categories = categories;
		this.calls = calls;
		this.targeting = targeting;
	}

	@io.swagger.v3.oas.annotations.media.Schema(name = "MonthlyCallsIssued")
	public record Issued(LocalDate month, int selfEmployed, int achamil, int tadamonBeneficiaries, Money tadamonAmount) {
	}

	@Transactional
	public Issued issue(LocalDate month) {
		if (month == null || month.getDayOfMonth() != 1) {
			throw new InvalidInput("month", "month", "must be the first day of a month");
		}
		int selfEmployed = selfEmployed(month);
		int achamil = achamil(month);
		ContributionCalls.Call statement = tadamon(month);
		return new Issued(month, selfEmployed, achamil, statement.beneficiaries(), statement.amount());
	}

	private int selfEmployed(LocalDate month) {
		record Activity(long memberId, String registration, String category, boolean pensioner) {
		}
		List<Activity> activities = jdbc.sql("""
				select m.id, m.registration_number, a.category, a.pensioner from self_employed_activity a
				join member m on m.id = a.member_id
				join enrolment e on e.member_id = m.id and e.regime = 'SELF_EMPLOYED' and e.start_date <= ?
				  and (e.end_date is null or e.end_date >= ?)
				where a.since <= ? order by m.id""")
			.params(month, month, month)
			.query((rs, n) -> new Activity(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getBoolean(4))).list();
		if (activities.isEmpty()) {
			return 0;
		}
		LocalDate due = calls.dueDate(month, "contributions.self-employed.due-day");
		int issued = 0;
		for (Activity activity : activities) {
			SelfEmployedCategory category = categories.at(activity.category(), month);
			ContributionRates.Contribution contribution = rates.selfEmployed(category, activity.pensioner(), month);
			issued += insert("SELF_EMPLOYED", "MEMBER", activity.registration(), month, contribution.total(), due,
					"Cotisation TNS de " + MONTH.format(month) + ": " + contribution.explanation(), activity.memberId(),
					null);
		}
		return issued;
	}

	private int achamil(LocalDate month) {
		record Subscriber(long memberId, String idcs, String registration) {
		}
		List<Subscriber> subscribers = jdbc.sql("""
				select m.id, m.idcs, m.registration_number from member m
				join enrolment e on e.member_id = m.id and e.regime = 'ACHAMIL' and e.start_date <= ?
				  and (e.end_date is null or e.end_date >= ?) order by m.id""")
			.params(month, month)
			.query((rs, n) -> new Subscriber(rs.getLong(1), rs.getString(2), rs.getString(3))).list();
		if (subscribers.isEmpty()) {
			return 0;
		}
		LocalDate before = month.minusMonths(1);
		int debitDay = Math.min(parameters.integer("contributions.achamil.debit-day", month), before.lengthOfMonth());
		LocalDate due = month.minusDays(1);
		int issued = 0;
		for (Subscriber subscriber : subscribers) {
			Optional<BigDecimal> amount = targeting.achamilMonthlyAmount(subscriber.idcs(), month);
			if (amount.isEmpty()) {
				continue;
			}
			issued += insert("ACHAMIL", "MEMBER", subscriber.registration(), month, new Money(amount.get()), due,
					"Mensualité Achamil de " + MONTH.format(month) + " selon la tranche de l'indice RSU, prélevée le "
							+ DAY.format(before.withDayOfMonth(debitDay)) + ", due au plus tard le " + DAY.format(due),
					subscriber.memberId(), null);
		}
		return issued;
	}

	/**
	 * The State's statement for a month: the Tadamon members covered on its first day and their dependants then
	 * attached, alive that day, each at the amount per beneficiary of the month.
	 */
	private ContributionCalls.Call tadamon(LocalDate month) {
		int beneficiaries = jdbc.sql("""
				with members as (
				  select m.id, m.idcs from member m
				  join enrolment e on e.member_id = m.id and e.regime = 'TADAMON' and e.start_date <= :day
				    and (e.end_date is null or e.end_date >= :day)),
				people as (
				  select idcs from members
				  union
				  select d.idcs from dependant d join members m on m.id = d.member_id
				  where d.start_date <= :day and (d.end_date is null or d.end_date >= :day))
				select count(*) from people p join person x on x.idcs = p.idcs
				where x.death_date is null or x.death_date >= :day""")
			.param("day", month).query(Integer.class).single();
		BigDecimal each = parameters.decimal("contributions.tadamon.amount-per-beneficiary", month);
		Money amount = new Money(each.multiply(BigDecimal.valueOf(beneficiaries)));
		insert("TADAMON", "STATE", STATE, month, amount, month.plusMonths(1).minusDays(1), "Relevé Tadamon de "
				+ MONTH.format(month) + ": " + beneficiaries + " bénéficiaires couverts le " + DAY.format(month) + " × "
				+ each.stripTrailingZeros().toPlainString() + " DH", null, beneficiaries);
		return jdbc.sql("select " + ContributionCalls.COLUMNS + " from contribution_call where regime = 'TADAMON' and payer = ? and month = ?")
			.params(STATE, month).query(ContributionCalls::call).single();
	}

	private int insert(String regime, String payerKind, String payer, LocalDate month, Money amount, LocalDate due,
			String explanation, Long memberId, Integer beneficiaries) {
		return jdbc.sql("""
				insert into contribution_call (regime, payer_kind, payer, month, amount, due_date, explanation, member_id, beneficiaries)
				values (?, ?, ?, ?, ?, ?, ?, ?, ?) on conflict (regime, payer, month) do nothing""")
			.params(regime, payerKind, payer, month, amount.amount(), due, explanation, memberId, beneficiaries)
			.update();
	}
}
