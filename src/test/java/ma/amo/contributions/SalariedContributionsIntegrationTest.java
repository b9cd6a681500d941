package ma.amo.contributions;

import static ma.amo.support.People.cin;
import static ma.amo.support.People.idcs;
import static ma.amo.support.People.rnp;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.concurrent.atomic.AtomicLong;

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
class SalariedContributionsIntegrationTest {

	static final String HEADER = "affiliation_number;month;registration_number;days;gross_salary";
	private static final AtomicLong ICE = new AtomicLong(2_000_000_000_000L);

	@Autowired
	PopulationImports imports;

	@LocalServerPort
	int port;

	Api api;

	@BeforeEach
	void client() {
		api = new Api(port);
	}

	/** A salaried member enrolled from a date; returns the registration number. */
	String salaried(String start) {
		String idcs = idcs();
		Registers.persons(imports, rnp(idcs, cin(), "Bennani", "Karim", LocalDate.of(1988, 4, 4), 'M'));
		Api.Response enrolled = api.post("/api/v1/enrolments",
				"{\"idcs\":\"%s\",\"regime\":\"SALARIED_PRIVATE\",\"startDate\":\"%s\"}".formatted(idcs, start));
		assertThat(enrolled.status()).as(enrolled.raw()).isEqualTo(201);
		return enrolled.body().get("member").get("registrationNumber").asText();
	}

	String employer() {
		Api.Response created = api.post("/api/v1/employers", """
				{"name":"Atlas Textile","ice":"%015d","region":"Casablanca-Settat","commune":"Casablanca (Mun.)",
				 "affiliatedOn":"2010-01-01"}""".formatted(ICE.incrementAndGet()));
		assertThat(created.status()).as(created.raw()).isEqualTo(201);
		return created.body().get("affiliationNumber").asText();
	}

	Api.Response declare(String... lines) {
		return api.upload("/api/v1/contributions/declaration-imports", "declarations.csv",
				HEADER + "\n" + String.join("\n", lines) + "\n");
	}

	JsonNode callOf(String employer, String month) {
		for (JsonNode call : api.get("/api/v1/contributions/calls?payerKind=EMPLOYER&payer=" + employer).body()) {
			if (call.get("month").asText().equals(month + "-01")) {
				return call;
			}
		}
		throw new AssertionError("no call for " + month);
	}

	Api.Response pay(String key, String employer, String amount, String paidOn) {
		return api.post("/api/v1/contributions/payments", """
				{"payerKind":"EMPLOYER","payer":"%s","amount":%s,"paidOn":"%s","means":"TRANSFER","reference":"VIR-%s"}"""
			.formatted(employer, amount, paidOn, key), "Idempotency-Key", key);
	}

	String status(String registration, String date) {
		return api.get("/api/v1/eligibility?registrationNumber=" + registration + "&date=" + date).body().get("status")
			.asText();
	}

	@Test
	void declaredDaysOpenSalariedRightsOnTheDayTheirContributionsArePaid() {
		String worker = salaried("2025-01-06");
		String employer = employer();
		Api.Response imported = declare(employer + ";2025-01;" + worker + ";20;4000.00",
				employer + ";2025-02;" + worker + ";22;4000,00", employer + ";2025-03;" + worker + ";20;4000.00");
		assertThat(imported.status()).as(imported.raw()).isEqualTo(201);
		assertThat(imported.body().get("result").get("declarations").asLong()).isEqualTo(3);
		// 4,000.00 gross: employee 2.26 % = 90.40, employer 2.26 % = 90.40, solidarity 1.85 % = 74.00; 254.80 due by
		// the 10th of the month after.
		JsonNode january = callOf(employer, "2025-01");
		assertThat(january.get("amount").get("amount").decimalValue()).isEqualByComparingTo("254.80");
		assertThat(january.get("dueDate").asText()).isEqualTo("2025-02-10");

		assertThat(pay("jan-" + employer, employer, "254.80", "2025-02-10").status()).isEqualTo(201);
		assertThat(pay("feb-" + employer, employer, "254.80", "2025-03-07").status()).isEqualTo(201);
		// 42 days paid: still waiting. March's 20 days (62) are paid late, on 25 April: rights open that day.
		assertThat(status(worker, "2025-04-24")).isEqualTo("WAITING");
		JsonNode arrears = api.get("/api/v1/contributions/arrears?payerKind=EMPLOYER&payer=" + employer
				+ "&date=2025-04-24").body();
		// March was due on 10 April: one month (or part of one) late, 3 % of 254.80 = 7.644 → 7.64.
		assertThat(arrears.get("principal").get("amount").decimalValue()).isEqualByComparingTo("254.80");
		assertThat(arrears.get("penalties").get("amount").decimalValue()).isEqualByComparingTo("7.64");

		Api.Response march = pay("mar-" + employer, employer, "262.44", "2025-04-25");
		assertThat(march.status()).as(march.raw()).isEqualTo(201);
		assertThat(march.body().get("allocations").get(0).get("penalty").get("amount").decimalValue())
			.isEqualByComparingTo("7.64");
		assertThat(march.body().get("unallocated").get("amount").decimalValue()).isEqualByComparingTo("0");
		assertThat(status(worker, "2025-04-25")).isEqualTo("OPEN");

		String idcs = api.get("/api/v1/members/" + worker).body().get("member").get("idcs").asText();
		JsonNode history = api.get("/api/v1/rights-history?idcs=" + idcs + "&date=2025-05-02").body();
		assertThat(history.get("rights").get("coveredSince").asText()).isEqualTo("2025-04-25");
		assertThat(history.get("decidedBy").get("validFrom").asText()).isEqualTo("2025-04-25");
		assertThat(history.get("decidedBy").get("event").get("kind").asText()).isEqualTo("PAYMENT");
		assertThat(history.get("decidedBy").get("event").get("summary").asText()).contains("03/2025", employer);
		JsonNode before = api.get("/api/v1/rights-history?idcs=" + idcs + "&date=2025-03-01").body();
		assertThat(before.get("decidedBy").get("status").asText()).isEqualTo("WAITING");
		assertThat(before.get("decidedBy").get("event").get("kind").asText()).isEqualTo("ENROLMENT");
	}

