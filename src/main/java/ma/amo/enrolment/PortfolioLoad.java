package ma.amo.enrolment;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import javax.sql.DataSource;

import ma.amo.shared.CopyText;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Loads whole enrolment histories in bulk with {@code COPY}: a payer's portfolio taken over from another system, or
 * the demo population. The histories are taken as consistent (one regime at a time, one member per dependant):
 * {@link #load} checks that each plan's periods follow each other, and each batch is all-or-nothing.
 */
@Service
public class PortfolioLoad {

	private static final int BATCH = 5_000;

	/** The reference of paid days that come with a portfolio's history rather than from a declaration here. */
	static final String HISTORY = "HISTORY";

	/** Recomputing from before any enrolment gives each member loaded their whole history. */
	private static final LocalDate EARLIEST = LocalDate.of(1900, 1, 1);

	private final DataSource dataSource;
	private final JdbcClient jdbc;
	private final RightsEvents events;
	private final TransactionTemplate transaction;
	private final Clock clock;

	PortfolioLoad(DataSource dataSource, JdbcClient jdbc, RightsEvents events, PlatformTransactionManager transactions, Clock clock) {
		this.clock = clock;
		this.dataSource = dataSource;
		this.jdbc = jdbc;
		this.events = events;
		this.transaction = new TransactionTemplate(transactions);
	}

	/** One person's enrolment history as a member, with their dependants attached to the member of the last period. */
	public record Plan(String idcs, List<Period> periods, Map<LocalDate, Integer> declaredDays,
			List<Link> dependants) {

		public Plan {
			if (periods.isEmpty()) {
				throw new IllegalArgumentException("a plan needs at least one period: " + idcs);
			}
			for (int i = 1; i < periods.size(); i++) {
				Period previous = periods.get(i - 1);
				if (previous.end() == null || !previous.end().isBefore(periods.get(i).start())) {
					throw new IllegalArgumentException("periods of " + idcs + " overlap");
				}
			}
		}
	}

	public record Period(Regime regime, LocalDate start, LocalDate end, Enrolment.EndReason endReason,
			boolean waitingWaived, List<Suspension> suspensions) {
	}

	public record Suspension(LocalDate start, LocalDate end, String reason) {
	}

	public record Link(String idcs, Dependant.Relation relation, LocalDate start, LocalDate end,
			Dependant.EndReason endReason, LocalDate studentUntil, boolean disabled) {
	}

	/**
	 * Loads every plan; returns the number of members created. Calls {@code progress} after each batch. The rights
	 * history of the members loaded starts with one event naming the load.
	 */
	public long load(Iterator<Plan> plans, Consumer<Long> progress) {
		long members = 0;
		List<Plan> batch = new ArrayList<>(BATCH);
		RightsEvents.Event event = transaction.execute(tx -> events.record("PORTFOLIO_LOAD",
				"Reprise de l'historique d'immatriculation et des jours payés", LocalDate.now(clock)));
		while (plans.hasNext()) {
			batch.add(plans.next());
			if (batch.size() == BATCH || !plans.hasNext()) {
				List<Long> created = new ArrayList<>();
				members += loadBatch(batch, created);
				transaction.executeWithoutResult(tx -> events.recompute(event, created, EARLIEST));
				batch.clear();
				progress.accept(members);
			}
		}
		// Fresh statistics at once: eligibility and rights-history queries planned on empty-table statistics would scan.
		jdbc.sql("analyze member, enrolment, paid_days, rights_suspension, dependant, rights_segment").update();
		return members;
	}

	private long loadBatch(List<Plan> plans, List<Long> created) {
		Map<PayerBody, Integer> memberCount = new EnumMap<>(PayerBody.class);
		int enrolments = 0;
		int dependants = 0;
		int suspensions = 0;
		for (Plan plan : plans) {
			plan.periods().stream().map(p -> p.regime().payerBody()).distinct()
				.forEach(payer -> memberCount.merge(payer, 1, Integer::sum));
			enrolments += plan.periods().size();
			dependants += plan.dependants().size();
			suspensions += plan.periods().stream().mapToInt(p -> p.suspensions().size()).sum();
		}
		Ids memberIds = ids("member_id_seq", memberCount.values().stream().mapToInt(Integer::intValue).sum());
		Ids cnss = ids("registration_cnss", memberCount.getOrDefault(PayerBody.CNSS, 0));
		Ids cnops = ids("registration_cnops", memberCount.getOrDefault(PayerBody.CNOPS, 0));
		Ids enrolmentIds = ids("enrolment_id_seq", enrolments);
		CopyText member = new CopyText();
		CopyText enrolment = new CopyText();
		CopyText days = new CopyText();
		CopyText suspension = new CopyText();
		CopyText dependant = new CopyText();
		for (Plan plan : plans) {
			Map<PayerBody, Long> memberOf = new EnumMap<>(PayerBody.class);
			for (Period period : plan.periods()) {
				PayerBody payer = period.regime().payerBody();
				Long memberId = memberOf.get(payer);
				if (memberId == null) {
					memberId = memberIds.next();
					memberOf.put(payer, memberId);
					created.add(memberId);
					String number = RegistrationNumber.of(payer == PayerBody.CNSS ? cnss.next() : cnops.next());
					member.add(memberId).add(plan.idcs()).add(payer.name()).add(number).add(period.start()).end();
				}
				long enrolmentId = enrolmentIds.next();
				enrolment.add(enrolmentId).add(memberId).add(period.regime().name()).add(period.start())
					.add(period.end()).add(period.endReason()).add(period.waitingWaived() ? "t" : "f").end();
				for (Suspension s : period.suspensions()) {
					suspension.add(enrolmentId).add(s.start()).add(s.end()).add(s.reason()).end();
				}
				if (period.regime() == Regime.SALARIED_PRIVATE) {
					for (Map.Entry<LocalDate, Integer> month : plan.declaredDays().entrySet()) {
						// History loaded with a portfolio stands for declarations paid on their due date.
						days.add(memberId).add(month.getKey()).add(month.getValue().longValue()).add(HISTORY)
							.add(month.getKey().plusMonths(1).withDayOfMonth(10)).end();
					}
				}
			}
			long last = memberOf.get(plan.periods().getLast().regime().payerBody());
			for (Link link : plan.dependants()) {
				dependant.add(last).add(link.idcs()).add(link.relation().name()).add(link.start()).add(link.end())
					.add(link.endReason()).add(link.studentUntil()).add(link.disabled() ? "t" : "f").end();
			}
		}
		try (Connection connection = dataSource.getConnection()) {
			connection.setAutoCommit(false);
			try {
				CopyManager copy = connection.unwrap(PGConnection.class).getCopyAPI();
				copy(copy, "member (id, idcs, payer_body, registration_number, registered_on)", member);
				copy(copy, "enrolment (id, member_id, regime, start_date, end_date, end_reason, waiting_waived)", enrolment);
				copy(copy, "paid_days (member_id, month, days, reference, paid_on)", days);
				copy(copy, "rights_suspension (enrolment_id, start_date, end_date, reason)", suspension);
				copy(copy, "dependant (member_id, idcs, relation, start_date, end_date, end_reason, student_until, disabled)", dependant);
				connection.commit();
			}
			catch (SQLException | IOException | RuntimeException e) {
				connection.rollback();
				throw e;
			}
		}
		catch (SQLException e) {
			throw new IllegalStateException("portfolio batch refused by the database: " + e.getMessage(), e);
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
		return created.size();
	}

	private static void copy(CopyManager copy, String table, CopyText rows) throws SQLException, IOException {
		byte[] bytes = rows.drain();
		if (bytes.length > 0) {
			copy.copyIn("copy " + table + " from stdin", new java.io.ByteArrayInputStream(bytes));
		}
	}

	/** Reserves {@code count} values of a sequence in one round trip. */
	private Ids ids(String sequence, int count) {
		if (count == 0) {
			return new Ids(List.of());
		}
		return new Ids(jdbc.sql("select nextval(?) from generate_series(1, ?)").params(sequence, count)
			.query(Long.class).list());
	}

	private static final class Ids {
		private final Iterator<Long> values;

		Ids(List<Long> values) {
			this.values = values.iterator();
		}

		long next() {
			return values.next();
		}
	}
}
