package ma.amo.enrolment;

import static ma.amo.support.People.cin;
import static ma.amo.support.People.idcs;
import static ma.amo.support.People.rnp;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;

import ma.amo.population.ImportKind;
import ma.amo.population.ImportMode;
import ma.amo.population.PopulationImports;
import ma.amo.support.Api;
import ma.amo.support.IntegrationTest;
import ma.amo.support.Registers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

@IntegrationTest
class EnrolmentIntegrationTest {

	@Autowired
	PopulationImports imports;

	@Autowired
	Eligibility eligibility;

	@LocalServerPort
	int port;

	Api api;

	@BeforeEach
	void client() {
		api = new Api(port);
	}

	private String person(LocalDate birth) {
		String idcs = idcs();
		Registers.persons(imports, rnp(idcs, birth.isBefore(LocalDate.of(2007, 1, 1)) ? cin() : null, "Alaoui",
				"Meryem", birth, 'F'));
		return idcs;
	}

	private JsonNode enrol(String idcs, String regime, String start) {
		Api.Response response = api.post("/api/v1/enrolments",
				"{\"idcs\":\"%s\",\"regime\":\"%s\",\"startDate\":\"%s\"}".formatted(idcs, regime, start));
		assertThat(response.status()).as(response.raw()).isEqualTo(201);
		return response.body();
	}

	private JsonNode eligibility(String query) {
		Api.Response response = api.get("/api/v1/eligibility?" + query);
		assertThat(response.status()).as(response.raw()).isEqualTo(200);
		return response.body();
	}

	@Test
	void aPublicServantEnrolledIsEligibleByIdcsCinAndRegistrationNumber() {
		String idcs = person(LocalDate.of(1980, 2, 2));
		JsonNode member = enrol(idcs, "PUBLIC_SECTOR", "2024-01-01");
		String number = member.get("member").get("registrationNumber").asText();
		assertThat(number).startsWith("5").hasSize(11);
		assertThat(member.get("member").get("payerBody").asText()).isEqualTo("CNOPS");
		JsonNode rights = eligibility("idcs=" + idcs + "&date=2025-06-01");
		assertThat(rights.get("status").asText()).isEqualTo("OPEN");
		assertThat(rights.get("regime").asText()).isEqualTo("PUBLIC_SECTOR");
		assertThat(rights.get("memberRegistrationNumber").asText()).isEqualTo(number);
		String cin = api.get("/api/v1/persons/" + idcs).body().get("person").get("cin").asText();
		assertThat(eligibility("cin=" + cin + "&date=2025-06-01").get("idcs").asText()).isEqualTo(idcs);
		assertThat(eligibility("registrationNumber=" + number + "&date=2025-06-01").get("idcs").asText()).isEqualTo(idcs);
		assertThat(eligibility("idcs=" + idcs + "&date=2023-12-31").get("status").asText()).isEqualTo("CLOSED");
	}

	@Test
	void malformedEligibilityQueriesAreBadRequestsNamingTheField() {
		Api.Response badDate = api.get("/api/v1/eligibility?idcs=" + idcs() + "&date=2025-13-01");
		assertThat(badDate.status()).isEqualTo(400);
		assertThat(badDate.body().get("errors").get(0).get("field").asText()).isEqualTo("date");
		Api.Response badIdcs = api.get("/api/v1/eligibility?idcs=12345");
		assertThat(badIdcs.status()).isEqualTo(400);
		assertThat(badIdcs.body().get("errors").get(0).get("field").asText()).isEqualTo("idcs");
		Api.Response none = api.get("/api/v1/eligibility");
		assertThat(none.status()).isEqualTo(400);
		Api.Response badKey = api.get("/api/v1/eligibility?registrationNumber=10000000100");
		assertThat(badKey.status()).isEqualTo(400);
		assertThat(badKey.body().get("errors").get(0).get("field").asText()).isEqualTo("registrationNumber");
		Api.Response unknown = api.get("/api/v1/eligibility?idcs=" + idcs());
		assertThat(unknown.status()).isEqualTo(404);
		assertThat(unknown.body().get("status").asInt()).isEqualTo(404);
	}

