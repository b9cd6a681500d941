package ma.amo.demo;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

import ma.amo.approvals.PriorApprovals;
import ma.amo.claims.Claim;
import ma.amo.claims.ClaimAdjudication;
import ma.amo.claims.ClaimSubmissions;
import ma.amo.claims.ClaimKind;
import ma.amo.claims.ClaimRequest;
import ma.amo.claims.ClaimStatus;
import ma.amo.enrolment.MemberEnrolment;
import ma.amo.enrolment.Regime;
import ma.amo.exemptions.Exemption;
import ma.amo.exemptions.Exemptions;
import ma.amo.payments.BankAccounts;
import ma.amo.payments.PayableClaims;
import ma.amo.payments.PaymentBatches;
import ma.amo.protocols.TherapeuticProtocols;
import ma.amo.population.Person;
import ma.amo.population.PopulationRegister;
import ma.amo.providers.ProviderDirectory;
import ma.amo.tariffs.MedicineReferentials;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * After the other demo runners, gives the demo a year of activity through the modules' own services: ALD exemptions
 * for some chronic patients, a year of claims submitted month by month and adjudicated by the claims module's queue,
 * some reviewed by the payer bodies' agents (confirmed or rejected) and some contested, the claims of each past month
 * paid in a batch per payer body, and prior approvals in every state, some consumed by the clinics' invoices. About
 * one claim per person ({@code amo.demo.claims-per-person}). Done once: when the platform already holds a claim, a
 * later start does nothing. Off with {@code amo.demo.activity=false}.
 */
@Component
@Order(6)
@ConditionalOnExpression("${amo.demo.enabled:false} and ${amo.demo.activity:true}")
class DemoActivity implements ApplicationRunner {

	private static final Logger log = LoggerFactory.getLogger(DemoActivity.class);
	private static final int[] CONDITIONS = { 9, 14, 6, 19, 26 };
	private static final int SUBMITTED_TOGETHER = 500;

	private final ClaimAdjudication claims;
	private final ClaimSubmissions submissions;
	private final Exemptions exemptions;
	private final PriorApprovals approvals;
	private final TherapeuticProtocols protocols;
	private final MedicineReferentials medicines;
	private final MemberEnrolment enrolment;
	private final PopulationRegister register;
	private final ProviderDirectory directory;
	private final DemoPopulation.Settings settings;
	private final Clock clock;
	private final DemoPayments payments;
	private final double claimsPerPerson;
	private final TransactionTemplate transaction;

	DemoActivity(ClaimAdjudication claims, ClaimSubmissions submissions, Exemptions exemptions, PriorApprovals approvals,
			TherapeuticProtocols protocols, MedicineReferentials medicines, MemberEnrolment enrolment, PopulationRegister register,
			ProviderDirectory directory, PaymentBatches batches, BankAccounts accounts, PayableClaims payable,
			PlatformTransactionManager transactions, DemoPopulation.Settings settings, Clock clock,
			@org.springframework.beans.factory.annotation.Value("${amo.demo.claims-per-person:1.0}") double claimsPerPerson) {
		this.claims = claims;
		this.submissions = submissions;
		this.exemptions = exemptions;
		this.approvals = approvals;
		this.protocols = protocols;
		this.medicines = medicines;
		this.enrolment = enrolment;
		this.register = register;
		this.directory = directory;
		this.settings = settings;
		this.clock = clock;
		this.claimsPerPerson = claimsPerPerson;
		this.transaction = new TransactionTemplate(transactions);
		this.payments = new DemoPayments(batches, accounts, payable, transaction);
	}

