package ma.amo.contributions;

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

/**
 * Members who pay themselves (Achamil, self-employed) and the State's Tadamon statement. Each test uses months no
 * other test issues calls for: monthly calls are issued for the whole portfolio.
 */
@IntegrationTest
class MemberContributionsIntegrationTest {

	@Autowired
	PopulationImports imports;

	@LocalServerPort
	int port;

	Api api;

	@BeforeEach
	void client() {
		api = new Api(port);
	}

	String person(LocalDate birth) {
		String idcs = idcs();
		Registers.persons(imports, rnp(idcs, cin(), "Idrissi", "Salma", birth, 'F'));
		return idcs;
	}

	JsonNode enrol(String idcs, String regime, String start) {
		Api.Response enrolled = api.post("/api/v1/enrolments",
				"{\"idcs\":\"%s\",\"regime\":\"%s\",\"startDate\":\"%s\"}".formatted(idcs, regime, start));
		assertThat(enrolled.status()).as(enrolled.raw()).isEqualTo(201);
		return enrolled.body();
	}

	JsonNode rights(String idcs, String date) {
		return api.get("/api/v1/eligibility?idcs=" + idcs + "&date=" + date).body();
	}

	JsonNode post(String path) {
		Api.Response response = api.post(path, "{}");
		assertThat(response.status()).as(response.raw()).isEqualTo(200);
		return response.body();
	}

	Api.Response pay(String key, String payer, String amount, String paidOn, String means) {
		return api.post("/api/v1/contributions/payments", """
				{"payerKind":"MEMBER","payer":"%s","amount":%s,"paidOn":"%s","means":"%s"}"""
			.formatted(payer, amount, paidOn, means), "Idempotency-Key", key);
	}

	@Test
	void aMissedAchamilInstalmentSuspendsRightsUntilThePaymentDay() {
		String idcs = person(LocalDate.of(1985, 5, 5));
		Registers.load(imports, ImportKind.RSU, ImportMode.ALL_OR_NOTHING, "household_id,idcs,score,score_date",
				List.of("ACH-" + idcs + "," + idcs + ",9.6,2024-01-15"));
		String number = enrol(idcs, "ACHAMIL", "2024-02-01").get("member").get("registrationNumber").asText();
		assertThat(api.put("/api/v1/contributions/achamil/" + number + "/mandate",
				"{\"account\":\"011780000012345678901234\",\"signedOn\":\"2024-02-01\"}").status()).isEqualTo(200);

		JsonNode issued = post("/api/v1/contributions/monthly-calls/2024-06");
		assertThat(issued.get("achamil").asInt()).isPositive();
		// Score 9.6 lies in the band up to 9.743001: 176 DH a month, debited on 25 May, due by 31 May.
		JsonNode debit = api.get("/api/v1/contributions/achamil/direct-debits/2024-06").body().findParents("registrationNumber")
			.stream().filter(d -> d.get("registrationNumber").asText().equals(number)).findFirst().orElseThrow();
		assertThat(debit.get("amount").get("amount").decimalValue()).isEqualByComparingTo("176.00");
		assertThat(debit.get("debitOn").asText()).isEqualTo("2024-05-25");
		assertThat(debit.get("dueDate").asText()).isEqualTo("2024-05-31");

		// The waiting period ended on 30 April; the debit was rejected, the deadline passes on 31 May.
		post("/api/v1/contributions/deadlines?date=2024-06-01");
		assertThat(post("/api/v1/contributions/deadlines?date=2024-06-01").get("calls").asInt()).isZero();
		JsonNode suspended = rights(idcs, "2024-06-01");
		assertThat(suspended.get("status").asText()).isEqualTo("SUSPENDED");
		assertThat(suspended.get("reason").asText()).contains("Mensualité Achamil de 06/2024 impayée");

		assertThat(pay("ach-" + number, number, "176.00", "2024-06-12", "DIRECT_DEBIT").status()).isEqualTo(201);
		assertThat(rights(idcs, "2024-06-11").get("status").asText()).isEqualTo("SUSPENDED");
		assertThat(rights(idcs, "2024-06-12").get("status").asText()).isEqualTo("OPEN");
		JsonNode history = api.get("/api/v1/rights-history?idcs=" + idcs + "&date=2024-06-05").body();
		assertThat(history.get("decidedBy").get("event").get("kind").asText()).isEqualTo("UNPAID_INSTALMENT");
		JsonNode reopened = api.get("/api/v1/rights-history?idcs=" + idcs + "&date=2024-06-20").body();
		assertThat(reopened.get("decidedBy").get("event").get("kind").asText()).isEqualTo("PAYMENT");
		assertThat(reopened.get("decidedBy").get("validFrom").asText()).isEqualTo("2024-06-12");
	}

