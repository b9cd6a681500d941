package ma.amo;

import static ma.amo.support.People.cin;
import static ma.amo.support.People.idcs;
import static ma.amo.support.People.rnp;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Function;

import ma.amo.population.PopulationImports;
import ma.amo.providers.Profession;
import ma.amo.providers.ProviderDirectory;
import ma.amo.support.Api;
import ma.amo.support.IntegrationTest;
import ma.amo.support.Registers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Twenty submissions under one idempotency key sent at the same instant: one is stored and answered 201, the
 * nineteen others answer 200 with that same result, none fails, all are answered within seconds, and meanwhile
 * another client is served at once.
 */
@IntegrationTest
class IdempotentRacesIntegrationTest {

	private static final int PARALLEL = 20;
	private static final Duration QUICKLY = Duration.ofSeconds(10);

	@Autowired
	PopulationImports imports;

	@Autowired
	ProviderDirectory directory;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Clock clock;

	@LocalServerPort
	int port;

	Api api;
	LocalDate today;

	@BeforeEach
	void client() {
		api = new Api(port);
		today = LocalDate.now(clock);
		api.post("/api/v1/parameters/claims.review.sample-percent", "{\"effectiveFrom\":\"2025-01-01\",\"value\":\"0\"}");
	}

	String insured(String regime) {
		String idcs = idcs();
		Registers.persons(imports, rnp(idcs, cin(), "Chraibi", "Salma", LocalDate.of(1988, 4, 12), 'F'));
		assertThat(api.post("/api/v1/enrolments", "{\"idcs\":\"%s\",\"regime\":\"%s\",\"startDate\":\"2024-01-01\",\"waitingWaived\":true}"
			.formatted(idcs, regime)).status()).isEqualTo(201);
		return idcs;
	}

	String doctor() {
		return directory.register(new ProviderDirectory.NewProfessional("Fassi", "Mehdi", Profession.GENERAL_PRACTITIONER,
				null, "Marrakech-Safi", "Marrakech", "Marrakech (Mun.)"), LocalDate.of(2020, 1, 1)).inpe();
	}

	String claim(String patient, String doctor) {
		String day = today.minusDays(10).toString();
		return """
				{"kind":"MEMBER_REIMBURSEMENT","patientIdcs":"%s","careDate":"%s","filedOn":"%s","executingInpe":"%s",
				 "lines":[{"actCode":"C","billed":80}]}""".formatted(patient, day, day, doctor);
	}

	/** The answers of {@link #PARALLEL} calls released together; fails when they take longer than {@link #QUICKLY}. */
	List<Api.Response> race(Function<Integer, Api.Response> call) throws Exception {
		CountDownLatch start = new CountDownLatch(1);
		List<Future<Api.Response>> answers = new ArrayList<>();
		long began;
		try (ExecutorService threads = Executors.newFixedThreadPool(PARALLEL)) {
			for (int i = 0; i < PARALLEL; i++) {
				int n = i;
				answers.add(threads.submit(() -> {
					start.await();
					return call.apply(n);
				}));
			}
			began = System.nanoTime();
			start.countDown();
			long asked = System.nanoTime();
			assertThat(api.get("/api/v1/parameters").status()).isEqualTo(200);
			assertThat(Duration.ofNanos(System.nanoTime() - asked)).isLessThan(Duration.ofSeconds(3));
		}
		assertThat(Duration.ofNanos(System.nanoTime() - began)).isLessThan(QUICKLY);
		List<Api.Response> responses = new ArrayList<>();
		for (Future<Api.Response> answer : answers) {
			responses.add(answer.get());
		}
		return responses;
	}

	/** One 201, every other 200, all with the same result. */
	static void oneCreatedAndTheSameAnswerToAll(List<Api.Response> responses, String id) {
		assertThat(responses).allSatisfy(r -> assertThat(r.status()).as(r.raw()).isIn(200, 201));
		assertThat(responses.stream().filter(r -> r.status() == 201)).hasSize(1);
		assertThat(responses.stream().map(r -> r.body().get(id).asText()).distinct()).hasSize(1);
	}