	@Test
	void aPaymentRepeatedWithItsKeyIsRecordedOnceAndAKeyReusedForAnotherPaymentIsRefused() {
		String worker = salaried("2025-01-06");
		String employer = employer();
		assertThat(declare(employer + ";2025-06;" + worker + ";26;5000.00").status()).isEqualTo(201);
		Api.Response first = pay("once-" + employer, employer, "318.50", "2025-07-08");
		Api.Response repeat = pay("once-" + employer, employer, "318.50", "2025-07-08");
		assertThat(first.status()).isEqualTo(201);
		assertThat(repeat.status()).isEqualTo(200);
		assertThat(repeat.body().get("id").asLong()).isEqualTo(first.body().get("id").asLong());
		assertThat(callOf(employer, "2025-06").get("paid").get("amount").decimalValue()).isEqualByComparingTo("318.50");
		Api.Response other = pay("once-" + employer, employer, "100.00", "2025-07-08");
		assertThat(other.status()).isEqualTo(409);
		assertThat(other.body().get("errors").get(0).get("field").asText()).isEqualTo("idempotencyKey");
	}

	@Test
	void aDeclarationFileWithBadLinesImportsNothingAndNamesEachLineFieldAndRule() {
		String worker = salaried("2025-01-06");
		String employer = employer();
		Api.Response rejected = declare(employer + ";2025-08;" + worker + ";22;4000.00",
				employer + ";2025-08;" + worker + ";22;4000.00",
				employer + ";2025-08;10000000000;22;4000.00",
				employer + ";2025-08;" + worker + ";40;4000.00",
				employer + ";2025-8x;" + worker + ";10;4000.00",
				employer + ";2025-08;" + worker + ";10;-5");
		assertThat(rejected.status()).as(rejected.raw()).isEqualTo(422);
		JsonNode rejections = rejected.body().get("rejections");
		assertThat(rejections.findValuesAsString("field")).contains("days", "month", "gross_salary");
		// Lines are numbered as in the file, the header being line 1.
		assertThat(rejections.get(0).get("line").asLong()).isEqualTo(5);
		assertThat(rejections.get(0).get("rule").asText()).isEqualTo("range");
		assertThat(rejected.body().get("result").get("message").asText()).contains("nothing was imported");
		assertThat(api.get("/api/v1/contributions/calls?payerKind=EMPLOYER&payer=" + employer).body()).isEmpty();

		// Without the line-level errors, the whole-file rules speak: a duplicate line and an unknown member.
		Api.Response wholeFile = declare(employer + ";2025-08;" + worker + ";10;4000.00",
				employer + ";2025-08;" + worker + ";10;4000.00", employer + ";2025-08;10000000000;22;4000.00");
		assertThat(wholeFile.status()).isEqualTo(422);
		assertThat(wholeFile.body().get("rejections").findValuesAsString("rule")).contains("unique-line", "known-member");
		long id = wholeFile.body().get("result").get("id").asLong();
		assertThat(api.get("/api/v1/contributions/declaration-imports/" + id).body().get("rejections").size()).isEqualTo(2);

		assertThat(declare(employer + ";2025-08;" + worker + ";22;4000.00").status()).isEqualTo(201);
		Api.Response again = declare(employer + ";2025-08;" + worker + ";22;4000.00");
		assertThat(again.body().get("rejections").get(0).get("rule").asText()).isEqualTo("already-declared");
	}
}
