package ma.amo.payments;

import java.time.Clock;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import ma.amo.enrolment.Member;
import ma.amo.enrolment.MemberEnrolment;
import ma.amo.payments.PayableClaims.PayeeKind;
import ma.amo.payments.StatementClaims.DecidedClaim;
import ma.amo.population.PopulationRegister;
import ma.amo.providers.Inpe;
import ma.amo.providers.ProviderDirectory;
import ma.amo.shared.FieldCipher;
import ma.amo.shared.InvalidInput;
import ma.amo.shared.Money;
import ma.amo.shared.NotFound;
import ma.amo.shared.RuleBroken;
import ma.amo.shared.Viewer;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The statements of what was paid and why (issue of the payments, point 7): a member's "décompte de remboursement"
 * (each decided claim of the member and their dependants with its lines, base, rate, covered amount, the patient's
 * share, the reasons, and the transfer that paid it) and a payee's "bordereau" of one transfer (every claim it
 * paid). Account numbers are shown masked but for their last four digits.
 */
@Service
public class Statements {

	/** The longest period of a member's statement. */
	static final int MAX_DAYS = 366;

	/** The most claims one statement lists: beyond, a shorter period is asked. */
	static final int MAX_CLAIMS = 1_000;

	/** The transfer that paid a claim: the batch's reference and day, and the account, masked. */
	public record ClaimTransfer(long batchId, String batchReference, LocalDate paidOn, PayeeKind payeeKind, String payee,
			String maskedIban) {
	}

	/** A claim on a statement: as decided, and its payment when it was paid. */
	public record StatementClaim(DecidedClaim claim, ClaimTransfer payment) {
	}

	/**
	 * A member's statement of the claims with care in the period, and its totals; {@code recovered} lists the
	 * overpayments ("Indu récupéré") netted against the member's transfers approved in the period.
	 */
	public record MemberStatement(String memberIdcs, LocalDate from, LocalDate to, LocalDate issuedOn,
			List<StatementClaim> claims, Money billed, Money covered, Money patientShare, Money paid,
			List<Overpayments.RecoveredLine> recovered, Money recoveredTotal) {
	}

	/**
	 * A payee's statement of one transfer: each claim it paid, the overpayments netted against it ("Indu récupéré",
	 * each with its claim), and the transfer's amount: the claims' sum less what was recovered.
	 */
	public record TransferStatement(long batchId, String batchReference, String payerBody, LocalDate paidOn,
			PayeeKind payeeKind, String payee, String payeeName, String maskedIban, int claimCount, Money amount,
			LocalDate issuedOn, List<DecidedClaim> claims, List<Overpayments.RecoveredLine> recovered,
			Money recoveredTotal) {
	}

	private final StatementClaims claims;
	private final JdbcClient jdbc;
	private final FieldCipher cipher;
	private final Clock clock;
	private final MemberEnrolment enrolment;
	private final PopulationRegister register;
	private final ProviderDirectory providers;
	private final Overpayments overpayments;

	Statements(StatementClaims claims, JdbcClient jdbc, FieldCipher cipher, Clock clock, MemberEnrolment enrolment,
			PopulationRegister register, ProviderDirectory providers, Overpayments overpayments) {
		this.overpayments = overpayments;
		this.claims = claims;
		this.jdbc = jdbc;
		this.cipher = cipher;
		this.clock = clock;
		this.enrolment = enrolment;
		this.register = register;
		this.providers = providers;
	}

	/**
	 * The member's statement for care from {@code from} to {@code to} (the last 90 days to today when absent). A member
	 * reads only theirs, an agent those of the members of their payer body, with the claims that body decided.
	 */
	@Transactional(readOnly = true)
	public MemberStatement ofMember(String idcs, LocalDate from, LocalDate to) {
		register.checkIdcs("idcs", idcs);
		LocalDate end = to == null ? LocalDate.now(clock) : to;
		LocalDate start = from == null ? end.minusDays(90) : from;
		PaymentDeadlines.checkDay("from", start);
		PaymentDeadlines.checkDay("to", end);
		if (start.isAfter(end)) {
			throw new InvalidInput("from", "from-before-to", "must be on or before to");
		}
		if (ChronoUnit.DAYS.between(start, end) >= MAX_DAYS) {
			throw new InvalidInput("to", "max-range", "the period is at most " + MAX_DAYS + " days");
		}
		Optional<Viewer> viewer = Viewer.current();
		viewer.ifPresent(v -> Viewer.require(v.role() != Viewer.Role.MEMBER || idcs.equals(v.idcs()),
				"the statement of member " + idcs + " is outside your scope"));
		List<Member> memberships = enrolment.memberships(idcs);
		if (memberships.isEmpty()) {
			throw new NotFound("idcs", "no member with IDCS " + idcs);
		}
		String payerBody = viewer.filter(v -> v.role() == Viewer.Role.PAYER_AGENT).map(Viewer::payerBody).orElse(null);
		List<DecidedClaim> decided = claims.ofMember(idcs, start, end, payerBody, MAX_CLAIMS + 1);
		if (decided.size() > MAX_CLAIMS) {
			throw new RuleBroken("from", "statement-size", "more than " + MAX_CLAIMS
					+ " claims in the period: ask a shorter one");
		}
		Map<Long, ClaimTransfer> payments = payments(decided.stream().map(DecidedClaim::id).toList());
		List<StatementClaim> lines = decided.stream().map(c -> new StatementClaim(c, payments.get(c.id()))).toList();
		// An agent of a payer body sees only the nettings of that body's transfers, as they see only its claims.
		List<Overpayments.RecoveredLine> recovered = overpayments.ofMember(idcs, start, end, payerBody);
		return new MemberStatement(idcs, start, end, LocalDate.now(clock), lines,
				sum(decided.stream().map(DecidedClaim::billed).toList()),
				sum(decided.stream().map(DecidedClaim::covered).toList()),
				sum(decided.stream().map(DecidedClaim::patientShare).toList()),
				sum(decided.stream().filter(c -> payments.containsKey(c.id())).map(DecidedClaim::covered).toList()),
				recovered, sum(recovered.stream().map(Overpayments.RecoveredLine::amount).toList()));
	}