	@Test
	void twelveUnpaidSelfEmployedMonthsSuspendRightsAndPayingThemAddsAThreeMonthWait() {
		String idcs = person(LocalDate.of(1979, 3, 3));
		String number = enrol(idcs, "SELF_EMPLOYED", "2023-01-01").get("member").get("registrationNumber").asText();
		Api.Response classified = api.put("/api/v1/contributions/self-employed/" + number,
				"{\"category\":\"PHYSIOTHERAPIST\",\"since\":\"2023-01-01\"}");
		assertThat(classified.status()).as(classified.raw()).isEqualTo(200);
		for (int month = 1; month <= 12; month++) {
			post("/api/v1/contributions/monthly-calls/2023-%02d".formatted(month));
		}
		JsonNode calls = api.get("/api/v1/contributions/calls?payerKind=MEMBER&payer=" + number).body();
		assertThat(calls.size()).isEqualTo(12);
		// January: SMIG 2,970.05 DH × 2.75 = 8,167.6375 → 8,167.64 DH reference income; 6.37 % = 520.2787 → 520.28.
		assertThat(calls.get(0).get("amount").get("amount").decimalValue()).isEqualByComparingTo("520.28");
		assertThat(calls.get(0).get("dueDate").asText()).isEqualTo("2023-02-10");
		// September, after the SMIG rose to 3,111.39: × 2.75 = 8,556.3225 → 8,556.32; 6.37 % = 545.0376 → 545.04.
		assertThat(calls.get(8).get("amount").get("amount").decimalValue()).isEqualByComparingTo("545.04");

		// November is the 11th unpaid month at its due date (10 December): rights stay open.
		post("/api/v1/contributions/deadlines?date=2023-12-11");
		assertThat(rights(idcs, "2023-12-11").get("status").asText()).isEqualTo("OPEN");
		// December is the 12th, due on 10 January: suspended from 11 January.
		post("/api/v1/contributions/deadlines?date=2024-01-11");
		assertThat(rights(idcs, "2024-01-10").get("status").asText()).isEqualTo("OPEN");
		assertThat(rights(idcs, "2024-01-11").get("status").asText()).isEqualTo("SUSPENDED");

		// The twelve months are paid on 5 February (8 × 520.28 + 4 × 545.04 = 6,342.40): rights reopen three months on.
		Api.Response paid = pay("tns-" + number, number, "6342.40", "2024-02-05", "TRANSFER");
		assertThat(paid.status()).as(paid.raw()).isEqualTo(201);
		assertThat(paid.body().get("allocations").size()).isEqualTo(12);
		JsonNode waiting = rights(idcs, "2024-05-04");
		assertThat(waiting.get("status").asText()).isEqualTo("SUSPENDED");
		assertThat(waiting.get("reason").asText()).contains("stage de 3 mois");
		assertThat(rights(idcs, "2024-05-05").get("status").asText()).isEqualTo("OPEN");
		// The principal is paid; the penalties of the late months remain owed.
		JsonNode arrears = api.get("/api/v1/contributions/arrears?payerKind=MEMBER&payer=" + number + "&date=2024-02-06")
			.body();
		assertThat(arrears.get("principal").get("amount").decimalValue()).isEqualByComparingTo("0");
		assertThat(arrears.get("penalties").get("amount").decimalValue()).isPositive();
	}

	@Test
	void theTadamonStatementCountsMembersAndDependantsCoveredOnTheFirstDayAtTheAmountThen() {
		// A month no other test covers with Tadamon; the State's amount is set for it like an administrator would.
		assertThat(api.post("/api/v1/parameters/contributions.tadamon.amount-per-beneficiary",
				"{\"effectiveFrom\":\"2003-01-01\",\"value\":\"55\"}").status()).isEqualTo(200);
		String head = person(LocalDate.of(1960, 1, 1));
		String spouse = person(LocalDate.of(1962, 1, 1));
		String late = person(LocalDate.of(1970, 1, 1));
		String number = enrol(head, "TADAMON", "2003-01-01").get("member").get("registrationNumber").asText();
		assertThat(api.post("/api/v1/members/" + number + "/dependants",
				"{\"idcs\":\"%s\",\"relation\":\"SPOUSE\",\"startDate\":\"2003-01-01\"}".formatted(spouse)).status())
			.isEqualTo(201);
		enrol(late, "TADAMON", "2003-03-02");
		JsonNode issued = post("/api/v1/contributions/monthly-calls/2003-03");
		// Two beneficiaries on 1 March 2003 (the member enrolled on 2 March is not counted): 2 × 55 = 110.00 DH.
		assertThat(issued.get("tadamonBeneficiaries").asInt()).isEqualTo(2);
		JsonNode statement = api.get("/api/v1/contributions/tadamon-statements/2003-03").body();
		assertThat(statement.get("amount").get("amount").decimalValue()).isEqualByComparingTo("110.00");
		assertThat(statement.get("explanation").asText()).contains("2 bénéficiaires", "55 DH");
		assertThat(post("/api/v1/contributions/monthly-calls/2003-03").get("tadamonBeneficiaries").asInt()).isEqualTo(2);
		assertThat(api.get("/api/v1/contributions/tadamon-statements/2003-04").status()).isEqualTo(404);
	}
}
