package ma.amo.contributions;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import ma.amo.contributions.ContributionCalls.Call;
import ma.amo.contributions.ContributionCalls.PayerKind;
import ma.amo.enrolment.MemberEnrolment;
import ma.amo.enrolment.RightsEvents;
import ma.amo.shared.IdempotencyKey;
import ma.amo.shared.InvalidInput;
import ma.amo.shared.Money;
import ma.amo.shared.NotFound;
import ma.amo.shared.RuleBroken;
import ma.amo.shared.Viewer;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Records payments and what they change. A payment settles the payer's calls oldest first (or the one call it names):
 * principal first, then the penalties of calls settled late. Settling a call has effects on rights, recorded as one
 * event per payment: the working days of a paid declaration start to count for its employees; a paid Achamil
 * instalment lifts the suspension of a missed one; paid self-employed arrears lift their suspension after the
 * waiting period. A repeat with the same idempotency key returns the first payment and changes nothing.
 */
@Service
public class Payments {

	private static final String PLATFORM = "platform";

	private static final DateTimeFormatter MONTH = DateTimeFormatter.ofPattern("MM/yyyy");
	private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd/MM/yyyy");

	private final JdbcClient jdbc;
	private final ContributionCalls calls;
	private final LatePenalties penalties;
	private final Employers employers;
	private final MemberEnrolment enrolment;
	private final RightsEvents events;
	private final ma.amo.parameters.ParameterValues parameters;
	private final Clock clock;

	Payments(JdbcClient jdbc, ContributionCalls calls, LatePenalties penalties, Employers employers,
			MemberEnrolment enrolment, RightsEvents events, ma.amo.parameters.ParameterValues parameters, Clock clock) {
		this.jdbc = jdbc;
		this.calls = calls;
		this.penalties = penalties;
		this.employers = employers;
		this.enrolment = enrolment;
		this.events = events;
		this.parameters = parameters;
		this.clock = clock;
	}

	public enum Means {
		TRANSFER, DIRECT_DEBIT, COUNTER
	}

	public record Request(PayerKind payerKind, String payer, BigDecimal amount, LocalDate paidOn, Means means,
			String reference, Long callId) {
	}

	public record Allocation(long callId, String regime, LocalDate month, Money principal, Money penalty,
			boolean settled) {
	}

	public record Payment(long id, PayerKind payerKind, String payer, Money amount, LocalDate paidOn, Means means,
			String reference, String idempotencyKey, Money unallocated, List<Allocation> allocations,
			Long rightsEventId) {
	}

	@Transactional
	public Payment record(String idempotencyKey, Request request) {
		return record(idempotencyKey, request, null);
	}

	/** The stored payment, and whether this call stored it or found it under the same key. */
	public record Recorded(Payment payment, boolean repeated) {
	}

	/** Records a payment once per key: a repeat, even in parallel with the first, answers the first payment. */
	@Transactional
	public Recorded pay(String idempotencyKey, Request request) {
		check(idempotencyKey, request);
		IdempotencyKey.hold(jdbc, "payment\n" + recorder(), idempotencyKey);
		boolean repeated = byKey(idempotencyKey) != null;
		return new Recorded(record(idempotencyKey, request, null), repeated);
	}

	/** A payment of a bank statement, with its idempotency key. */
	public record Keyed(String idempotencyKey, Request request) {
	}

	/** What a bank statement changed: its payments, and the rights event they share. */
	public record Statement(String name, int payments, int repeated, long settledCalls, Long rightsEventId) {
	}