	@Test
	void enrollingInANewRegimeEndsThePreviousOneTheDayBefore() {
		String idcs = person(LocalDate.of(1985, 5, 5));
		enrol(idcs, "SELF_EMPLOYED", "2020-01-01");
		JsonNode cnops = enrol(idcs, "PUBLIC_SECTOR", "2025-03-01");
		List<JsonNode> periods = api.get("/api/v1/enrolments?idcs=" + idcs).body().valueStream().toList();
		assertThat(periods).hasSize(2);
		assertThat(periods.get(0).get("endDate").asText()).isEqualTo("2025-02-28");
		assertThat(periods.get(0).get("endReason").asText()).isEqualTo("REGIME_CHANGE");
		assertThat(eligibility("idcs=" + idcs + "&date=2025-02-28").get("regime").asText()).isEqualTo("SELF_EMPLOYED");
		assertThat(eligibility("idcs=" + idcs + "&date=2025-03-01").get("regime").asText()).isEqualTo("PUBLIC_SECTOR");
		assertThat(cnops.get("member").get("payerBody").asText()).isEqualTo("CNOPS");
		Api.Response earlier = api.post("/api/v1/enrolments",
				"{\"idcs\":\"%s\",\"regime\":\"STUDENT\",\"startDate\":\"2024-01-01\"}".formatted(idcs));
		assertThat(earlier.status()).isEqualTo(409);
		assertThat(earlier.body().get("errors").get(0).get("rule").asText()).isEqualTo("one-regime-at-a-time");
	}

	@Test
	void aChildFollowsTheMemberAndCannotBeTheDependantOfTwoMembers() {
		String mother = person(LocalDate.of(1975, 3, 3));
		String father = person(LocalDate.of(1972, 3, 3));
		String child = person(LocalDate.of(2010, 9, 1));
		String motherNumber = enrol(mother, "PUBLIC_SECTOR", "2015-01-01").get("member").get("registrationNumber").asText();
		String fatherNumber = enrol(father, "SELF_EMPLOYED", "2015-01-01").get("member").get("registrationNumber").asText();
		Api.Response attached = api.post("/api/v1/members/" + motherNumber + "/dependants",
				"{\"idcs\":\"%s\",\"relation\":\"CHILD\",\"startDate\":\"2015-01-01\"}".formatted(child));
		assertThat(attached.status()).isEqualTo(201);
		Api.Response twice = api.post("/api/v1/members/" + fatherNumber + "/dependants",
				"{\"idcs\":\"%s\",\"relation\":\"CHILD\",\"startDate\":\"2016-01-01\"}".formatted(child));
		assertThat(twice.status()).isEqualTo(409);
		assertThat(twice.body().get("errors").get(0).get("rule").asText()).isEqualTo("one-member-only");
		JsonNode rights = eligibility("idcs=" + child + "&date=2025-01-01");
		assertThat(rights.get("status").asText()).isEqualTo("OPEN");
		assertThat(rights.get("relation").asText()).isEqualTo("CHILD");
		assertThat(rights.get("memberIdcs").asText()).isEqualTo(mother);
		assertThat(rights.get("payerBody").asText()).isEqualTo("CNOPS");
		assertThat(eligibility("idcs=" + child + "&date=2031-08-31").get("status").asText()).isEqualTo("OPEN");
		assertThat(eligibility("idcs=" + child + "&date=2031-09-01").get("rule").asText()).isEqualTo("CHILD_AGE_LIMIT");
	}

	@Test
	void theRightsOfManyPersonsReadTogetherAreEachTheRightsReadAlone() {
		String mother = person(LocalDate.of(1975, 3, 3));
		String child = person(LocalDate.of(2010, 9, 1));
		String spouse = person(LocalDate.of(1978, 3, 3));
		String stranger = person(LocalDate.of(1990, 1, 1));
		String number = enrol(mother, "PUBLIC_SECTOR", "2015-01-01").get("member").get("registrationNumber").asText();
		for (String[] link : new String[][] { { child, "CHILD" }, { spouse, "SPOUSE" } }) {
			assertThat(api.post("/api/v1/members/" + number + "/dependants",
					"{\"idcs\":\"%s\",\"relation\":\"%s\",\"startDate\":\"2016-01-01\"}".formatted(link[0], link[1]))
				.status()).isEqualTo(201);
		}
		String unknown = idcs();
		List<String> asked = List.of(child, mother, spouse, stranger, unknown, "123", child, mother);
		List<LocalDate> dates = List.of(LocalDate.of(2025, 1, 1), LocalDate.of(2025, 1, 1), LocalDate.of(2015, 6, 1),
				LocalDate.of(2025, 1, 1), LocalDate.of(2025, 1, 1), LocalDate.of(2025, 1, 1), LocalDate.of(2031, 9, 1),
				LocalDate.of(2014, 1, 1));

		List<ma.amo.enrolment.Rights> together = eligibility.of(asked, dates);

		assertThat(together).hasSize(asked.size());
		for (int i = 0; i < asked.size(); i++) {
			ma.amo.enrolment.Rights alone;
			try {
				alone = eligibility.of(asked.get(i), dates.get(i));
			}
			catch (ma.amo.shared.NotFound | ma.amo.shared.InvalidInput refused) {
				alone = null;
			}
			assertThat(together.get(i)).as(asked.get(i) + " on " + dates.get(i)).isEqualTo(alone);
		}
		assertThat(together.get(0).relation()).isEqualTo("CHILD");
		assertThat(together.get(2).status()).isNotEqualTo(RightsStatus.OPEN);
		assertThat(together.get(4)).isNull();
		assertThat(together.get(5)).isNull();
		assertThat(together.get(6).rule()).isEqualTo("CHILD_AGE_LIMIT");
	}

