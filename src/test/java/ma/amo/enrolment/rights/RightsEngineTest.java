package ma.amo.enrolment.rights;

import static ma.amo.enrolment.rights.Covers.declared;
import static ma.amo.enrolment.rights.Covers.dependant;
import static ma.amo.enrolment.rights.Covers.own;
import static ma.amo.enrolment.rights.Covers.paid;
import static ma.amo.enrolment.rights.Covers.period;
import static ma.amo.enrolment.rights.Covers.person;
import static ma.amo.enrolment.rights.Covers.suspended;
import static ma.amo.enrolment.rights.Covers.waived;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;

import ma.amo.enrolment.Dependant.EndReason;
import ma.amo.enrolment.Dependant.Relation;
import ma.amo.enrolment.Enrolment;
import ma.amo.enrolment.Regime;
import ma.amo.enrolment.Rights;
import ma.amo.enrolment.RightsStatus;
import ma.amo.population.Person;
import org.junit.jupiter.api.Test;

class RightsEngineTest {

	private final Covers.Values parameters = new Covers.Values();
	private final RightsEngine engine = new RightsEngine(parameters);

	private static LocalDate d(String date) {
		return LocalDate.parse(date);
	}

	private Rights decide(CoverFile file, String date) {
		return engine.decide(file, d(date));
	}

	private static CoverFile publicServant(Person member, String since) {
		return own(member, period(member, Regime.PUBLIC_SECTOR, d(since), null, null));
	}

	@Test
	void aPersonNeverEnrolledHasClosedRights() {
		Rights rights = decide(new CoverFile(person(d("1980-01-01")), List.of(), List.of()), "2025-01-01");
		assertThat(rights.status()).isEqualTo(RightsStatus.CLOSED);
		assertThat(rights.rule()).isEqualTo("NOT_ENROLLED");
	}

	@Test
	void aPublicServantIsCoveredFromTheFirstDayWithTheirRegimeAndPayer() {
		Person servant = person(d("1980-01-01"));
		Rights rights = decide(publicServant(servant, "2024-03-01"), "2024-03-01");
		assertThat(rights.status()).isEqualTo(RightsStatus.OPEN);
		assertThat(rights.regime()).isEqualTo(Regime.PUBLIC_SECTOR);
		assertThat(rights.payerBody().name()).isEqualTo("CNOPS");
		assertThat(rights.relation()).isEqualTo("MEMBER");
		assertThat(rights.memberIdcs()).isEqualTo(servant.idcs());
		assertThat(rights.coveredSince()).isEqualTo(d("2024-03-01"));
		assertThat(decide(publicServant(servant, "2024-03-01"), "2024-02-29").rule()).isEqualTo("NOT_ENROLLED");
	}

	@Test
	void deathClosesRightsFromTheDayAfter() {
		Person servant = person(d("1950-01-01"), d("2025-05-10"));
		CoverFile file = publicServant(servant, "2010-01-01");
		assertThat(decide(file, "2025-05-10").status()).isEqualTo(RightsStatus.OPEN);
		assertThat(decide(file, "2025-05-10").coverEnd()).isEqualTo(d("2025-05-10"));
		Rights after = decide(file, "2025-05-11");
		assertThat(after.status()).isEqualTo(RightsStatus.CLOSED);
		assertThat(after.rule()).isEqualTo("DEATH");
		assertThat(after.reason()).contains("10/05/2025");
	}

	@Test
	void salariedRightsOpenOnTheDayTheFiftyFourthDeclaredDayIsPaid() {
		Person worker = person(d("1990-01-01"));
		// Hired on 2025-01-15: 13 days in January, 24 in February (37), 20 in March (57 >= 54). Each month is paid on
		// the 10th of the next: March's days count from 10 April, so rights open that day.
		CoverFile file = own(worker, declared(period(worker, Regime.SALARIED_PRIVATE, d("2025-01-15"), null, null),
				d("2025-01-01"), 13, 24, 20, 22));
		Rights waiting = decide(file, "2025-04-09");
		assertThat(waiting.status()).isEqualTo(RightsStatus.WAITING);
		assertThat(waiting.rule()).isEqualTo("SALARIED_WAITING_PERIOD");
		assertThat(waiting.reason()).startsWith("37 jours déclarés et payés");
		Rights open = decide(file, "2025-04-10");
		assertThat(open.status()).isEqualTo(RightsStatus.OPEN);
		assertThat(open.coveredSince()).isEqualTo(d("2025-04-10"));
	}

