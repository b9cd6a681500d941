package ma.amo.demo;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.SplittableRandom;

import javax.sql.DataSource;

import ma.amo.payments.Rib;
import ma.amo.shared.CopyText;
import ma.amo.shared.FieldCipher;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Records a bank account for the demo's members and establishments, so that payment batches have somewhere to send
 * the money: a valid RIB (its key computed as the platform checks it) at one of the main Moroccan banks, from a year
 * before today. About one member in 25 and one establishment in 12 are left without an account, so that the batches
 * show payees held back. The numbers are encrypted as every account is and written with COPY, a chunk of payees at a
 * time: a million members load in seconds. Done once, when no demo account is recorded yet.
 */
@Component
@Order(3)
@ConditionalOnProperty(name = "amo.demo.enabled", havingValue = "true")
class DemoBankAccounts implements ApplicationRunner {

	private static final Logger log = LoggerFactory.getLogger(DemoBankAccounts.class);

	static final String RECORDED_BY = "demo";

	/** Bank codes of RIBs as printed by major Moroccan banks (Attijariwafa, Bank of Africa, BMCI, CDM, SG, BP, CIH, Al Barid). */
	private static final String[] BANKS = { "007", "011", "013", "021", "022", "145", "230", "350" };

	/** Locality codes of main cities' clearing houses. */
	private static final String[] LOCALITIES = { "780", "810", "640", "450", "225", "330", "360", "815" };

	private static final int CHUNK = 20_000;

	private final JdbcClient jdbc;
	private final DataSource dataSource;
	private final FieldCipher cipher;
	private final TransactionTemplate transaction;
	private final Clock clock;
	private final DemoPopulation.Settings settings;

	DemoBankAccounts(JdbcClient jdbc, DataSource dataSource, FieldCipher cipher, TransactionTemplate transaction,
			Clock clock, DemoPopulation.Settings settings) {
		this.jdbc = jdbc;
		this.dataSource = dataSource;
		this.cipher = cipher;
		this.transaction = transaction;
		this.clock = clock;
		this.settings = settings;
	}

	@Override
	public void run(ApplicationArguments args) {
		if (jdbc.sql("select exists (select 1 from bank_account where recorded_by = ?)").param(RECORDED_BY)
			.query(Boolean.class).single()) {
			return;
		}
		long started = System.nanoTime();
		LocalDate from = LocalDate.now(clock).minusYears(1);
		long members = load("MEMBER", "select distinct idcs from member where idcs > ? order by idcs limit " + CHUNK, 25, from);
		long establishments = load("ESTABLISHMENT", "select inpe from establishment where inpe > ? order by inpe limit " + CHUNK,
				12, from);
		log.info("Demo bank accounts recorded: {} members and {} establishments in {} ms", members, establishments,
				(System.nanoTime() - started) / 1_000_000);
	}

	/** Records an account for every payee the query pages through, but one in {@code without}; answers how many. */
	long load(String kind, String page, int without, LocalDate from) {
		SplittableRandom random = new SplittableRandom(settings.seed() ^ kind.hashCode());
		Timestamp now = Timestamp.from(clock.instant());
		long recorded = 0;
		String last = "";
		while (true) {
			List<String> payees = jdbc.sql(page).param(last).query(String.class).list();
			if (payees.isEmpty()) {
				return recorded;
			}
			CopyText rows = new CopyText();
			for (String payee : payees) {
				if (random.nextInt(without) == 0) {
					continue;
				}
				String bank = BANKS[random.nextInt(BANKS.length)];
				String first22 = bank + LOCALITIES[random.nextInt(LOCALITIES.length)]
						+ String.format("%016d", random.nextLong(10_000_000_000_000_000L));
				rows.add(kind).add(payee).add(cipher.encrypt(first22 + Rib.keyOf(first22))).add(bank).add(from)
					.add(RECORDED_BY).add(now);
				rows.end();
				recorded++;
			}
			transaction.executeWithoutResult(status -> rows.copyInto(dataSource,
					"bank_account (payee_kind, payee, rib, bank_code, valid_from, recorded_by, recorded_at)"));
			last = payees.getLast();
		}
	}
}