	@Test
	void twentyParallelClaimsUnderOneKeyStoreOneClaimAndAnswerItToAll() throws Exception {
		String body = claim(insured("SALARIED_PRIVATE"), doctor());
		String key = UUID.randomUUID().toString();
		List<Api.Response> responses = race(n -> api.post("/api/v1/claims", body, "Idempotency-Key", key));
		oneCreatedAndTheSameAnswerToAll(responses, "id");
		assertThat(jdbc.sql("select count(*) from claim where idempotency_key = ?").param(key).query(Long.class).single())
			.isEqualTo(1);
	}

	@Test
	void twentyParallelContributionPaymentsUnderOneKeyRecordOnePaymentAndAnswerItToAll() throws Exception {
		String ice = String.valueOf(ThreadLocalRandom.current().nextLong(100_000_000_000_000L, 999_999_999_999_999L));
		Api.Response employer = api.post("/api/v1/employers", """
				{"name":"Tannerie de Fès","ice":"%s","region":"Fès-Meknès","commune":"Fès (Mun.)","affiliatedOn":"2015-03-01"}"""
			.formatted(ice));
		assertThat(employer.status()).as(employer.raw()).isEqualTo(201);
		String body = """
				{"payerKind":"EMPLOYER","payer":"%s","amount":1200.50,"paidOn":"%s","means":"TRANSFER","reference":"VIR-77"}"""
			.formatted(employer.body().get("affiliationNumber").asText(), today.minusDays(1));
		String key = UUID.randomUUID().toString();
		List<Api.Response> responses = race(n -> api.post("/api/v1/contributions/payments", body, "Idempotency-Key", key));
		oneCreatedAndTheSameAnswerToAll(responses, "id");
		assertThat(jdbc.sql("select count(*) from payment where idempotency_key = ?").param(key).query(Long.class).single())
			.isEqualTo(1);
	}

	@Test
	void twentyParallelPaymentBatchesUnderOneKeyCreateOneBatchAndAnswerItToAll() throws Exception {
		String servant = insured("PUBLIC_SECTOR");
		ma.amo.support.Payees.account(api, "MEMBER", servant);
		Api.Response claim = api.post("/api/v1/claims?adjudicate=true", claim(servant, doctor()), "Idempotency-Key",
				UUID.randomUUID().toString());
		assertThat(claim.status()).as(claim.raw()).isEqualTo(201);
		assertThat(claim.body().get("status").asText()).isEqualTo("APPROVED");
		String key = "lot-" + UUID.randomUUID();
		List<Api.Response> responses = race(n -> api.post("/api/v1/payment-batches",
				"{\"payerBody\":\"CNOPS\",\"cutOff\":\"%s\"}".formatted(today), "Idempotency-Key", key));
		oneCreatedAndTheSameAnswerToAll(responses, "id");
		assertThat(jdbc.sql("select count(*) from payment_batch where idempotency_key = ?").param(key).query(Long.class)
			.single()).isEqualTo(1);
	}

	@Test
	void twentyParallelComplaintsUnderOneKeyFileOneComplaintAndAnswerItToAll() throws Exception {
		String body = """
				{"complainantKind":"INSURED","complainantId":"%s","category":"REIMBURSEMENT_DELAY",
				 "subject":"Remboursement en attente","description":"Feuille de soins déposée il y a deux mois."}"""
			.formatted(insured("SALARIED_PRIVATE"));
		String key = UUID.randomUUID().toString();
		List<Api.Response> responses = race(n -> api.post("/api/v1/complaints", body, "Idempotency-Key", key));
		oneCreatedAndTheSameAnswerToAll(responses, "id");
		assertThat(jdbc.sql("select count(*) from complaint where idempotency_key = ?").param(key).query(Long.class)
			.single()).isEqualTo(1);
	}
}
