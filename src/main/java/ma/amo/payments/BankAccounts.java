package ma.amo.payments;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import ma.amo.enrolment.MemberEnrolment;
import ma.amo.payments.PayableClaims.PayeeKind;
import ma.amo.population.PopulationRegister;
import ma.amo.providers.Inpe;
import ma.amo.providers.ProviderDirectory;
import ma.amo.shared.FieldCipher;
import ma.amo.shared.InvalidInput;
import ma.amo.shared.NotFound;
import ma.amo.shared.Viewer;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The bank accounts of the payees: members (for their own claims) and establishments (tiers payant). An account is
 * recorded from a date, today or later (a transfer already sent is never said to have gone elsewhere), by the
 * signed-in account; the number is checked by its key and kept encrypted. A member records their own account, a
 * provider its establishment's, an agent those of the members of their payer body and of any establishment; finance
 * reads them.
 */
@Service
public class BankAccounts {

	/** How far ahead an account may be recorded: a change announced for the next months, not a guess for years. */
	static final int MAX_DAYS_AHEAD = 366;

	private static final String ACCOUNT = "select id, payee_kind, payee, rib, bank_code, valid_from, recorded_by, recorded_at from bank_account ";

	private final JdbcClient jdbc;
	private final FieldCipher cipher;
	private final Clock clock;
	private final MemberEnrolment enrolment;
	private final PopulationRegister register;
	private final ProviderDirectory providers;

	BankAccounts(JdbcClient jdbc, FieldCipher cipher, Clock clock, MemberEnrolment enrolment, PopulationRegister register,
			ProviderDirectory providers) {
		this.jdbc = jdbc;
		this.cipher = cipher;
		this.clock = clock;
		this.enrolment = enrolment;
		this.register = register;
		this.providers = providers;
	}

	/** The account recorded, and whether it repeats the payee's latest account from the same date (then nothing is added). */
	public record Recorded(BankAccount account, boolean repeated) {
	}

	/**
	 * Records the payee's account from {@code validFrom} (today when absent), given as a RIB or an IBAN. The same
	 * account from the same date as the payee's latest is a repeat; another account from the same date corrects it.
	 */
	@Transactional
	public Recorded record(String payeeKind, String payee, String number, LocalDate validFrom) {
		PayeeKind kind = payeeKind(payeeKind);
		checkPayee(kind, payee);
		Rib rib = Rib.parse("rib", number);
		LocalDate today = LocalDate.now(clock);
		LocalDate from = validFrom == null ? today : validFrom;
		if (from.isBefore(today)) {
			throw new InvalidInput("validFrom", "not-past", "an account is recorded from today or a later date, not before "
					+ today);
		}
		if (from.isAfter(today.plusDays(MAX_DAYS_AHEAD))) {
			throw new InvalidInput("validFrom", "within-a-year", "must be within " + MAX_DAYS_AHEAD + " days from today");
		}
		// One recording at a time per payee, so that two at once cannot both think they are the first of the day.
		jdbc.sql("select pg_advisory_xact_lock(hashtext('bank-account\n' || ? || '\n' || ?))").params(kind.name(), payee)
			.query((rs, n) -> 0).single();
		Optional<BankAccount> latest = history(kind, payee).stream().findFirst();
		if (latest.isPresent() && latest.get().validFrom().equals(from) && latest.get().rib().equals(rib.digits())) {
			return new Recorded(latest.get(), true);
		}
		String actor = Viewer.actingAccount();
		// As PostgreSQL keeps it, so that the answer and a later read say the same instant.
		Instant now = clock.instant().truncatedTo(java.time.temporal.ChronoUnit.MICROS);
		long id = jdbc.sql("""
				insert into bank_account (payee_kind, payee, rib, bank_code, valid_from, recorded_by, recorded_at)
				values (?, ?, ?, ?, ?, ?, ?) returning id""")
			.params(kind.name(), payee, cipher.encrypt(rib.digits()), rib.bank(), from, actor, Timestamp.from(now))
			.query(Long.class).single();
		return new Recorded(new BankAccount(id, kind, payee, rib.digits(), rib.iban(), rib.bank(), from, actor, now), false);
	}

	/** The payee's account on a date, if one was recorded from that date or before. */
	public Optional<BankAccount> accountOn(PayeeKind kind, String payee, LocalDate date) {
		return jdbc.sql(ACCOUNT + "where payee_kind = ? and payee = ? and valid_from <= ? order by valid_from desc, id desc limit 1")
			.params(kind.name(), payee, date).query(this::account).optional();
	}

