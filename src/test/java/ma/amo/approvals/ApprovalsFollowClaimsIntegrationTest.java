package ma.amo.approvals;

import static ma.amo.support.People.cin;
import static ma.amo.support.People.idcs;
import static ma.amo.support.People.rnp;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.UUID;

import ma.amo.claims.ClaimAdjudication;
import ma.amo.claims.ClaimDecided;
import ma.amo.claims.ClaimStatus;
import ma.amo.population.PopulationImports;
import ma.amo.providers.Profession;
import ma.amo.providers.ProviderDirectory;
import ma.amo.providers.Sector;
import ma.amo.support.Api;
import ma.amo.support.IntegrationTest;
import ma.amo.support.Registers;
import ma.amo.support.Users;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.IncompleteEventPublications;
import org.springframework.modulith.test.EnableScenarios;
import org.springframework.modulith.test.Scenario;
import tools.jackson.databind.JsonNode;

/**
 * A reviewer's decisions are published for the other modules, and approvals follow the invoices that used them: an
 * invoice rejected in the end gives back what it used. Amounts from the 2006 tariff, CNSS 70 % in a private clinic:
 * appendicectomy K 70 × 22.50 = 1,575.00, covered 1,102.50.
 */
@IntegrationTest
@EnableScenarios
class ApprovalsFollowClaimsIntegrationTest {

	static final String APPENDICECTOMY = "{\"actCode\":\"APPENDICECTOMIE\",\"billed\":2500.00}";

	@Autowired
	PopulationImports imports;

	@Autowired
	ProviderDirectory directory;

	@Autowired
	PriorApprovals approvals;

	@Autowired
	ClaimAdjudication claims;

	@Autowired
	Clock clock;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	IncompleteEventPublications incomplete;

	@LocalServerPort
	int port;

	Api administrator;
	Api reviewer;
	Api establishment;
	String clinic;
	String surgeon;
	LocalDate today;

	@BeforeEach
	void setUp() {
		administrator = new Api(port);
		administrator.post("/api/v1/parameters/claims.review.sample-percent", "{\"effectiveFrom\":\"2026-01-01\",\"value\":\"0\"}");
		reviewer = Users.medicalReviewer(administrator);
		clinic = directory.register(new ProviderDirectory.NewEstablishment("Clinique Agdal " + UUID.randomUUID(), "CLINIC",
				Sector.PRIVATE, "Rabat-Salé-Kénitra", "Rabat", "Rabat (Mun.)"), LocalDate.of(2020, 1, 1)).provider().inpe();
		directory.convention(clinic, "CNSS", LocalDate.of(2025, 1, 1), null);
		surgeon = directory.register(new ProviderDirectory.NewProfessional("Chraibi", "Hind", Profession.SPECIALIST,
				"Chirurgie générale", "Rabat-Salé-Kénitra", "Rabat", "Rabat (Mun.)"), LocalDate.of(2020, 1, 1)).inpe();
		establishment = Users.as(administrator, "PROVIDER", null, clinic, null);
		today = LocalDate.now(clock);
	}

	String insured() {
		String idcs = idcs();
		Registers.persons(imports, rnp(idcs, cin(), "Bennis", "Amal", LocalDate.of(1983, 4, 21), 'F'));
		assertThat(administrator.post("/api/v1/enrolments", "{\"idcs\":\"%s\",\"regime\":\"SALARIED_PRIVATE\",\"startDate\":\"2024-01-01\",\"waitingWaived\":true}"
			.formatted(idcs)).status()).isEqualTo(201);
		return idcs;
	}

	/** A hospital stay asked by the clinic, pending a reviewer's decision. */
	String pending(String idcs) {
		Api.Response asked = establishment.post("/api/v1/prior-approvals", """
				{"patientIdcs":"%s","establishmentInpe":"%s","careType":"HOSPITAL_STAY","expectedStart":"%s",
				 "stayDays":2,"lines":[%s],"medicalNote":"Appendicite aiguë"}"""
			.formatted(idcs, clinic, today.minusDays(5), APPENDICECTOMY), "Idempotency-Key", UUID.randomUUID().toString());
		assertThat(asked.status()).as(asked.raw()).isEqualTo(201);
		return asked.body().get("reference").asText();
	}