	@Test
	void declaredDaysLeftUnpaidDoNotCountUntilThePaymentArrives() {
		Person worker = person(d("1990-01-01"));
		// January and February (26 + 26 = 52) paid on time; March's 26 days paid late, on 20 May: open from 20 May.
		CoverFile file = own(worker, paid(declared(period(worker, Regime.SALARIED_PRIVATE, d("2025-01-01"), null, null),
				d("2025-01-01"), 26, 26), d("2025-03-01"), 26, d("2025-05-20")));
		Rights unpaid = decide(file, "2025-05-19");
		assertThat(unpaid.status()).isEqualTo(RightsStatus.WAITING);
		assertThat(unpaid.reason()).startsWith("52 jours déclarés et payés");
		Rights open = decide(file, "2025-05-20");
		assertThat(open.status()).isEqualTo(RightsStatus.OPEN);
		assertThat(open.coveredSince()).isEqualTo(d("2025-05-20"));
	}

	@Test
	void fiftyFourPaidDaysOpenRightsAndFiftyThreeDoNot() {
		Person worker = person(d("1990-01-01"));
		CoverFile enough = own(worker, declared(period(worker, Regime.SALARIED_PRIVATE, d("2025-01-01"), null, null),
				d("2025-01-01"), 20, 20, 14));
		assertThat(decide(enough, "2025-04-10").status()).isEqualTo(RightsStatus.OPEN);
		CoverFile oneShort = own(worker, declared(period(worker, Regime.SALARIED_PRIVATE, d("2025-01-01"), null, null),
				d("2025-01-01"), 20, 20, 13));
		assertThat(decide(oneShort, "2025-04-10").status()).isEqualTo(RightsStatus.WAITING);
	}

	@Test
	void daysDeclaredOverMoreThanSixMonthsDoNotOpenSalariedRights() {
		Person worker = person(d("1990-01-01"));
		// 9 days a month: 54 days need 6 months exactly (open); 8 days a month never reach 54 within 6 months.
		CoverFile six = own(worker, declared(period(worker, Regime.SALARIED_PRIVATE, d("2025-01-01"), null, null),
				d("2025-01-01"), 9, 9, 9, 9, 9, 9));
		assertThat(decide(six, "2025-07-10").status()).isEqualTo(RightsStatus.OPEN);
		CoverFile seven = own(worker, declared(period(worker, Regime.SALARIED_PRIVATE, d("2025-01-01"), null, null),
				d("2025-01-01"), 8, 8, 8, 8, 8, 8, 8, 8));
		assertThat(decide(seven, "2025-10-01").status()).isEqualTo(RightsStatus.WAITING);
	}

	@Test
	void aJobChangeFromAnotherRegimeOpensSalariedRightsWithoutWaiting() {
		Person worker = person(d("1990-01-01"));
		CoverFile file = own(worker, waived(period(worker, Regime.SALARIED_PRIVATE, d("2025-02-01"), null, null)));
		assertThat(decide(file, "2025-02-01").status()).isEqualTo(RightsStatus.OPEN);
	}

	@Test
	void salariedRightsAreKeptSixMonthsAfterTheJobEndsUpToTheLastDay() {
		Person worker = person(d("1990-01-01"));
		CoverFile file = own(worker, declared(period(worker, Regime.SALARIED_PRIVATE, d("2020-01-01"),
				d("2025-03-31"), Enrolment.EndReason.CONDITIONS_ENDED), d("2020-01-01"), 26, 26, 26));
		Rights lastDay = decide(file, "2025-09-30");
		assertThat(lastDay.status()).isEqualTo(RightsStatus.OPEN);
		assertThat(lastDay.rule()).isEqualTo("KEEP_RIGHTS");
		assertThat(lastDay.coverEnd()).isEqualTo(d("2025-09-30"));
		Rights dayAfter = decide(file, "2025-10-01");
		assertThat(dayAfter.status()).isEqualTo(RightsStatus.CLOSED);
		assertThat(dayAfter.rule()).isEqualTo("KEEP_RIGHTS");
	}