	@Test
	void aDivorceKeepsTheSpouseCoveredTwelveMonths() {
		String member = person(LocalDate.of(1975, 3, 3));
		String spouse = person(LocalDate.of(1978, 3, 3));
		String number = enrol(member, "PUBLIC_SECTOR", "2010-01-01").get("member").get("registrationNumber").asText();
		long link = api.post("/api/v1/members/" + number + "/dependants",
				"{\"idcs\":\"%s\",\"relation\":\"SPOUSE\",\"startDate\":\"2010-01-01\"}".formatted(spouse)).body().get("id").asLong();
		Api.Response divorce = api.post("/api/v1/dependants/" + link + "/end", "{\"endDate\":\"2024-05-31\",\"reason\":\"DIVORCE\"}");
		assertThat(divorce.status()).isEqualTo(200);
		assertThat(eligibility("idcs=" + spouse + "&date=2025-05-31").get("rule").asText()).isEqualTo("DIVORCED_SPOUSE");
		assertThat(eligibility("idcs=" + spouse + "&date=2025-06-01").get("status").asText()).isEqualTo("CLOSED");
	}

	@Test
	void anAdultChildIsRefusedUnlessStudentOrDisabled() {
		String member = person(LocalDate.of(1965, 3, 3));
		String adult = person(LocalDate.of(2000, 3, 3));
		String number = enrol(member, "PUBLIC_SECTOR", "2010-01-01").get("member").get("registrationNumber").asText();
		Api.Response refused = api.post("/api/v1/members/" + number + "/dependants",
				"{\"idcs\":\"%s\",\"relation\":\"CHILD\",\"startDate\":\"2024-01-01\"}".formatted(adult));
		assertThat(refused.status()).isEqualTo(409);
		assertThat(refused.body().get("errors").get(0).get("rule").asText()).isEqualTo("child-age-limit");
		Api.Response student = api.post("/api/v1/members/" + number + "/dependants",
				"{\"idcs\":\"%s\",\"relation\":\"CHILD\",\"startDate\":\"2024-01-01\",\"studentUntil\":\"2025-06-30\"}".formatted(adult));
		assertThat(student.status()).isEqualTo(201);
		assertThat(eligibility("idcs=" + adult + "&date=2025-06-30").get("status").asText()).isEqualTo("OPEN");
		assertThat(eligibility("idcs=" + adult + "&date=2025-07-01").get("status").asText()).isEqualTo("CLOSED");
	}

	@Test
	void aMissingAchamilPaymentSuspendsRights() {
		String idcs = person(LocalDate.of(1970, 3, 3));
		JsonNode member = enrol(idcs, "ACHAMIL", "2024-01-01");
		long enrolment = member.get("enrolments").get(0).get("id").asLong();
		assertThat(api.post("/api/v1/enrolments/" + enrolment + "/suspensions",
				"{\"startDate\":\"2025-02-01\",\"reason\":\"Mensualité de janvier impayée\"}").status()).isEqualTo(201);
		JsonNode rights = eligibility("idcs=" + idcs + "&date=2025-02-15");
		assertThat(rights.get("status").asText()).isEqualTo("SUSPENDED");
		assertThat(rights.get("reason").asText()).contains("Mensualité de janvier impayée");
		assertThat(eligibility("idcs=" + idcs + "&date=2024-03-01").get("status").asText()).isEqualTo("WAITING");
	}

	@Test
	void invalidEnrolmentBodiesAreBadRequestsNamingTheField() {
		Api.Response noRegime = api.post("/api/v1/enrolments", "{\"idcs\":\"%s\",\"startDate\":\"2024-01-01\"}".formatted(idcs()));
		assertThat(noRegime.status()).isEqualTo(400);
		assertThat(noRegime.body().get("errors").get(0).get("field").asText()).isEqualTo("regime");
		Api.Response badRegime = api.post("/api/v1/enrolments", "{\"idcs\":\"1\",\"regime\":\"ROYAL\",\"startDate\":\"2024-01-01\"}");
		assertThat(badRegime.status()).isEqualTo(400);
		Api.Response notJson = api.post("/api/v1/enrolments", "{\"idcs\":");
		assertThat(notJson.status()).isEqualTo(400);
		Api.Response unknownPerson = api.post("/api/v1/enrolments",
				"{\"idcs\":\"%s\",\"regime\":\"STUDENT\",\"startDate\":\"2024-01-01\"}".formatted(idcs()));
		assertThat(unknownPerson.status()).isEqualTo(404);
	}