	Approval.Grant grant(String amount) {
		return new Approval.Grant(new BigDecimal(amount), today.minusDays(10), today.plusDays(20), null);
	}

	BigDecimal amountUsed(String reference) {
		return approval(reference).get("amountUsed").get("amount").decimalValue();
	}

	JsonNode approval(String reference) {
		return reviewer.get("/api/v1/prior-approvals/" + reference).body();
	}

	/** The claim's decisions stored for the approvals module, finished or not. */
	long publications(long claim) {
		return jdbc.sql("""
				select count(*) from event_publication where event_type = ? and listener_id like '%ClaimsFollowed%'
				  and serialized_event::jsonb ->> 'claimId' = ?""")
			.params(ClaimDecided.class.getName(), Long.toString(claim)).query(Long.class).single();
	}

	/** The claim's decisions the approvals module has not finished following. */
	long unfinished(long claim) {
		return jdbc.sql("""
				select count(*) from event_publication where completion_date is null and event_type = ?
				  and listener_id like '%ClaimsFollowed%' and serialized_event::jsonb ->> 'claimId' = ?""")
			.params(ClaimDecided.class.getName(), Long.toString(claim)).query(Long.class).single();
	}

	@Test
	void aReviewersApprovalAndItsExtensionAreToldToTheOtherModules(Scenario scenario) {
		String idcs = insured();
		String reference = pending(idcs);

		scenario.stimulate(() -> approvals.decide(reference, new PriorApprovals.Decision(PriorApprovals.Verdict.APPROVED,
				grant("1102.50"), null)))
			.andWaitForEventOfType(ApprovalDecided.class)
			.matching(decided -> decided.reference().equals(reference))
			.toArriveAndVerify(decided -> {
				assertThat(decided.status()).isEqualTo(ApprovalStatus.APPROVED);
				assertThat(decided.patientIdcs()).isEqualTo(idcs);
				assertThat(decided.establishmentInpe()).isEqualTo(clinic);
				assertThat(decided.careType()).isEqualTo(CareType.HOSPITAL_STAY);
				assertThat(decided.amount().amount()).isEqualByComparingTo("1102.50");
				assertThat(decided.validUntil()).isEqualTo(today.plusDays(20));
			});

		scenario.stimulate(() -> approvals.extend(reference, new Approval.Grant(new BigDecimal("200.00"), null,
				today.plusDays(40), null), "Séjour prolongé de deux jours"))
			.andWaitForEventOfType(ApprovalExtended.class)
			.matching(extended -> extended.reference().equals(reference))
			.toArriveAndVerify(extended -> {
				assertThat(extended.validUntil()).isEqualTo(today.plusDays(40));
				assertThat(extended.amount().amount()).isEqualByComparingTo("1302.50");
			});
	}

	@Test
	void aRejectionIsToldWithoutAGrant(Scenario scenario) {
		String reference = pending(insured());
		scenario.stimulate(() -> approvals.decide(reference, new PriorApprovals.Decision(PriorApprovals.Verdict.REJECTED,
				null, "Indication non justifiée")))
			.andWaitForEventOfType(ApprovalDecided.class)
			.matching(decided -> decided.reference().equals(reference))
			.toArriveAndVerify(decided -> {
				assertThat(decided.status()).isEqualTo(ApprovalStatus.REJECTED);
				assertThat(decided.amount()).isNull();
			});
	}

	/** An invoice of the stay citing the approval, accepted and using 1,102.50 DH of it. */
	long invoiceUsing(String idcs, String reference) {
		Api.Response filed = administrator.post("/api/v1/claims?adjudicate=true", """
				{"kind":"PROVIDER_INVOICE","patientIdcs":"%s","careDate":"%s","filedOn":"%s","executingInpe":"%s",
				 "establishmentInpe":"%s","priorApproval":"%s","lines":[%s]}"""
			.formatted(idcs, today.minusDays(2), today, surgeon, clinic, reference, APPENDICECTOMY), "Idempotency-Key",
				UUID.randomUUID().toString(), "Submitter", "clinique");
		assertThat(filed.status()).as(filed.raw()).isEqualTo(201);
		assertThat(filed.body().get("status").asText()).isEqualTo("APPROVED");
		assertThat(amountUsed(reference)).isEqualByComparingTo("1102.50");
		long invoice = filed.body().get("id").asLong();
		// An approved invoice is nothing for the approvals module: no publication is stored for it.
		assertThat(publications(invoice)).isZero();
		return invoice;
	}

