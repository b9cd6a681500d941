package ma.amo.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.DefaultApplicationArguments;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;

@SpringBootTest(properties = { "amo.demo.enabled=true", "amo.demo.activity=true", "amo.demo.persons=1500",
		"amo.demo.private-sector-share=0.02", "amo.embedded-postgres.data-directory=target/test-postgres-demo-activity",
		"amo.embedded-postgres.clean=true" })
@ActiveProfiles("test")
class DemoActivityIntegrationTest {

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Clock clock;

	@Autowired
	DemoActivity activity;

	@Test
	void theFirstStartGivesTheDemoAYearOfClaimsInEveryStatus() throws InterruptedException {
		LocalDate today = LocalDate.now(clock);
		awaitPaid();
		List<String> statuses = jdbc.sql("select distinct status from claim").query(String.class).list();
		assertThat(statuses).contains("APPROVED", "PARTIALLY_APPROVED", "REJECTED", "IN_REVIEW", "PAID");
		List<LocalDate> months = jdbc.sql("select distinct date_trunc('month', care_date)::date from claim order by 1")
			.query(LocalDate.class).list();
		assertThat(months).hasSizeGreaterThanOrEqualTo(12);
		assertThat(jdbc.sql("select min(care_date) from claim").query(LocalDate.class).single())
			.isAfterOrEqualTo(today.minusDays(365));
		assertThat(jdbc.sql("select count(*) from claim where filed_on > ?").param(today).query(Long.class).single()).isZero();
		assertThat(jdbc.sql("select distinct kind from claim").query(String.class).list())
			.containsExactlyInAnyOrder("MEMBER_REIMBURSEMENT", "PROVIDER_INVOICE");
		assertThat(jdbc.sql("select distinct regime from claim where regime is not null").query(String.class).list())
			.contains("SALARIED_PRIVATE", "SELF_EMPLOYED", "TADAMON");
		assertThat(jdbc.sql("select count(*) from claim c join establishment e on e.inpe = c.establishment_inpe "
				+ "where e.sector = 'PUBLIC' and c.regime = 'TADAMON'").query(Long.class).single()).isPositive();
	}

	@Test
	void bothPayerBodiesHaveClaimsAndMostCareIsCovered() {
		assertThat(jdbc.sql("select distinct payer_body from claim where payer_body is not null").query(String.class).list())
			.containsExactlyInAnyOrder("CNSS", "CNOPS");
		long all = jdbc.sql("select count(*) from claim").query(Long.class).single();
		long refused = jdbc.sql("select count(*) from claim where status = 'REJECTED'").query(Long.class).single();
		// Refusals show each rule at work (late filing, rights not open, biology without a tariff value), as a minority.
		assertThat(refused).isPositive().isLessThan(all / 8);
	}

	@Test
	void theDemoAccountsOfTheClinicAndTheInsuredPersonHaveAYearToShow() throws InterruptedException {
		awaitPaid();
		String clinic = jdbc.sql("select inpe from platform_user where username = 'prestataire'").query(String.class).single();
		assertThat(jdbc.sql("select count(distinct date_trunc('month', care_date)) from claim where establishment_inpe = ? "
				+ "and kind = 'PROVIDER_INVOICE' and status = 'PAID'").param(clinic).query(Long.class).single())
			.isGreaterThanOrEqualTo(6);
		String insured = jdbc.sql("select idcs from platform_user where username = 'assure'").query(String.class).single();
		assertThat(jdbc.sql("select count(*) from claim where patient_idcs = ?").param(insured).query(Long.class).single())
			.isGreaterThanOrEqualTo(6);
	}

	@Test
	void refusedClaimsShowTheirReasonsLateFilingAndRightsClosed() {
		List<String> codes = jdbc.sql("select distinct code from claim_line_reason").query(String.class).list();
		assertThat(codes).contains("LATE_FILING", "RIGHTS_NOT_OPEN");
	}

	@Test
	void agentsReviewedSomeClaimsAndMembersContestedSome() {
		assertThat(jdbc.sql("select count(*) from claim_event where actor in ('agent.cnss', 'agent.cnops')")
			.query(Long.class).single()).isPositive();
		// A contest is the step back to review taken by the claim's submitter, after its decision.
		assertThat(jdbc.sql("select count(*) from claim_event e join claim c on c.id = e.claim_id "
				+ "where e.status = 'IN_REVIEW' and e.actor = c.submitter").query(Long.class).single()).isPositive();
	}