	/**
	 * Records the payments of a bank statement in one transaction, under one rights event: the working days of all
	 * the declarations they settle are credited together, and the members' rights recomputed in one pass. A payment
	 * already recorded under its key is skipped; one bad payment refuses the statement (the error names its index).
	 */
	@Transactional
	public Statement recordStatement(String name, LocalDate receivedOn, List<Keyed> payments) {
		// The same statement sent twice at once: the second waits and finds the first's payments as repeats.
		IdempotencyKey.hold(jdbc, "payment-statement", name);
		RightsEvents.Event event = events.record("PAYMENT_STATEMENT", "Relevé " + name + " du " + DAY.format(receivedOn)
				+ ": " + payments.size() + " paiements", receivedOn);
		Credits credits = new Credits();
		int repeated = 0;
		for (int i = 0; i < payments.size(); i++) {
			Keyed keyed = payments.get(i);
			try {
				if (record(keyed.idempotencyKey(), keyed.request(), new Shared(event, credits)) != null) {
					repeated++;
				}
			}
			catch (InvalidInput | RuleBroken | NotFound e) {
				throw new InvalidInput("payments[" + i + "]", "valid-payment", e.getMessage());
			}
		}
		events.creditPaidDays(event, credits.days);
		return new Statement(name, payments.size(), repeated, credits.settled, event.id());
	}

	/** The event a statement's payments share, and the days their settled declarations credit. */
	private record Shared(RightsEvents.Event event, Credits credits) {
	}

	private static final class Credits {
		private final List<RightsEvents.PaidDays> days = new ArrayList<>();
		private long settled;
	}

	/** Records a payment and returns it, or under a statement returns only the earlier payment of a repeated key. */
	private Payment record(String idempotencyKey, Request request, Shared shared) {
		check(idempotencyKey, request);
		if (shared == null) {
			// A statement's payments are one transaction already; a lock per payment would fill the lock table.
			IdempotencyKey.hold(jdbc, "payment\n" + recorder(), idempotencyKey);
		}
		Payment earlier = byKey(idempotencyKey);
		if (earlier != null) {
			if (!sameRequest(earlier, request)) {
				throw new RuleBroken("idempotencyKey", "idempotent-repeat", "the key " + idempotencyKey
						+ " was used for payment " + earlier.id() + " with different content");
			}
			return earlier;
		}
		List<Call> open = request.callId() != null ? List.of(target(request))
				: jdbc.sql("select " + ContributionCalls.COLUMNS + " from contribution_call where payer_kind = ? and payer = ?"
						+ " and (settled_on is null or penalty > penalty_paid) order by due_date, id for update")
					.params(request.payerKind().name(), request.payer()).query(ContributionCalls::call).list();
		Money left = new Money(request.amount());
		List<Allocation> allocations = new ArrayList<>();
		List<Call> settled = new ArrayList<>();
		List<Money> principals = new ArrayList<>();
		for (Call call : open) {
			Money principal = call.settledOn() == null ? left.min(call.outstanding()) : Money.ZERO;
			left = left.minus(principal);
			principals.add(principal);
			if (principal.amount().signum() > 0 && principal.equals(call.outstanding())) {
				settled.add(call);
			}
		}
		// Penalties come after every principal: a payer's money first keeps rights open.
		for (int i = 0; i < open.size(); i++) {
			Call call = open.get(i);
			boolean settles = settled.contains(call);
			Money penalty = call.penalty();
			if (settles) {
				// The increase applies to what was still unpaid when this payment settled the call late.
				penalty = penalties.penalty(call.outstanding(), call.dueDate(), request.paidOn());
			}
			Money penaltyPaid = left.min(penalty.minus(call.penaltyPaid()));
			left = left.minus(penaltyPaid);
			Money principal = principals.get(i);
			if (principal.amount().signum() == 0 && penaltyPaid.amount().signum() == 0) {
				continue;
			}
			jdbc.sql("""
					update contribution_call set paid = paid + ?, settled_on = case when ? then ? else settled_on end,
					  penalty = ?, penalty_paid = penalty_paid + ? where id = ?""")
				.params(principal.amount(), settles, request.paidOn(), penalty.amount(), penaltyPaid.amount(), call.id())
				.update();
			allocations.add(new Allocation(call.id(), call.regime(), call.month(), principal, penaltyPaid, settles));
		}
		RightsEvents.Event event = settled.isEmpty() ? null : effects(request, settled, shared);
		long id = jdbc.sql("""
				insert into payment (payer_kind, payer, amount, paid_on, means, reference, idempotency_key, unallocated, event_id,
				  recorded_by)
				values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) returning id""")
			.params(request.payerKind().name(), request.payer(), request.amount(), request.paidOn(),
					request.means().name(), request.reference(), idempotencyKey, left.amount(),
					event == null ? null : event.id(), recorder())
			.query(Long.class).single();
		for (Allocation a : allocations) {
			jdbc.sql("insert into payment_allocation (payment_id, call_id, principal, penalty) values (?, ?, ?, ?)")
				.params(id, a.callId(), a.principal().amount(), a.penalty().amount()).update();
		}
		// A statement's payments are read back by their keys when wanted, not one by one as they are recorded.
		return shared == null ? payment(id) : null;
	}

