package ma.amo.contributions;

import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;

import ma.amo.enrolment.Regime;
import ma.amo.enrolment.RightsEvents;
import ma.amo.parameters.ParameterValues;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.NestedExceptionUtils;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * What a missed due date does to rights (amo-rules.md, "Rights"): an Achamil instalment not paid by its due date
 * suspends the member's rights from the next day until it is paid; a self-employed member whose unpaid months reach
 * the parameter (12) in a row is suspended until the arrears are paid, then waits the waiting period (3 months).
 * Salaried declarations left unpaid simply do not count. Each call lapses once; running a day twice changes nothing.
 */
@Service
public class Deadlines {

	private static final Logger log = LoggerFactory.getLogger(Deadlines.class);
	private static final DateTimeFormatter MONTH = DateTimeFormatter.ofPattern("MM/yyyy");

	private final JdbcClient jdbc;
	private final RightsEvents events;
	private final ParameterValues parameters;
	private final Clock clock;
	private final TransactionTemplate eachCall;

	Deadlines(JdbcClient jdbc, RightsEvents events, ParameterValues parameters, Clock clock,
			PlatformTransactionManager transactions) {
		this.eachCall = new TransactionTemplate(transactions);
		// A savepoint per call inside the night's transaction: a call that cannot lapse is left for the next night.
		this.eachCall.setPropagationBehavior(TransactionDefinition.PROPAGATION_NESTED);
		this.jdbc = jdbc;
		this.events = events;
		this.parameters = parameters;
		this.clock = clock;
	}

	public record Lapsed(LocalDate date, int calls, int suspensions) {
	}

	/** Every night, the calls that fell due the day before. */
	@Scheduled(cron = "0 30 1 * * *", zone = "Africa/Casablanca")
	void nightly() {
		Lapsed lapsed = apply(LocalDate.now(clock));
		if (lapsed.calls() > 0) {
			log.info("Deadlines of {}: {} calls lapsed, {} suspensions", lapsed.date(), lapsed.calls(), lapsed.suspensions());
		}
	}

	/** Lapses the calls unpaid at the end of their due date, as seen on {@code date}, and applies their effects. */
	@Transactional
	public Lapsed apply(LocalDate date) {
		List<ContributionCalls.Call> due = jdbc.sql("select " + ContributionCalls.COLUMNS
				+ " from contribution_call where due_date < ? and settled_on is null and not lapsed order by due_date, id for update")
			.param(date).query(ContributionCalls::call).list();
		int suspensions = 0;
		int lapsed = 0;
		for (ContributionCalls.Call call : due) {
			try {
				Integer suspended = eachCall.execute(tx -> lapse(call));
				suspensions += suspended == null ? 0 : suspended;
				lapsed++;
			}
			catch (TransientDataAccessException e) {
				throw e;
			}
			catch (RuntimeException e) {
				// One bad call (a month no parameter covers, a damaged row) never holds back the others' deadlines.
				log.warn("Call {} could not lapse on {} and is left for the next run: {}", call.id(), date,
						NestedExceptionUtils.getMostSpecificCause(e).getMessage());
			}
		}
		return new Lapsed(date, lapsed, suspensions);
	}

	/** Lapses one call; returns the suspensions it started (0 or 1). */
	private int lapse(ContributionCalls.Call call) {
		int suspensions = 0;
		jdbc.sql("update contribution_call set lapsed = true where id = ?").param(call.id()).update();
		LocalDate from = call.dueDate().plusDays(1);
		if ("ACHAMIL".equals(call.regime())) {
			RightsEvents.Event event = events.record("UNPAID_INSTALMENT", "Mensualité Achamil de "
					+ MONTH.format(call.month()) + " (" + call.amount() + " DH) impayée à l'échéance du "
					+ call.dueDate(), from);
			suspensions += events.suspend(event, call.memberId(), Regime.ACHAMIL, MonthlyCalls.ACHAMIL_UNPAID, from,
					"Mensualité Achamil de " + MONTH.format(call.month()) + " impayée") ? 1 : 0;
		}
		else if ("SELF_EMPLOYED".equals(call.regime())) {
			int limit = parameters.integer("rights.self-employed.unpaid-months", call.month());
			if (consecutiveUnpaid(call) >= limit) {
				RightsEvents.Event event = events.record("UNPAID_MONTHS", limit + " mois consécutifs de cotisation TNS"
						+ " impayés à l'échéance de " + MONTH.format(call.month()), from);
				suspensions += events.suspend(event, call.memberId(), Regime.SELF_EMPLOYED,
						MonthlyCalls.SELF_EMPLOYED_ARREARS, from, limit + " mois consécutifs de cotisation impayés") ? 1 : 0;
			}
		}
		return suspensions;
	}

	/** The unpaid months in a row ending with the call's month. */
	private int consecutiveUnpaid(ContributionCalls.Call call) {
		List<LocalDate> months = jdbc.sql("""
				select month from contribution_call where member_id = ? and regime = 'SELF_EMPLOYED' and month <= ?
				order by month desc""")
			.params(call.memberId(), call.month()).query(LocalDate.class).list();
		List<LocalDate> unpaid = jdbc.sql("""
				select month from contribution_call where member_id = ? and regime = 'SELF_EMPLOYED' and month <= ?
				  and settled_on is null order by month desc""")
			.params(call.memberId(), call.month()).query(LocalDate.class).list();
		int run = 0;
		LocalDate expected = call.month();
		for (LocalDate month : months) {
			if (!month.equals(expected) || !unpaid.contains(month)) {
				break;
			}
			run++;
			expected = expected.minusMonths(1);
		}
		return run;
	}
}