	@Override
	public void run(ApplicationArguments args) {
		if (claims.search(null, null, null, null, 0, 1).totalElements() > 0) {
			return;
		}
		long started = System.nanoTime();
		LocalDate today = LocalDate.now(clock);
		Random random = new Random(settings.seed() * 17 + 3);
		DemoProviders providers = new DemoProviders(directory, today);
		CareYear.Providers found = providers.load();
		if (found == null) {
			log.info("Demo activity skipped: the demo population or its providers are missing");
			return;
		}
		long phase = System.nanoTime();
		List<CareYear.Patient> patients = transaction.execute(tx -> patients(random, today));
		long patientsTook = System.nanoTime() - phase;
		if (patients.isEmpty()) {
			return;
		}
		long exempted = patients.stream().filter(p -> p.aldCode() != null).count();
		int count = (int) Math.max(100, Math.round(settings.persons() * claimsPerPerson));
		DemoProtocols.load(protocols);
		CareYear care = new CareYear(found, medicines(today), random, today);
		var year = care.draw(patients, count);
		care.addForDemoAccounts(year, demoMember(patients), demoClinic(), patients);
		phase = System.nanoTime();
		DemoApprovals approved = new DemoApprovals(approvals);
		List<ClaimRequest> invoices = approved.make(Math.max(10, (int) (settings.persons() / 400)),
				patients.stream().filter(p -> !"TADAMON".equals(p.regime())).map(CareYear.Patient::idcs).toList(),
				found.clinics().values().stream().flatMap(List::stream).toList(), demoClinic(), random, today);
		YearMonth current = YearMonth.from(today);
		year.computeIfAbsent(current, m -> new ArrayList<>()).addAll(invoices);
		long approvalsTook = System.nanoTime() - phase;
		long[] took = new long[4];
		int[] next = { 0 };
		int reviewed = 0;
		int contested = 0;
		for (var month : year.entrySet()) {
			Set<Long> ids = new HashSet<>();
			phase = System.nanoTime();
			List<ClaimRequest> requests = month.getValue();
			for (int from = 0; from < requests.size(); from += SUBMITTED_TOGETHER) {
				List<ClaimRequest> chunk = requests.subList(from, Math.min(requests.size(), from + SUBMITTED_TOGETHER));
				// The claims module's batched submission: each claim checked as alone, the chunk stored in one
				// transaction with one COPY per table, which is what the demo's start-up time is made of.
				List<ClaimSubmissions.Submission> batch = new ArrayList<>(chunk.size());
				for (ClaimRequest request : chunk) {
					String submitter = request.kind() == ClaimKind.PROVIDER_INVOICE
							? "si-" + request.establishmentInpe() : request.patientIdcs();
					batch.add(new ClaimSubmissions.Submission(submitter, "demo-claim-" + (++next[0]), request));
				}
				for (ClaimSubmissions.Outcome outcome : submissions.submitAll(batch)) {
					if (!outcome.accepted()) {
						throw outcome.refusal();
					}
					ids.add(outcome.claimId());
				}
			}
			took[0] += System.nanoTime() - phase;
			phase = System.nanoTime();
			while (claims.adjudicateReceived(10_000) > 0) {
				// The queue is emptied chunk by chunk, each chunk in one transaction with its claims' decisions.
			}
			took[1] += System.nanoTime() - phase;
			phase = System.nanoTime();
			// The month's reviews and contests in one transaction: one commit instead of one per decision.
			int[] done = transaction.execute(tx -> new int[] { review(ids, random), contest(ids, random) });
			reviewed += done[0];
			contested += done[1];
			took[2] += System.nanoTime() - phase;
			phase = System.nanoTime();
			if (month.getKey().isBefore(current)) {
				payments.pay("CNSS", month.getKey().atDay(1), today);
				payments.pay("CNOPS", month.getKey().atDay(1), today);
			}
			took[3] += System.nanoTime() - phase;
		}
		Map<ClaimStatus, Long> byStatus = new EnumMap<>(ClaimStatus.class);
		for (ClaimStatus status : ClaimStatus.values()) {
			byStatus.put(status, claims.search(status, null, null, null, 0, 1).totalElements());
		}
		log.info("Demo activity: {} claims over 12 months {}, {} reviewed by agents, {} contested; prior approvals {} ({} extended); "
				+ "{} payment batches; {} ALD exemptions; in {} s (patients and exemptions {} ms, approvals {} ms, "
				+ "submission {} ms, adjudication {} ms, reviews {} ms, payments {} ms)", next[0], byStatus, reviewed,
				contested, approved.byStatus(), approved.extended(), payments.made().size(), exempted,
				(System.nanoTime() - started) / 1_000_000_000, patientsTook / 1_000_000, approvalsTook / 1_000_000,
				took[0] / 1_000_000, took[1] / 1_000_000, took[2] / 1_000_000, took[3] / 1_000_000);
	}

	/** The insured person of the demo's {@code assure} account (the first member, as {@link DemoUsers} takes it). */
	private CareYear.Patient demoMember(List<CareYear.Patient> patients) {
		List<ma.amo.enrolment.Member> first = enrolment.members(0, 1);
		return first.isEmpty() ? null
				: patients.stream().filter(p -> p.idcs().equals(first.getFirst().idcs())).findFirst().orElse(null);
	}

	/** The clinic of the demo's {@code prestataire} account and system client (the first clinic, as in {@link DemoUsers}). */
	private String demoClinic() {
		var clinics = directory.search(new ProviderDirectory.EstablishmentQuery(null, null, "CLINIC", null, null, null), 0, 1)
			.content();
		return clinics.isEmpty() ? null : clinics.getFirst().inpe();
	}