	/**
	 * What settling the calls changes for rights, recorded as one event of the payment, or under the statement's
	 * event (the days then credited with the whole statement).
	 */
	private RightsEvents.Event effects(Request request, List<Call> settled, Shared shared) {
		RightsEvents.Event event;
		List<RightsEvents.PaidDays> days;
		if (shared == null) {
			String months = String.join(", ", settled.stream().map(c -> MONTH.format(c.month())).distinct().toList());
			event = events.record("PAYMENT", "Paiement de " + new Money(request.amount()) + " DH le "
					+ DAY.format(request.paidOn()) + " par " + payerLabel(request) + (request.reference() == null ? ""
							: " (réf. " + request.reference() + ")") + ": mois réglés " + months, request.paidOn());
			days = new ArrayList<>();
		}
		else {
			event = shared.event();
			days = shared.credits().days;
			shared.credits().settled += settled.size();
		}
		for (Call call : settled) {
			switch (call.regime()) {
				case "SALARIED_PRIVATE" -> days.addAll(jdbc.sql("select member_id, days from declaration_line where declaration_id = ?")
					.param(call.declarationId())
					.query((rs, n) -> new RightsEvents.PaidDays(rs.getLong(1), call.month(), rs.getInt(2),
							"D" + call.declarationId(), request.paidOn()))
					.list());
				case "ACHAMIL" -> {
					if (!hasLapsedUnsettled(call.memberId(), "ACHAMIL")) {
						events.lift(event, call.memberId(), MonthlyCalls.ACHAMIL_UNPAID, request.paidOn().minusDays(1),
								"mensualités réglées le " + DAY.format(request.paidOn()));
					}
				}
				case "SELF_EMPLOYED" -> {
					if (!hasLapsedUnsettled(call.memberId(), "SELF_EMPLOYED")) {
						int waiting = parameters.integer("rights.self-employed.waiting-months", request.paidOn());
						LocalDate reopens = request.paidOn().plusMonths(waiting);
						events.lift(event, call.memberId(), MonthlyCalls.SELF_EMPLOYED_ARREARS, reopens.minusDays(1),
								"arriérés réglés le " + DAY.format(request.paidOn()) + ", stage de " + waiting
										+ " mois jusqu'au " + DAY.format(reopens.minusDays(1)));
					}
				}
				default -> {
					// The State's Tadamon payments change nobody's rights: the State guarantees them.
				}
			}
		}
		if (shared == null) {
			events.creditPaidDays(event, days);
		}
		return event;
	}

	private boolean hasLapsedUnsettled(long memberId, String regime) {
		return jdbc.sql("select exists (select 1 from contribution_call where member_id = ? and regime = ? and lapsed and settled_on is null)")
			.params(memberId, regime).query(Boolean.class).single();
	}

	public Payment payment(long id) {
		return jdbc.sql("select id, payer_kind, payer, amount, paid_on, means, reference, idempotency_key, unallocated, event_id from payment where id = ?")
			.param(id).query((rs, n) -> payment(rs, n)).optional()
			.orElseThrow(() -> new NotFound("paymentId", "no payment " + id));
	}

