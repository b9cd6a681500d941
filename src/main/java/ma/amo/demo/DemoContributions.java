package ma.amo.demo;

import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import ma.amo.contributions.ContributionCalls;
import ma.amo.contributions.ContributionCalls.Call;
import ma.amo.contributions.ContributionCalls.PayerKind;
import ma.amo.contributions.Deadlines;
import ma.amo.contributions.DeclarationImport;
import ma.amo.contributions.DirectDebits;
import ma.amo.contributions.Employer;
import ma.amo.contributions.Employers;
import ma.amo.contributions.MonthlyCalls;
import ma.amo.contributions.Payments;
import ma.amo.contributions.SelfEmployedCategories;
import ma.amo.enrolment.MemberEnrolment;
import ma.amo.enrolment.Regime;
import ma.amo.population.Person;
import ma.amo.population.PopulationRegister;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * After the demo population, when no employer is affiliated yet, runs the last complete month through the
 * contributions module as it happens in production: employers affiliated (about one for 15 employees, in their
 * employees' towns), one declaration file for the month, the bank statement of the employers' payments (most on
 * time, some late with a penalty, a few not at all), self-employed members classified and called, Achamil mandates
 * and instalments paid by direct debit except a few, the State's Tadamon statements, and tonight's deadlines. The
 * salaried rights of the month therefore come from declared and paid days, and the arrears screens have content.
 */
@Component
@Order(3)
@ConditionalOnProperty(name = "amo.demo.enabled", havingValue = "true")
class DemoContributions implements ApplicationRunner {

	private static final Logger log = LoggerFactory.getLogger(DemoContributions.class);
	private static final int EMPLOYEES_PER_EMPLOYER = 15;
	private static final String[] TRADES = { "Textile", "Distribution", "Bâtiment", "Transport", "Agro-industrie",
			"Services", "Conseil", "Hôtellerie", "Automobile", "Informatique", "Logistique", "Négoce" };
	private static final String[] FORMS = { "SARL", "SA", "SARL AU" };
	private static final String[] CATEGORIES = { "MIDWIFE", "PHYSIOTHERAPIST", "ADOUL", "BOOKKEEPING_SMALL",
			"BOOKKEEPING_LARGE" };

	private final Employers employers;
	private final MemberEnrolment enrolment;
	private final PopulationRegister register;
	private final DeclarationImport declarations;
	private final ContributionCalls calls;
	private final Payments payments;
	private final MonthlyCalls monthly;
	private final SelfEmployedCategories categories;
	private final DirectDebits debits;
	private final Deadlines deadlines;
	private final Clock clock;
	private final DemoPopulation.Settings settings;
	private final JdbcClient jdbc;
	private final TransactionTemplate transaction;

	DemoContributions(Employers employers, MemberEnrolment enrolment, PopulationRegister register,
			DeclarationImport declarations, ContributionCalls calls, Payments payments, MonthlyCalls monthly,
			SelfEmployedCategories categories, DirectDebits debits, Deadlines deadlines, Clock clock,
			DemoPopulation.Settings settings, JdbcClient jdbc, PlatformTransactionManager transactions) {
		this.jdbc = jdbc;
		this.transaction = new TransactionTemplate(transactions);
		this.employers = employers;
		this.enrolment = enrolment;
		this.register = register;
		this.declarations = declarations;
		this.calls = calls;
		this.payments = payments;
		this.monthly = monthly;
		this.categories = categories;
		this.debits = debits;
		this.deadlines = deadlines;
		this.clock = clock;
		this.settings = settings;
	}

	@Override
	public void run(ApplicationArguments args) {
		if (!employers.search(null, 0, 1).content().isEmpty() || register.isEmpty()) {
			return;
		}
		long started = System.nanoTime();
		LocalDate today = LocalDate.now(clock);
		LocalDate month = today.withDayOfMonth(1).minusMonths(1);
		Random random = new Random(settings.seed());
		int declared = declareSalaries(month, today, random);
		List<Payments.Keyed> paid = new ArrayList<>();
		// The month's own calls fall due next month (the 10th): before that date most employers have paid already,
		// so the month's paid days exist whatever day of the month the demo loads.
		for (Call call : calls.dueBy(PayerKind.EMPLOYER, today.withDayOfMonth(today.lengthOfMonth()))) {
			pay(paid, call, random, today);
		}
		// The classifications and mandates, one per member, in one transaction: one commit instead of thousands.
		transaction.executeWithoutResult(tx -> {
			classifySelfEmployed(random);
			mandateAchamil(random);
		});
		monthly.issue(month);
		monthly.issue(today.withDayOfMonth(1));
		for (Call call : calls.dueBy(PayerKind.MEMBER, today)) {
			pay(paid, call, random, today);
		}
		for (Call call : calls.dueBy(PayerKind.STATE, today)) {
			pay(paid, call, random, today);
		}
		Payments.Statement statement = payments.recordStatement("DEMO", today, paid);
		Deadlines.Lapsed lapsed = deadlines.apply(today);
		refreshStatistics();
		log.info("Demo contributions: {} salaried lines declared for {}, {} payments, {} calls lapsed in {} s", declared,
				month, statement.payments(), lapsed.calls(), (System.nanoTime() - started) / 1_000_000_000);
	}

	/**
	 * The demo has just written every table in bulk, faster than autovacuum notices: without fresh planner statistics
	 * a demo just started answered eligibility at half its speed until autovacuum caught up. Done before the load
	 * returns, so that the platform is fast from its first request.
	 */
	private void refreshStatistics() {
		long started = System.nanoTime();
		jdbc.sql("analyze").update();
		log.info("Demo data: planner statistics refreshed in {} ms", (System.nanoTime() - started) / 1_000_000);
	}

	/** Affiliates the employers and imports one declaration file for the month. */
	private int declareSalaries(LocalDate month, LocalDate today, Random random) {
		List<MemberEnrolment.Enrolled> salaried = enrolment.enrolledOn(Regime.SALARIED_PRIVATE, month.plusMonths(1).minusDays(1));
		Map<String, Person> persons = new HashMap<>();
		for (Person p : register.persons(salaried.stream().map(e -> e.member().idcs()).toList())) {
			persons.put(p.idcs(), p);
		}
		StringBuilder file = new StringBuilder("affiliation_number;month;registration_number;days;gross_salary\n");
		Employer employer = null;
		int lines = 0;
		for (MemberEnrolment.Enrolled employee : salaried) {
			if (lines % EMPLOYEES_PER_EMPLOYER == 0) {
				Person first = persons.get(employee.member().idcs());
				employer = employers.affiliate(first.lastName() + " " + TRADES[random.nextInt(TRADES.length)] + " "
						+ FORMS[random.nextInt(FORMS.length)], "%015d".formatted(1_000_000_000L + lines),
						first.region(), first.commune(), month.minusYears(1 + random.nextInt(20)));
			}
			LocalDate start = employee.enrolment().startDate();
			int days = start.isAfter(month) ? Math.max(1, 26 - start.getDayOfMonth()) : 22 + random.nextInt(5);
			BigDecimal salary = BigDecimal.valueOf(3_400 + random.nextInt(60) * 150L + random.nextInt(100), 0)
				.add(BigDecimal.valueOf(random.nextInt(100), 2));
			file.append(employer.affiliationNumber()).append(';').append(month.toString(), 0, 7).append(';')
				.append(employee.member().registrationNumber()).append(';').append(days).append(';')
				.append(salary.toPlainString()).append('\n');
			lines++;
		}
		if (lines == 0) {
			return 0;
		}
		DeclarationImport.Result result = declarations.load("demo-declarations-" + month.toString().substring(0, 7) + ".csv",
				new ByteArrayInputStream(file.toString().getBytes(StandardCharsets.UTF_8)));
		if (!"ACCEPTED".equals(result.status())) {
			throw new IllegalStateException("demo declarations rejected: " + result.message() + " "
					+ declarations.rejections(result.id(), 5));
		}
		return lines;
	}

	/** Most calls are paid by their due date, some late, a few not at all. */
	private static void pay(List<Payments.Keyed> paid, Call call, Random random, LocalDate today) {
		double draw = random.nextDouble();
		if (draw < 0.04) {
			return;
		}
		LocalDate on = draw < 0.10 ? call.dueDate().plusDays(1 + random.nextInt(20))
				: call.dueDate().minusDays(random.nextInt(8));
		if (on.isAfter(today)) {
			on = today;
		}
		Payments.Means means = "ACHAMIL".equals(call.regime()) ? Payments.Means.DIRECT_DEBIT : Payments.Means.TRANSFER;
		paid.add(new Payments.Keyed("DEMO-" + call.id(), new Payments.Request(call.payerKind(), call.payer(),
				call.outstanding().amount(), on, means, "DEMO-" + call.id(), call.id())));
	}

	private void classifySelfEmployed(Random random) {
		for (MemberEnrolment.Enrolled member : enrolment.enrolledOn(Regime.SELF_EMPLOYED, LocalDate.now(clock))) {
			LocalDate since = member.enrolment().startDate().isBefore(LocalDate.of(2020, 1, 1)) ? LocalDate.of(2020, 1, 1)
					: member.enrolment().startDate();
			categories.classify(member.member().registrationNumber(), CATEGORIES[random.nextInt(CATEGORIES.length)],
					random.nextDouble() < 0.05, since);
		}
	}

	private void mandateAchamil(Random random) {
		for (MemberEnrolment.Enrolled member : enrolment.enrolledOn(Regime.ACHAMIL, LocalDate.now(clock))) {
			StringBuilder rib = new StringBuilder("0117800000");
			for (int i = 0; i < 14; i++) {
				rib.append(random.nextInt(10));
			}
			debits.mandate(member.member().registrationNumber(), rib.toString(), member.enrolment().startDate());
		}
	}
}