	@Test
	void keptRightsEndWhenThePersonJoinsAnotherRegime() {
		Person worker = person(d("1990-01-01"));
		CoverFile file = own(worker,
				declared(period(worker, Regime.SALARIED_PRIVATE, d("2020-01-01"), d("2025-03-31"),
						Enrolment.EndReason.CONDITIONS_ENDED), d("2020-01-01"), 26, 26, 26),
				period(worker, Regime.ACHAMIL, d("2025-05-01"), null, null));
		assertThat(decide(file, "2025-04-30").rule()).isEqualTo("KEEP_RIGHTS");
		Rights achamil = decide(file, "2025-05-01");
		assertThat(achamil.status()).isEqualTo(RightsStatus.WAITING);
		assertThat(achamil.regime()).isEqualTo(Regime.ACHAMIL);
	}

	@Test
	void keepRightsFollowsTheParameterInForceWhenTheJobEnded() {
		Person worker = person(d("1990-01-01"));
		parameters.set("rights.keep-months.SALARIED_PRIVATE", d("2025-06-01"), "3");
		CoverFile before = own(worker, waived(period(worker, Regime.SALARIED_PRIVATE, d("2020-01-01"),
				d("2025-05-31"), Enrolment.EndReason.CONDITIONS_ENDED)));
		assertThat(decide(before, "2025-11-30").status()).isEqualTo(RightsStatus.OPEN);
		CoverFile after = own(worker, waived(period(worker, Regime.SALARIED_PRIVATE, d("2020-01-01"),
				d("2025-06-01"), Enrolment.EndReason.CONDITIONS_ENDED)));
		assertThat(decide(after, "2025-09-01").status()).isEqualTo(RightsStatus.OPEN);
		assertThat(decide(after, "2025-09-02").status()).isEqualTo(RightsStatus.CLOSED);
	}

	@Test
	void aPublicSectorPeriodEndingClosesRightsTheNextDay() {
		Person servant = person(d("1960-01-01"));
		CoverFile file = own(servant, period(servant, Regime.PUBLIC_SECTOR, d("2000-01-01"), d("2025-01-31"),
				Enrolment.EndReason.CONDITIONS_ENDED));
		assertThat(decide(file, "2025-01-31").status()).isEqualTo(RightsStatus.OPEN);
		Rights closed = decide(file, "2025-02-01");
		assertThat(closed.status()).isEqualTo(RightsStatus.CLOSED);
		assertThat(closed.rule()).isEqualTo("REGIME_ENDED");
	}

	@Test
	void achamilRightsOpenAfterThreeMonthsOfWaiting() {
		Person person = person(d("1975-01-01"));
		CoverFile file = own(person, period(person, Regime.ACHAMIL, d("2025-01-15"), null, null));
		Rights lastWaitingDay = decide(file, "2025-04-14");
		assertThat(lastWaitingDay.status()).isEqualTo(RightsStatus.WAITING);
		assertThat(lastWaitingDay.rule()).isEqualTo("ACHAMIL_WAITING_PERIOD");
		assertThat(lastWaitingDay.coveredSince()).isEqualTo(d("2025-04-15"));
		assertThat(decide(file, "2025-04-15").status()).isEqualTo(RightsStatus.OPEN);
	}

	@Test
	void aMissingAchamilPaymentSuspendsRightsUntilTheSuspensionEnds() {
		Person person = person(d("1975-01-01"));
		CoverFile file = own(person, suspended(period(person, Regime.ACHAMIL, d("2024-01-01"), null, null),
				d("2025-03-01"), d("2025-03-20")));
		assertThat(decide(file, "2025-02-28").status()).isEqualTo(RightsStatus.OPEN);
		Rights suspended = decide(file, "2025-03-20");
		assertThat(suspended.status()).isEqualTo(RightsStatus.SUSPENDED);
		assertThat(suspended.reason()).contains("Mensualité impayée");
		assertThat(decide(file, "2025-03-21").status()).isEqualTo(RightsStatus.OPEN);
	}