	@Test
	void tadamonRegistersAHouseholdBelowTheThresholdWithItsDependants() {
		String head = person(LocalDate.of(1970, 1, 1));
		String spouse = person(LocalDate.of(1975, 1, 1));
		String child = person(LocalDate.of(2012, 1, 1));
		String household = "TAD-" + head;
		Registers.load(imports, ImportKind.RSU, ImportMode.ALL_OR_NOTHING, "household_id,idcs,score,score_date",
				List.of(household + "," + head + ",8.95,2024-01-10", household + "," + spouse + ",8.95,2024-01-10",
						household + "," + child + ",8.95,2024-01-10"));
		JsonNode decision = api.post("/api/v1/tadamon/registrations",
				"{\"householdId\":\"%s\",\"date\":\"2025-01-01\",\"spouseIdcs\":\"%s\"}".formatted(household, spouse)).body();
		assertThat(decision.get("outcome").asText()).isEqualTo("REGISTERED");
		assertThat(decision.get("registered").size()).isEqualTo(3);
		JsonNode childRights = eligibility("idcs=" + child + "&date=2025-01-02");
		assertThat(childRights.get("regime").asText()).isEqualTo("TADAMON");
		assertThat(childRights.get("memberIdcs").asText()).isEqualTo(head);
		JsonNode again = api.post("/api/v1/tadamon/registrations",
				"{\"householdId\":\"%s\",\"date\":\"2025-02-01\"}".formatted(household)).body();
		assertThat(again.get("outcome").asText()).isEqualTo("REJECTED");
		assertThat(again.get("rejection").asText()).isEqualTo("COVERED_BY_OTHER_REGIME");
	}

	@Test
	void tadamonRejectsHouseholdsAboveTheThresholdOrNotInTheRegister() {
		String head = person(LocalDate.of(1970, 1, 1));
		Registers.load(imports, ImportKind.RSU, ImportMode.ALL_OR_NOTHING, "household_id,idcs,score,score_date",
				List.of("RICH-" + head + "," + head + ",9.3264284,2024-01-10"));
		JsonNode atThreshold = api.post("/api/v1/tadamon/registrations",
				"{\"householdId\":\"RICH-%s\",\"date\":\"2025-01-01\"}".formatted(head)).body();
		assertThat(atThreshold.get("rejection").asText()).isEqualTo("SCORE_ABOVE_THRESHOLD");
		JsonNode unknown = api.post("/api/v1/tadamon/registrations", "{\"householdId\":\"NOPE\",\"date\":\"2025-01-01\"}").body();
		assertThat(unknown.get("rejection").asText()).isEqualTo("NOT_IN_RSU");
	}

	@Test
	void achamilRegistersAPersonAboveTheThresholdWithTheAmountOfTheirBand() {
		String idcs = person(LocalDate.of(1968, 1, 1));
		Registers.load(imports, ImportKind.RSU, ImportMode.ALL_OR_NOTHING, "household_id,idcs,score,score_date",
				List.of("ACH-" + idcs + "," + idcs + ",9.8,2024-01-10"));
		JsonNode decision = api.post("/api/v1/achamil/registrations",
				"{\"idcs\":\"%s\",\"date\":\"2025-01-01\"}".formatted(idcs)).body();
		assertThat(decision.get("outcome").asText()).isEqualTo("REGISTERED");
		assertThat(decision.get("monthlyAmount").decimalValue()).isEqualByComparingTo("224");
		assertThat(eligibility("idcs=" + idcs + "&date=2025-03-31").get("status").asText()).isEqualTo("WAITING");
		assertThat(eligibility("idcs=" + idcs + "&date=2025-04-01").get("status").asText()).isEqualTo("OPEN");
		String poor = person(LocalDate.of(1968, 1, 1));
		Registers.load(imports, ImportKind.RSU, ImportMode.ALL_OR_NOTHING, "household_id,idcs,score,score_date",
				List.of("P-" + poor + "," + poor + ",8.1,2024-01-10"));
		assertThat(api.post("/api/v1/achamil/registrations", "{\"idcs\":\"%s\",\"date\":\"2025-01-01\"}".formatted(poor))
			.body().get("rejection").asText()).isEqualTo("SCORE_BELOW_THRESHOLD");
	}
}
