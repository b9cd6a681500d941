package ma.amo.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import ma.amo.enrolment.Eligibility;
import ma.amo.enrolment.Regime;
import ma.amo.enrolment.Rights;
import ma.amo.enrolment.RightsStatus;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;

@SpringBootTest(properties = { "amo.demo.enabled=true", "amo.demo.persons=4000", "amo.demo.private-sector-share=0.02",
		"amo.embedded-postgres.data-directory=target/test-postgres-demo" })
@ActiveProfiles("test")
class DemoPopulationIntegrationTest {

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Eligibility eligibility;

	@Autowired
	Clock clock;

	@Test
	void theDemoLeavesFreshPlannerStatisticsOfEveryTableItLoaded() {
		List<String> notAnalysed = jdbc.sql("""
				select relname from pg_stat_user_tables where last_analyze is null
				  and relname in ('person', 'rsu_score', 'member', 'enrolment', 'dependant', 'rights_suspension',
				    'paid_days', 'rights_segment', 'employer', 'declaration', 'contribution_call', 'establishment')""")
			.query(String.class).list();
		assertThat(notAnalysed).isEmpty();
	}

	@Test
	void theFirstStartLoadsAPopulationInWhichEveryRegimeAndRightsStateOccurs() {
		assertThat(jdbc.sql("select count(*) from person").query(Long.class).single()).isEqualTo(4000);
		assertThat(jdbc.sql("select count(distinct region) from person").query(Long.class).single()).isEqualTo(12);
		assertThat(jdbc.sql("select count(*) from person where death_date is not null").query(Long.class).single()).isPositive();
		assertThat(jdbc.sql("select count(*) from rsu_score").query(Long.class).single()).isPositive();
		List<String> regimes = jdbc.sql("select distinct regime from enrolment").query(String.class).list();
		assertThat(regimes).containsExactlyInAnyOrder(
				EnumSet.allOf(Regime.class).stream().map(Enum::name).toArray(String[]::new));

		LocalDate today = LocalDate.now(clock);
		Set<RightsStatus> statuses = EnumSet.noneOf(RightsStatus.class);
		Set<String> rules = new HashSet<>();
		for (String idcs : jdbc.sql("select idcs from person").query(String.class).list()) {
			Rights rights = eligibility.of(idcs, today);
			statuses.add(rights.status());
			rules.add(rights.rule());
		}
		assertThat(statuses).containsExactlyInAnyOrder(RightsStatus.values());
		assertThat(rules).contains("REGIME_RIGHTS_OPEN", "DEPENDANT_OF_MEMBER", "SALARIED_WAITING_PERIOD",
				"ACHAMIL_WAITING_PERIOD", "RIGHTS_SUSPENDED", "KEEP_RIGHTS", "CHILD_AGE_LIMIT", "DIVORCED_SPOUSE",
				"SURVIVORS", "DEATH", "NOT_ENROLLED");
	}

	@Test
	void theFirstStartAlsoGeneratesAPrivateSectorWithEveryKindOfProvider() {
		assertThat(jdbc.sql("select distinct category from establishment where sector = 'PRIVATE'").query(String.class).list())
			.containsExactlyInAnyOrder("CLINIC", "PHARMACY", "LABORATORY", "RADIOLOGY", "OPTICIAN");
		assertThat(jdbc.sql("select distinct profession from professional").query(String.class).list()).contains(
				"GENERAL_PRACTITIONER", "SPECIALIST", "DENTIST", "PHARMACIST", "PHYSIOTHERAPIST", "MIDWIFE",
				"SPEECH_THERAPIST", "ORTHOPTIST", "BIOLOGIST", "RADIOLOGIST", "OPTICIAN");
		assertThat(jdbc.sql("select count(distinct region) from establishment where sector = 'PRIVATE'").query(Long.class)
			.single()).isEqualTo(12);
		assertThat(jdbc.sql("select count(*) from convention").query(Long.class).single()).isPositive();
		assertThat(jdbc.sql("select count(*) from practice").query(Long.class).single()).isPositive();
	}

