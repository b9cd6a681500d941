package ma.amo.payments;

import static ma.amo.support.People.cin;
import static ma.amo.support.People.idcs;
import static ma.amo.support.People.rnp;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;

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
import org.springframework.modulith.events.IncompleteEventPublications;
import org.springframework.modulith.test.EnableScenarios;
import org.springframework.modulith.test.Scenario;

/**
 * Payments tells that a batch exists; the claims module marks its claims paid, once, even when the event has to be
 * delivered again because the listener failed or the platform stopped between the batch's commit and the listener.
 */
@IntegrationTest
@EnableScenarios
class ClaimsPaidByEventIntegrationTest {

	@Autowired
	java.time.Clock clock;

	@Autowired
	PopulationImports imports;

	@Autowired
	ProviderDirectory directory;

	@Autowired
	PaymentBatches batches;

	@Autowired
	IncompleteEventPublications incomplete;

	@Autowired
	JdbcClient jdbc;

	@LocalServerPort
	int port;

	Api api;
	String gp;

	@BeforeEach
	void client() {
		api = new Api(port);
		api.post("/api/v1/parameters/claims.review.sample-percent", "{\"effectiveFrom\":\"2025-01-01\",\"value\":\"0\"}");
		gp = directory.register(new ProviderDirectory.NewProfessional("Tazi", "Nadia", Profession.GENERAL_PRACTITIONER,
				null, "Rabat-Salé-Kénitra", "Rabat", "Rabat (Mun.)"), LocalDate.of(2020, 1, 1)).inpe();
	}

	/** Two approved consultations of a salaried member, CNSS's to pay. */
	List<Long> approvedClaims() {
		String member = idcs();
		Registers.persons(imports, rnp(member, cin(), "Idrissi", "Youssef", LocalDate.of(1979, 5, 12), 'M'));
		assertThat(api.post("/api/v1/enrolments",
				"{\"idcs\":\"%s\",\"regime\":\"SALARIED_PRIVATE\",\"startDate\":\"2024-01-01\",\"waitingWaived\":true}"
					.formatted(member)).status()).isEqualTo(201);
		ma.amo.support.Payees.account(api, "MEMBER", member);
		return List.of(consultation(member, "2025-11-03"), consultation(member, "2025-11-10"));
	}

	long consultation(String patient, String careDate) {
		Api.Response response = api.post("/api/v1/claims?adjudicate=true", """
				{"kind":"MEMBER_REIMBURSEMENT","patientIdcs":"%s","careDate":"%s","filedOn":"%s","executingInpe":"%s",
				 "lines":[{"actCode":"C","billed":80}]}""".formatted(patient, careDate, careDate, gp),
				"Idempotency-Key", UUID.randomUUID().toString());
		assertThat(response.status()).as(response.raw()).isEqualTo(201);
		assertThat(response.body().get("status").asText()).isEqualTo("APPROVED");
		return response.body().get("id").asLong();
	}

	List<String> statuses(List<Long> claims) {
		return jdbc.sql("select status from claim where id = any(?) order by id").param(claims.toArray(Long[]::new))
			.query(String.class).list();
	}

	/** How many PAID steps each claim's history holds, and in how many batches each claim is. */
	String paidSteps(List<Long> claims) {
		return claims.stream().map(id -> jdbc.sql("""
				select (select count(*) from claim_event where claim_id = ? and status = 'PAID') || '/'
				  || (select count(*) from payment_batch_claim where claim_id = ?)""").params(id, id)
			.query(String.class).single()).collect(Collectors.joining(" "));
	}

	long unfinished(long batch) {
		return jdbc.sql("""
				select count(*) from event_publication where completion_date is null
				  and event_type = ? and serialized_event::jsonb ->> 'batchId' = ?""")
			.params(PaymentBatchApproved.class.getName(), Long.toString(batch)).query(Long.class).single();
	}

	/** A second finance account approves the prepared batch: that is when its claims are paid. */
	PaymentBatch approved(PaymentBatch prepared) {
		return batches.approve(prepared.id(), "controle").batch();
	}