	/** Agents decide some of the month's claims in review; the rest stay in their queue. */
	private int review(Set<Long> ids, Random random) {
		int done = 0;
		for (long id : inStatus(ClaimStatus.IN_REVIEW, ids)) {
			double draw = random.nextDouble();
			if (draw < 0.3) {
				continue;
			}
			Claim claim = claims.claim(id);
			String agent = "CNOPS".equals(claim.payerBody()) ? "agent.cnops" : "agent.cnss";
			if (draw < 0.85) {
				claims.review(id, agent, true, "Pièces justificatives vérifiées, décision confirmée");
			}
			else {
				claims.review(id, agent, false, "Prescription illisible et non conforme au dossier");
			}
			done++;
		}
		return done;
	}

	/** One refused claim in six of the month is contested by its submitter, and goes back to an agent. */
	private int contest(Set<Long> ids, Random random) {
		int done = 0;
		for (long id : inStatus(ClaimStatus.REJECTED, ids)) {
			if (random.nextInt(6) == 0) {
				Claim claim = claims.claim(id);
				claims.contest(id, claim.submitter(), "Les pièces manquantes sont jointes à la contestation");
				done++;
			}
		}
		return done;
	}

	private List<Long> inStatus(ClaimStatus status, Set<Long> ids) {
		List<Long> found = new ArrayList<>();
		for (int page = 0;; page++) {
			var content = claims.search(status, null, null, null, page, 200).content();
			content.stream().map(Claim.Summary::id).filter(ids::contains).forEach(found::add);
			if (content.size() < 200) {
				return found;
			}
		}
	}

	/**
	 * The members enrolled six months ago, with their regime and region; about one in seventy gets an ALD exemption
	 * granted two years ago by the medical reviewer.
	 */
	private List<CareYear.Patient> patients(Random random, LocalDate today) {
		List<CareYear.Patient> patients = new ArrayList<>();
		Map<String, Person> persons = new HashMap<>();
		for (Regime regime : Regime.values()) {
			for (MemberEnrolment.Enrolled enrolled : enrolment.enrolledOn(regime, today.minusMonths(6))) {
				String idcs = enrolled.member().idcs();
				Person person = persons.computeIfAbsent(idcs, i -> register.person(i).orElse(null));
				if (person == null) {
					continue;
				}
				Integer condition = null;
				String number = null;
				if (random.nextInt(70) == 0 && person.deathDate() == null) {
					condition = CONDITIONS[random.nextInt(CONDITIONS.length)];
					Exemption granted = exemptions.grant(idcs, condition, today.minusYears(2).minusDays(random.nextInt(200)),
							Acting.MEDICAL_REVIEWER.name());
					number = granted.number();
				}
				// Rights open after the longest waiting period (three months) and until the enrolment ends.
				patients.add(new CareYear.Patient(idcs, regime.name(), person.region(), condition, number,
						enrolled.enrolment().startDate().plusMonths(3), enrolled.enrolment().endDate()));
			}
		}
		return patients;
	}

	/** The medicines of the published referential, the sample one published first when none is. */
	private List<CareYear.Medicine> medicines(LocalDate today) {
		if (medicines.referentials().stream().noneMatch(r -> r.status().name().equals("PUBLISHED"))) {
			try (InputStream sample = DemoActivity.class.getResourceAsStream("/demo/medicines-referential-sample.csv")) {
				long id = medicines.propose(sample, false, "medicines-referential-sample.csv",
						today.minusYears(2).withDayOfYear(1), "agent.cnss").referential().id();
				medicines.decide(id, "agent.cnops", true);
			}
			catch (IOException e) {
				throw new UncheckedIOException(e);
			}
		}
		List<CareYear.Medicine> list = new ArrayList<>();
		try (InputStream in = DemoActivity.class.getResourceAsStream("/demo/medicines-referential-sample.csv")) {
			String[] lines = new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n");
			for (int i = 1; i < lines.length; i++) {
				String[] cells = lines[i].split(",");
				// Reimbursed medicines only (taux 70): the others would be refused line by line.
				if (cells.length == 12 && cells[0].matches("\\d{13}") && cells[6].matches("\\d+(\\.\\d{1,2})?")
						&& cells[10].strip().equals("70")) {
					list.add(new CareYear.Medicine(cells[0].strip(), cells[2].strip(), new BigDecimal(cells[6].strip())));
				}
			}
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
		return list;
	}
}