	@Test
	void eachPastMonthIsPaidInABatchToAccountsRecordedForItsPayees() throws InterruptedException {
		awaitPaid();
		long batches = jdbc.sql("select count(*) from payment_batch").query(Long.class).single();
		assertThat(batches).isGreaterThanOrEqualTo(12);
		assertThat(jdbc.sql("select count(*) from payment_batch_hold").query(Long.class).single()).isZero();
		YearMonth current = YearMonth.from(LocalDate.now(clock));
		long decided = jdbc.sql("""
				select count(*) from claim c where c.status in ('APPROVED', 'PARTIALLY_APPROVED', 'PAID') and c.care_date < ?
				  and c.covered > 0""").param(current.atDay(1)).query(Long.class).single();
		// A batch skips the claims another transaction holds at that moment: those few wait for the next batch.
		long unpaid = jdbc.sql("""
				select count(*) from claim c where c.status in ('APPROVED', 'PARTIALLY_APPROVED') and c.care_date < ?
				  and c.covered > 0 and not exists (select 1 from payment_batch_claim p where p.claim_id = c.id)""")
			.param(current.atDay(1)).query(Long.class).single();
		assertThat(unpaid).isLessThanOrEqualTo(decided / 100);
		assertThat(jdbc.sql("select count(distinct date_trunc('month', c.care_date)) from claim c "
				+ "join payment_batch_claim p on p.claim_id = c.id").query(Long.class).single()).isGreaterThanOrEqualTo(12);
	}

	@Test
	void priorApprovalsAreInEveryStateAndSomeAreConsumedByAnInvoice() {
		assertThat(jdbc.sql("select distinct status from prior_approval").query(String.class).list())
			.contains("PENDING", "MORE_INFORMATION_REQUESTED", "APPROVED", "REJECTED");
		assertThat(jdbc.sql("select count(*) from prior_approval_step where action = 'EXTEND'").query(Long.class).single())
			.isPositive();
		assertThat(jdbc.sql("select count(*) from prior_approval_use").query(Long.class).single()).isPositive();
		// The demo provider account's clinic has requests in every state to list on its page.
		String clinic = jdbc.sql("select inpe from platform_user where username = 'prestataire'").query(String.class).single();
		assertThat(jdbc.sql("select distinct status from prior_approval where establishment_inpe = ?").param(clinic)
			.query(String.class).list()).contains("PENDING", "MORE_INFORMATION_REQUESTED", "APPROVED", "REJECTED");
	}

	@Test
	void someChronicPatientsHaveAnExemptionAndTheirCareIsPaidAtTheExemptedRate() {
		assertThat(jdbc.sql("select count(*) from ald_exemption").query(Long.class).single()).isPositive();
		assertThat(jdbc.sql("select count(*) from claim_line_reason where code = 'ALD_EXEMPTION'").query(Long.class)
			.single()).isPositive();
	}

	@Test
	void theDemoProtocolsAreApprovedByTwoRegulatorsAndMostTreatmentsUnderThemAreCovered() {
		assertThat(jdbc.sql("select count(*) from protocol_version where status = 'APPROVED' and proposed_by = 'regulateur'"
				+ " and decided_by = 'regulateur.controle' and condition in (9, 14, 17)").query(Long.class).single())
			.isEqualTo(3);
		assertThat(jdbc.sql("select string_agg(code, ',') from protocol_item i join protocol_version v on v.id = i.version_id"
				+ " where v.condition = 9").query(String.class).single()).contains("METFORMINE");
		// The exempted patients buy their protocol's medicines: a month's treatment more than its frequency is the
		// exception that goes to review, not the rule.
		long covered = jdbc.sql("select count(*) from claim_line_reason where code = 'ALD_EXEMPTION'").query(Long.class).single();
		long outside = jdbc.sql("select count(*) from claim_line_reason where code = 'ALD_PROTOCOL'").query(Long.class).single();
		assertThat(outside).isLessThan(covered);
	}

	@Test
	void aSecondStartAddsNothing() throws Exception {
		long claims = jdbc.sql("select count(*) from claim").query(Long.class).single();
		long approvals = jdbc.sql("select count(*) from prior_approval").query(Long.class).single();
		long batches = jdbc.sql("select count(*) from payment_batch").query(Long.class).single();
		activity.run(new DefaultApplicationArguments());
		assertThat(jdbc.sql("select count(*) from claim").query(Long.class).single()).isEqualTo(claims);
		assertThat(jdbc.sql("select count(*) from prior_approval").query(Long.class).single()).isEqualTo(approvals);
		assertThat(jdbc.sql("select count(*) from payment_batch").query(Long.class).single()).isEqualTo(batches);
	}

	/** The claims learn they are paid from the batch's event, after its commit. */
	private void awaitPaid() throws InterruptedException {
		for (int i = 0; i < 100 && jdbc.sql("select count(*) from claim where status = 'PAID'").query(Long.class)
			.single() == 0; i++) {
			Thread.sleep(100);
		}
	}
}