	@Test
	void aChildIsCoveredUntilTheDayBeforeTheTwentyFirstBirthday() {
		Person parent = person(d("1970-01-01"));
		Person child = person(d("2004-06-15"));
		CoverFile file = dependant(child, parent, period(parent, Regime.PUBLIC_SECTOR, d("2000-01-01"), null, null),
				Relation.CHILD, d("2004-06-15"), null, null, null, false);
		Rights dayBefore = decide(file, "2025-06-14");
		assertThat(dayBefore.status()).isEqualTo(RightsStatus.OPEN);
		assertThat(dayBefore.rule()).isEqualTo("DEPENDANT_OF_MEMBER");
		assertThat(dayBefore.relation()).isEqualTo("CHILD");
		assertThat(dayBefore.memberIdcs()).isEqualTo(parent.idcs());
		assertThat(dayBefore.coverEnd()).isEqualTo(d("2025-06-14"));
		Rights birthday = decide(file, "2025-06-15");
		assertThat(birthday.status()).isEqualTo(RightsStatus.CLOSED);
		assertThat(birthday.rule()).isEqualTo("CHILD_AGE_LIMIT");
	}

	@Test
	void aStudentChildIsCoveredWhileTheCertificateRunsAndNotPastTwentySix() {
		Person parent = person(d("1970-01-01"));
		Person student = person(d("2002-03-10"));
		CoverFile certified = dependant(student, parent, period(parent, Regime.PUBLIC_SECTOR, d("2000-01-01"), null, null),
				Relation.CHILD, d("2002-03-10"), null, null, d("2025-06-30"), false);
		assertThat(decide(certified, "2025-06-30").status()).isEqualTo(RightsStatus.OPEN);
		assertThat(decide(certified, "2025-07-01").rule()).isEqualTo("CHILD_AGE_LIMIT");
		CoverFile longStudies = dependant(student, parent, period(parent, Regime.PUBLIC_SECTOR, d("2000-01-01"), null, null),
				Relation.CHILD, d("2002-03-10"), null, null, d("2030-06-30"), false);
		assertThat(decide(longStudies, "2028-03-09").status()).isEqualTo(RightsStatus.OPEN);
		assertThat(decide(longStudies, "2028-03-10").status()).isEqualTo(RightsStatus.CLOSED);
	}

	@Test
	void aDisabledChildHasNoAgeLimit() {
		Person parent = person(d("1960-01-01"));
		Person child = person(d("1990-01-01"));
		CoverFile file = dependant(child, parent, period(parent, Regime.PUBLIC_SECTOR, d("1990-01-01"), null, null),
				Relation.CHILD, d("1990-01-01"), null, null, null, true);
		assertThat(decide(file, "2025-01-01").status()).isEqualTo(RightsStatus.OPEN);
	}

	@Test
	void aDependantFollowsTheMembersWaitingPeriod() {
		Person member = person(d("1980-01-01"));
		Person spouse = person(d("1982-01-01"));
		CoverFile file = dependant(spouse, member, period(member, Regime.ACHAMIL, d("2025-01-01"), null, null),
				Relation.SPOUSE, d("2025-01-01"), null, null, null, false);
		Rights rights = decide(file, "2025-02-01");
		assertThat(rights.status()).isEqualTo(RightsStatus.WAITING);
		assertThat(rights.rule()).isEqualTo("ACHAMIL_WAITING_PERIOD");
		assertThat(rights.reason()).startsWith("Conjoint de l'assuré");
	}

	@Test
	void aDivorcedSpouseKeepsCoverTwelveMonthsUpToTheLastDay() {
		Person member = person(d("1980-01-01"));
		Person spouse = person(d("1982-01-01"));
		CoverFile file = dependant(spouse, member, period(member, Regime.PUBLIC_SECTOR, d("2010-01-01"), null, null),
				Relation.SPOUSE, d("2010-01-01"), d("2024-08-31"), EndReason.DIVORCE, null, false);
		Rights lastDay = decide(file, "2025-08-31");
		assertThat(lastDay.status()).isEqualTo(RightsStatus.OPEN);
		assertThat(lastDay.rule()).isEqualTo("DIVORCED_SPOUSE");
		assertThat(lastDay.coverEnd()).isEqualTo(d("2025-08-31"));
		assertThat(decide(file, "2025-09-01").status()).isEqualTo(RightsStatus.CLOSED);
	}