	/** Keys are the sending account's: another client's key, even the same text, is another payment. */
	private Payment byKey(String key) {
		return jdbc.sql("select id, payer_kind, payer, amount, paid_on, means, reference, idempotency_key, unallocated, event_id from payment where recorded_by = ? and idempotency_key = ?")
			.params(recorder(), key).query((rs, n) -> payment(rs, n)).optional().orElse(null);
	}

	/** The authenticated account, or the platform itself for its own work. */
	private static String recorder() {
		return Viewer.current().map(Viewer::name).orElse(PLATFORM);
	}

	private Payment payment(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
		long id = rs.getLong(1);
		List<Allocation> allocations = jdbc.sql("""
				select a.call_id, c.regime, c.month, a.principal, a.penalty, c.settled_on is not null
				from payment_allocation a join contribution_call c on c.id = a.call_id where a.payment_id = ? order by c.due_date, c.id""")
			.param(id)
			.query((r, i) -> new Allocation(r.getLong(1), r.getString(2), r.getObject(3, LocalDate.class),
					new Money(r.getBigDecimal(4)), new Money(r.getBigDecimal(5)), r.getBoolean(6)))
			.list();
		return new Payment(id, PayerKind.valueOf(rs.getString(2)), rs.getString(3), new Money(rs.getBigDecimal(4)),
				rs.getObject(5, LocalDate.class), Means.valueOf(rs.getString(6)), rs.getString(7), rs.getString(8),
				new Money(rs.getBigDecimal(9)), allocations, (Long) rs.getObject(10));
	}

	private static boolean sameRequest(Payment earlier, Request request) {
		return earlier.payerKind() == request.payerKind() && earlier.payer().equals(request.payer())
				&& earlier.amount().amount().compareTo(request.amount()) == 0 && earlier.paidOn().equals(request.paidOn())
				&& earlier.means() == request.means() && Objects.equals(earlier.reference(), request.reference());
	}

	private Call target(Request request) {
		Call call = calls.call(request.callId());
		if (call.payerKind() != request.payerKind() || !call.payer().equals(request.payer())) {
			throw new RuleBroken("callId", "payer-of-call", "call " + call.id() + " is owed by " + call.payerKind() + " "
					+ call.payer());
		}
		return jdbc.sql("select " + ContributionCalls.COLUMNS + " from contribution_call where id = ? for update")
			.param(call.id()).query(ContributionCalls::call).single();
	}

	private void check(String key, Request request) {
		IdempotencyKey.require(key);
		if (request.payerKind() == null) {
			throw new InvalidInput("payerKind", "required", "is required (EMPLOYER, MEMBER or STATE)");
		}
		if (request.amount() == null || request.amount().signum() <= 0 || request.amount().scale() > 2) {
			throw new InvalidInput("amount", "amount", "must be positive with at most two decimals");
		}
		if (request.paidOn() == null) {
			throw new InvalidInput("paidOn", "required", "is required");
		}
		if (request.paidOn().isAfter(LocalDate.now(clock))) {
			throw new InvalidInput("paidOn", "not-future", "a payment cannot be dated after today");
		}
		if (request.means() == null) {
			throw new InvalidInput("means", "required", "is required (TRANSFER, DIRECT_DEBIT or COUNTER)");
		}
		switch (request.payerKind()) {
			case EMPLOYER -> employers.employer(request.payer());
			case MEMBER -> enrolment.member(request.payer());
			case STATE -> {
				if (!MonthlyCalls.STATE.equals(request.payer())) {
					throw new InvalidInput("payer", "state", "the State pays as " + MonthlyCalls.STATE);
				}
			}
		}
	}

	private static String payerLabel(Request request) {
		return switch (request.payerKind()) {
			case EMPLOYER -> "l'employeur " + request.payer();
			case MEMBER -> "l'assuré " + request.payer();
			case STATE -> "l'État";
		};
	}
}