	@Test
	void anInvoiceRejectedByTheAgentAfterAContestGivesBackWhatItUsedOfTheApproval(Scenario scenario) {
		String idcs = insured();
		String reference = pending(idcs);
		approvals.decide(reference, new PriorApprovals.Decision(PriorApprovals.Verdict.APPROVED, grant("1102.50"), null));
		long invoice = invoiceUsing(idcs, reference);

		claims.contest(invoice, "assure", "Le séjour n'a pas eu lieu dans cette clinique");
		scenario.stimulate(() -> claims.review(invoice, "agent-cnss", false, "Séjour non réalisé"))
			.andWaitForStateChange(() -> amountUsed(reference), used -> used.signum() == 0)
			.andVerify(used -> {
				assertThat(publications(invoice)).isEqualTo(1);
				JsonNode released = approval(reference);
				assertThat(released.findValuesAsString("action")).endsWith("RELEASE");
				assertThat(released.get("history").get(released.get("history").size() - 1).get("comment").asText())
					.isEqualTo("Facture n° " + invoice + " rejetée: 1102.50 DH rendus à l'accord");
			});

		// Delivered again, the rejection gives nothing back twice.
		scenario.publish(new ClaimDecided(invoice, ClaimStatus.REJECTED, "CNSS", null, null, reference))
			.andWaitForStateChange(() -> unfinished(invoice), n -> n == 0)
			.andVerify(n -> {
				assertThat(amountUsed(reference)).isEqualByComparingTo("0.00");
				assertThat(approval(reference).findValuesAsString("action").stream().filter("RELEASE"::equals)).hasSize(1);
			});
	}

	@Test
	void aRejectionWhoseListenerFailedAfterTheCommitIsDeliveredAgainAndGivesBackTheApprovalOnce(Scenario scenario) {
		String idcs = insured();
		String reference = pending(idcs);
		approvals.decide(reference, new PriorApprovals.Decision(PriorApprovals.Verdict.APPROVED, grant("1102.50"), null));
		long invoice = invoiceUsing(idcs, reference);
		claims.contest(invoice, "assure", "Facture en double d'un séjour déjà payé");
		// The approvals module cannot write what the invoice used, as when the platform stops between the rejection's
		// commit and the listener: the rejection is committed, its event stays in the registry, unfinished.
		jdbc.sql("""
				create or replace function approvals_unreachable() returns trigger language plpgsql as $$
				begin
				  if old.claim_id = %d then
				    raise exception 'approvals module interrupted';
				  end if;
				  return old;
				end $$""".formatted(invoice)).update();
		jdbc.sql("create trigger approvals_unreachable before delete on prior_approval_use for each row "
				+ "execute function approvals_unreachable()").update();
		try {
			scenario.stimulate(() -> claims.review(invoice, "agent-cnss", false, "Facture en double"))
				.andWaitForStateChange(() -> jdbc.sql("""
						select count(*) from event_publication where status = 'FAILED' and event_type = ?
						  and serialized_event::jsonb ->> 'claimId' = ?""")
					.params(ClaimDecided.class.getName(), Long.toString(invoice)).query(Long.class).single(), n -> n > 0)
				.andVerify(failed -> {
					assertThat(unfinished(invoice)).isEqualTo(1);
					assertThat(amountUsed(reference)).isEqualByComparingTo("1102.50");
				});
		}
		finally {
			jdbc.sql("drop trigger approvals_unreachable on prior_approval_use").update();
			jdbc.sql("drop function approvals_unreachable()").update();
		}

		// At the next start (or on an operator's request) the unfinished publications are delivered again.
		incomplete.resubmitIncompletePublications(p -> p.getEvent() instanceof ClaimDecided decided
				&& decided.claimId() == invoice);
		await().atMost(Duration.ofSeconds(10)).until(() -> unfinished(invoice) == 0);
		assertThat(amountUsed(reference)).isEqualByComparingTo("0.00");
		assertThat(approval(reference).findValuesAsString("action").stream().filter("RELEASE"::equals)).hasSize(1);
	}
}