	@Test
	void aLinkEndedForAnotherReasonClosesRightsTheNextDay() {
		Person member = person(d("1980-01-01"));
		Person child = person(d("2010-01-01"));
		CoverFile file = dependant(child, member, period(member, Regime.PUBLIC_SECTOR, d("2010-01-01"), null, null),
				Relation.CHILD, d("2010-01-01"), d("2024-08-31"), EndReason.OTHER, null, false);
		assertThat(decide(file, "2024-08-31").status()).isEqualTo(RightsStatus.OPEN);
		assertThat(decide(file, "2024-09-01").rule()).isEqualTo("DEPENDANT_ENDED");
	}

	@Test
	void survivorsKeepCoverTwentyFourMonthsAfterTheMembersDeath() {
		Person member = person(d("1960-01-01"), d("2024-02-15"));
		Person widow = person(d("1965-01-01"));
		CoverFile file = dependant(widow, member, period(member, Regime.PUBLIC_SECTOR, d("1990-01-01"), d("2024-02-15"),
				Enrolment.EndReason.DEATH), Relation.SPOUSE, d("1990-01-01"), null, null, null, false);
		Rights lastDay = decide(file, "2026-02-15");
		assertThat(lastDay.status()).isEqualTo(RightsStatus.OPEN);
		assertThat(lastDay.rule()).isEqualTo("SURVIVORS");
		assertThat(lastDay.coverEnd()).isEqualTo(d("2026-02-15"));
		assertThat(decide(file, "2026-02-16").status()).isEqualTo(RightsStatus.CLOSED);
	}

	@Test
	void aSurvivingChildStillStopsAtTheAgeLimit() {
		Person member = person(d("1960-01-01"), d("2024-02-15"));
		Person child = person(d("2004-05-01"));
		CoverFile file = dependant(child, member, period(member, Regime.PUBLIC_SECTOR, d("1990-01-01"), d("2024-02-15"),
				Enrolment.EndReason.DEATH), Relation.CHILD, d("2004-05-01"), null, null, null, false);
		assertThat(decide(file, "2025-04-30").rule()).isEqualTo("SURVIVORS");
		assertThat(decide(file, "2025-05-01").rule()).isEqualTo("CHILD_AGE_LIMIT");
	}

	@Test
	void ownOpenRightsWinOverAWaitingDependantCover() {
		Person member = person(d("1980-01-01"));
		Person spouse = person(d("1982-01-01"));
		CoverFile asDependant = dependant(spouse, member, period(member, Regime.ACHAMIL, d("2025-01-01"), null, null),
				Relation.SPOUSE, d("2025-01-01"), null, null, null, false);
		CoverFile both = new CoverFile(spouse, List.of(period(spouse, Regime.PUBLIC_SECTOR, d("2025-01-10"), null, null)),
				asDependant.links());
		Rights rights = decide(both, "2025-02-01");
		assertThat(rights.status()).isEqualTo(RightsStatus.OPEN);
		assertThat(rights.regime()).isEqualTo(Regime.PUBLIC_SECTOR);
		assertThat(rights.relation()).isEqualTo("MEMBER");
	}

	@Test
	void theChildAgeLimitFollowsItsEffectiveDatedParameter() {
		parameters.set("rights.child.age-limit", d("2026-01-01"), "22");
		Person parent = person(d("1970-01-01"));
		Person child = person(d("2005-03-01"));
		CoverFile file = dependant(child, parent, period(parent, Regime.PUBLIC_SECTOR, d("2000-01-01"), null, null),
				Relation.CHILD, d("2005-03-01"), null, null, null, false);
		assertThat(decide(file, "2026-03-01").status()).isEqualTo(RightsStatus.OPEN);
		assertThat(decide(file, "2027-03-01").status()).isEqualTo(RightsStatus.CLOSED);
	}
}