	@Test
	void everyPublicHospitalHasDoctorsToSignItsCareAndAConventionWithBothPayers() {
		// The 170 hospitals of the ministry's 2022 list, each with a general practitioner and a specialist.
		assertThat(jdbc.sql("""
				select count(*) from establishment e where e.sector = 'PUBLIC'
				  and e.category in ('HP', 'HR', 'HIR', 'HPr', 'HPsyP', 'CRO', 'HPsyR', 'CPU')
				  and (select count(*) from practice p where p.establishment_inpe = e.inpe) < 2""").query(Long.class)
			.single()).isZero();
		assertThat(jdbc.sql("""
				select count(*) from establishment e where e.sector = 'PUBLIC'
				  and (select count(*) from convention c where c.inpe = e.inpe and c.start_date = '2005-08-18') <> 2""")
			.query(Long.class).single()).isZero();
	}

	@Test
	void theTadamonShareFollowsTheScoresBelowTheThreshold() {
		long tadamon = jdbc.sql("""
				select count(distinct m.idcs) from member m join enrolment e on e.member_id = m.id
				where e.regime = 'TADAMON'""").query(Long.class).single();
		long belowThreshold = jdbc.sql("""
				select count(distinct idcs) from rsu_score s where score < 9.3264284
				and score_date = (select max(score_date) from rsu_score l where l.idcs = s.idcs)""").query(Long.class).single();
		assertThat(tadamon).isPositive().isLessThanOrEqualTo(belowThreshold);
	}

	@Test
	void theLastCompleteMonthGoesThroughDeclarationsPaymentsAndDeadlines() {
		LocalDate month = LocalDate.now(clock).withDayOfMonth(1).minusMonths(1);
		assertThat(jdbc.sql("select count(*) from employer").query(Long.class).single()).isPositive();
		assertThat(jdbc.sql("select count(*) from declaration where month = ?").param(month).query(Long.class).single())
			.isPositive();
		assertThat(jdbc.sql("select count(*) from paid_days where month = ? and reference like 'D%'").param(month)
			.query(Long.class).single()).isPositive();
		List<String> regimes = jdbc.sql("select distinct regime from contribution_call").query(String.class).list();
		assertThat(regimes).contains("SALARIED_PRIVATE", "SELF_EMPLOYED", "ACHAMIL", "TADAMON");
		// Most calls due are paid, some late with a penalty, some left unpaid.
		assertThat(jdbc.sql("select count(*) from contribution_call where settled_on is not null and penalty > 0")
			.query(Long.class).single()).isPositive();
		assertThat(jdbc.sql("select count(*) from contribution_call where settled_on is null and lapsed")
			.query(Long.class).single()).isPositive();
		assertThat(jdbc.sql("select count(distinct kind) from rights_event").query(Long.class).single()).isGreaterThanOrEqualTo(2);
	}

	@Test
	void theFirstStartFilesComplaintsInEveryStateIncludingOverdueOnes() {
		assertThat(jdbc.sql("select distinct status from complaint").query(String.class).list())
			.contains("FILED", "ACKNOWLEDGED", "ASSIGNED", "CLOSED", "ESCALATED");
		assertThat(jdbc.sql("select count(*) from complaint where acknowledged_on is null and acknowledgement_due < ?")
			.param(LocalDate.now(clock)).query(Long.class).single()).isPositive();
		assertThat(jdbc.sql("select count(*) from complaint where complainant_kind = 'PROVIDER'").query(Long.class).single())
			.isPositive();
		assertThat(jdbc.sql("select count(*) from complaint_note").query(Long.class).single()).isPositive();
	}

	@Test
	void theDemoHasOneUserPerRoleTwoInFinanceAndTwoRegulatorsForFourEyesAgentsWithTheirSecondFactorAndAClinicsSystem() {
		assertThat(jdbc.sql("select role from platform_user where username <> 'admin' order by role").query(String.class)
			.list()).containsExactly("DATA_PROTECTION_OFFICER", "FINANCE", "FINANCE", "MEDICAL_REVIEWER", "MEMBER", "PAYER_AGENT",
					"PAYER_AGENT", "PROVIDER", "REGULATOR", "REGULATOR");
		assertThat(jdbc.sql("select totp_secret from platform_user where username = 'agent.cnss'").query(String.class)
			.single()).isEqualTo(DemoUsers.AGENTS_TOTP);
		assertThat(jdbc.sql("select count(*) from system_client where client_id = ?").param(DemoUsers.CLINIC_CLIENT)
			.query(Long.class).single()).isEqualTo(1);
	}
}