	@Test
	void anApprovedBatchPublishesItsClaimsAndTheClaimsModuleMarksThemPaidOnceEvenWhenTheEventComesAgain(Scenario scenario) {
		List<Long> claims = approvedClaims();

		AtomicReference<PaymentBatch> made = new AtomicReference<>();
		scenario.stimulate(() -> approved(batches.create("tresorerie", "lot-" + UUID.randomUUID(), "CNSS", LocalDate.now(clock))
			.batch()))
			.andWaitForStateChange(() -> statuses(claims), s -> s.stream().allMatch("PAID"::equals))
			.andVerify((paid, created) -> made.set(created));
		PaymentBatch batch = made.get();
		assertThat(paidSteps(claims)).isEqualTo("1/1 1/1");
		assertThat(unfinished(batch.id())).isZero();

		// The registry may deliver the same fact again: nothing changes.
		scenario.publish(new PaymentBatchApproved(batch.id(), batch.reference(), "controle", claims, batch.approvedAt()))
			.andWaitForStateChange(() -> unfinished(batch.id()), n -> n == 0)
			.andVerify(n -> assertThat(paidSteps(claims)).isEqualTo("1/1 1/1"));
	}

	@Test
	void anApprovalWhoseListenerFailedAfterTheCommitIsDeliveredAgainAndItsClaimsArePaidOnce(Scenario scenario) {
		List<Long> claims = approvedClaims();
		String ids = claims.stream().map(String::valueOf).collect(Collectors.joining(","));
		// The claims module cannot write these claims, as when the platform stops between the batch's commit and the
		// listener: the batch is committed, its event stays in the registry, unfinished.
		jdbc.sql("""
				create or replace function claims_unreachable() returns trigger language plpgsql as $$
				begin
				  if new.id in (%s) and new.status = 'PAID' then
				    raise exception 'claims module interrupted';
				  end if;
				  return new;
				end $$""".formatted(ids)).update();
		jdbc.sql("create trigger claims_unreachable before update on claim for each row execute function claims_unreachable()")
			.update();
		AtomicReference<PaymentBatch> made = new AtomicReference<>();
		try {
			scenario.stimulate(() -> approved(batches.create("tresorerie", "lot-" + UUID.randomUUID(), "CNSS", LocalDate.now(clock))
				.batch()))
				.andWaitForStateChange(() -> jdbc.sql("""
						select count(*) from event_publication where status = 'FAILED'
						  and serialized_event::jsonb -> 'claimIds' @> ?::jsonb""").param("[" + ids + "]")
					.query(Long.class).single(), n -> n > 0)
				.andVerify((failed, created) -> made.set(created));
			PaymentBatch batch = made.get();
			assertThat(statuses(claims)).containsOnly("APPROVED");
			assertThat(unfinished(batch.id())).isEqualTo(1);
			assertThat(paidSteps(claims)).isEqualTo("0/1 0/1");
			// Another batch made meanwhile does not take them again.
			assertThat(jdbc.sql("select count(*) from payment_batch_claim where claim_id = any(?)")
				.param(claims.toArray(Long[]::new)).query(Long.class).single()).isEqualTo(2);
		}
		finally {
			jdbc.sql("drop trigger claims_unreachable on claim").update();
			jdbc.sql("drop function claims_unreachable()").update();
		}

		PaymentBatch batch = made.get();
		// At the next start (or on an operator's request) the unfinished publications are delivered again.
		incomplete.resubmitIncompletePublications(p -> p.getEvent() instanceof PaymentBatchApproved created
				&& created.batchId() == batch.id());
		org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(10))
			.until(() -> unfinished(batch.id()) == 0 && statuses(claims).stream().allMatch("PAID"::equals));
		assertThat(paidSteps(claims)).isEqualTo("1/1 1/1");
		List<String> history = api.get("/api/v1/claims/" + claims.getFirst() + "/history").body().findValuesAsString("comment");
		assertThat(history).contains("Lot de paiement " + batch.reference());
	}
}