	/**
	 * The statement of the transfer of batch {@code batchId} to {@code payee} (an establishment's INPE or a member's
	 * IDCS). A provider reads only its own establishment's.
	 */
	@Transactional(readOnly = true)
	public TransferStatement ofTransfer(long batchId, String payee) {
		PayeeKind kind = payeeKind(payee);
		Viewer.current().ifPresent(v -> Viewer.require(switch (v.role()) {
			case PROVIDER -> payee.equals(v.inpe());
			case MEMBER -> payee.equals(v.idcs());
			default -> true;
		}, "the transfers to " + payee + " are outside your scope"));
		record Order(String reference, String payerBody, LocalDate paidOn, int claims, Money amount, String rib) {
		}
		Order order = jdbc.sql("""
				select b.reference, b.payer_body, %s as paid_on, o.claims, o.amount, o.rib
				from payment_order o join payment_batch b on b.id = o.batch_id
				where o.batch_id = ? and o.payee_kind = ? and o.payee = ?""".formatted(PaymentDeadlines.PAID_ON))
			.params(batchId, kind.name(), payee)
			.query((rs, n) -> new Order(rs.getString(1), rs.getString(2), rs.getObject(3, LocalDate.class), rs.getInt(4),
					new Money(rs.getBigDecimal(5)), rs.getString(6)))
			.optional()
			.orElseThrow(() -> new NotFound("payee", "no transfer to " + payee + " in payment batch " + batchId));
		List<Long> ids = jdbc.sql("select claim_id from payment_batch_claim where batch_id = ? and payee_kind = ? and payee = ? order by claim_id")
			.params(batchId, kind.name(), payee).query(Long.class).list();
		String name = kind == PayeeKind.ESTABLISHMENT
				? providers.findEstablishment(payee).map(e -> e.name()).orElse(null) : null;
		List<Overpayments.RecoveredLine> recovered = overpayments.ofTransfer(batchId, kind, payee);
		return new TransferStatement(batchId, order.reference(), order.payerBody(), order.paidOn(), kind, payee, name,
				masked(order.rib()), order.claims(), order.amount(), LocalDate.now(clock), claims.byIds(ids), recovered,
				sum(recovered.stream().map(Overpayments.RecoveredLine::amount).toList()));
	}

	private PayeeKind payeeKind(String payee) {
		if (payee == null || payee.isBlank() || payee.length() > 20) {
			throw new InvalidInput("payee", "payee", "must be an establishment's INPE or a member's IDCS");
		}
		if (Inpe.problem(payee) == null) {
			return PayeeKind.ESTABLISHMENT;
		}
		register.checkIdcs("payee", payee);
		return PayeeKind.MEMBER;
	}

	/** The payments of the claims, by claim: the batch, its day, and the account of the transfer. */
	private Map<Long, ClaimTransfer> payments(List<Long> ids) {
		Map<Long, ClaimTransfer> payments = new HashMap<>();
		if (ids.isEmpty()) {
			return payments;
		}
		jdbc.sql("""
				select pc.claim_id, b.id, b.reference, %s as paid_on, pc.payee_kind, pc.payee, o.rib
				from payment_batch_claim pc
				join payment_batch b on b.id = pc.batch_id
				left join payment_order o on o.batch_id = pc.batch_id and o.payee_kind = pc.payee_kind and o.payee = pc.payee
				where pc.claim_id = any(?)""".formatted(PaymentDeadlines.PAID_ON))
			.param(ids.toArray(Long[]::new))
			.query((rs, n) -> payments.put(rs.getLong(1), new ClaimTransfer(rs.getLong(2), rs.getString(3),
					rs.getObject(4, LocalDate.class), PayeeKind.valueOf(rs.getString(5)), rs.getString(6),
					masked(rs.getString(7)))))
			.list();
		return payments;
	}

	/** The IBAN with all but its last four digits hidden; none for the transfers made before accounts were kept. */
	private String masked(String storedRib) {
		if (storedRib == null) {
			return null;
		}
		String iban = new Rib(cipher.decrypt(storedRib)).iban();
		return "MA" + "*".repeat(iban.length() - 6) + iban.substring(iban.length() - 4);
	}

	private static Money sum(List<Money> amounts) {
		return amounts.stream().filter(a -> a != null).reduce(Money.ZERO, Money::plus);
	}
}