	/**
	 * The accounts of the payees (each a list of its kind and id) on a date, in one query: the payees without one are
	 * absent from the answer.
	 */
	public Map<List<Object>, BankAccount> accountsOn(List<List<Object>> payees, LocalDate date) {
		Map<List<Object>, BankAccount> accounts = new HashMap<>();
		if (payees.isEmpty()) {
			return accounts;
		}
		jdbc.sql(ACCOUNT.replace("select ", "select distinct on (payee_kind, payee) ")
				+ "where payee_kind || ':' || payee = any(?) and valid_from <= ? order by payee_kind, payee, valid_from desc, id desc")
			.params(payees.stream().map(p -> p.get(0) + ":" + p.get(1)).toArray(String[]::new), date)
			.query(this::account)
			.list()
			.forEach(a -> accounts.put(List.of(a.payeeKind(), a.payee()), a));
		return accounts;
	}

	/** The day the bank reported each of these accounts closed, by account id; accounts not reported are absent. */
	public Map<Long, LocalDate> closedOf(java.util.Collection<Long> accountIds) {
		Map<Long, LocalDate> closed = new HashMap<>();
		if (accountIds.isEmpty()) {
			return closed;
		}
		jdbc.sql("select account_id, noted_on from bank_account_closure where account_id = any(?)")
			.param(accountIds.toArray(Long[]::new))
			.query((rs, n) -> closed.put(rs.getLong(1), rs.getObject(2, LocalDate.class))).list();
		return closed;
	}

	/**
	 * The bank said the account a transfer was sent to is closed: the payee's recorded account with that number is
	 * marked, once, so that the next batches hold the payee back until a new account is recorded.
	 */
	void closedByBank(PayeeKind kind, String payee, String storedRib, String reasonCode, long returnId, LocalDate on) {
		if (storedRib == null) {
			return;
		}
		String digits = cipher.decrypt(storedRib);
		history(kind, payee).stream().filter(a -> a.rib().equals(digits)).forEach(a -> jdbc.sql("""
				insert into bank_account_closure (account_id, reason_code, return_id, noted_on) values (?, ?, ?, ?)
				on conflict (account_id) do nothing""").params(a.id(), reasonCode, returnId, on).update());
	}

	/** The payee's accounts, the latest first, read within the viewer's scope. */
	public List<BankAccount> accounts(String payeeKind, String payee) {
		PayeeKind kind = payeeKind(payeeKind);
		checkPayee(kind, payee);
		return history(kind, payee);
	}

	private List<BankAccount> history(PayeeKind kind, String payee) {
		return jdbc.sql(ACCOUNT + "where payee_kind = ? and payee = ? order by valid_from desc, id desc")
			.params(kind.name(), payee).query(this::account).list();
	}

	private static PayeeKind payeeKind(String text) {
		for (PayeeKind kind : PayeeKind.values()) {
			if (kind.name().equals(text)) {
				return kind;
			}
		}
		throw new InvalidInput("payeeKind", "payee-kind", "must be MEMBER or ESTABLISHMENT");
	}

	/** Refuses a malformed payee (400), one that does not exist (404), or one outside the viewer's scope (403). */
	private void checkPayee(PayeeKind kind, String payee) {
		Optional<Viewer> viewer = Viewer.current();
		if (kind == PayeeKind.MEMBER) {
			register.checkIdcs("payee", payee);
			viewer.ifPresent(v -> Viewer.require(v.role() != Viewer.Role.PROVIDER, "members' bank accounts"));
			if (enrolment.memberships(payee).isEmpty()) {
				throw new NotFound("payee", "no member with IDCS " + payee);
			}
			return;
		}
		String problem = Inpe.problem(payee);
		if (problem != null) {
			throw new InvalidInput("payee", "inpe", problem);
		}
		viewer.ifPresent(v -> Viewer.require(v.role() != Viewer.Role.MEMBER
				&& (v.role() != Viewer.Role.PROVIDER || payee.equals(v.inpe())), "establishment " + payee + " is outside your scope"));
		if (providers.findEstablishment(payee).isEmpty()) {
			throw new NotFound("payee", "no establishment with INPE " + payee);
		}
	}

	private BankAccount account(ResultSet rs, int n) throws SQLException {
		Rib rib = new Rib(cipher.decrypt(rs.getString("rib")));
		return new BankAccount(rs.getLong("id"), PayeeKind.valueOf(rs.getString("payee_kind")), rs.getString("payee"),
				rib.digits(), rib.iban(), rs.getString("bank_code"), rs.getObject("valid_from", LocalDate.class),
				rs.getString("recorded_by"), rs.getTimestamp("recorded_at").toInstant());
	}
}
