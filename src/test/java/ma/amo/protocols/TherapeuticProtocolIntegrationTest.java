package ma.amo.protocols;

import static ma.amo.support.People.cin;
import static ma.amo.support.People.idcs;
import static ma.amo.support.People.rnp;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import ma.amo.claims.ClaimAdjudication;
import ma.amo.population.PopulationImports;
import ma.amo.providers.Profession;
import ma.amo.providers.ProviderDirectory;
import ma.amo.support.Api;
import ma.amo.support.IntegrationTest;
import ma.amo.support.Registers;
import ma.amo.support.Users;
import ma.amo.tariffs.MedicineReferentials;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * Therapeutic protocols end to end: two regulators propose and approve a version, agents read it, and the claims of an
 * exempted patient are checked against the version in force on their date of care. Amounts from amo-rules.md and the
 * 2006 tariff: C = 80 DH, covered at 90 % under an exemption (72.00). Each test uses its own condition of the list, so
 * that the versions it proposes apply to its own claims only.
 */
@IntegrationTest
class TherapeuticProtocolIntegrationTest {

	/** A medicines version of the test's own: METFORMINE and AMOXICILLINE, published from 2 February 2026. */
	private static final String METFORMINE = "6118000012665";
	private static final String AMOXICILLINE = "6118000070054";

	@Autowired
	PopulationImports imports;

	@Autowired
	ProviderDirectory directory;

	@Autowired
	MedicineReferentials medicines;

	@Autowired
	ClaimAdjudication adjudication;

	@Autowired
	JdbcClient jdbc;

	@LocalServerPort
	int port;

	Api admin;
	Api maker;
	Api checker;

	@BeforeEach
	void regulators() {
		admin = new Api(port);
		admin.post("/api/v1/parameters/claims.review.sample-percent", "{\"effectiveFrom\":\"2025-01-01\",\"value\":\"0\"}");
		maker = Users.as(admin, "REGULATOR", null, null, null);
		checker = Users.as(admin, "REGULATOR", null, null, null);
	}

	static String proposal(int condition, String from, String until, String items) {
		return """
				{"conditionCode":%d,"effectiveFrom":"%s","effectiveUntil":%s,
				 "source":"Protocole thérapeutique de test","items":[%s]}"""
			.formatted(condition, from, until == null ? "null" : "\"" + until + "\"", items);
	}

	static String item(String kind, String code, int maxCount, String period) {
		return "{\"kind\":\"%s\",\"code\":\"%s\",\"label\":\"%s\",\"maxCount\":%d,\"period\":\"%s\"}"
			.formatted(kind, code, code.toLowerCase(), maxCount, period);
	}

	/** A version proposed by one regulator and approved by the other. */
	long approved(String proposal) {
		Api.Response proposed = maker.post("/api/v1/protocols", proposal);
		assertThat(proposed.status()).as(proposed.raw()).isEqualTo(201);
		long id = proposed.body().get("id").asLong();
		assertThat(checker.post("/api/v1/protocols/" + id + "/approval", "{}").status()).isEqualTo(200);
		return id;
	}

	@Test
	void aProtocolVersionAppliesOnlyOnceASecondRegulatorApprovesItAndAgentsReadIt() {
		Api.Response proposed = maker.post("/api/v1/protocols", proposal(13, "2025-01-01", null,
				item("ACT", "Cs", 4, "YEAR") + "," + item("MEDICINE", " timolol ", 1, "MONTH")));
		assertThat(proposed.status()).as(proposed.raw()).isEqualTo(201);
		JsonNode version = proposed.body();
		long id = version.get("id").asLong();
		assertThat(version.get("status").asText()).isEqualTo("PROPOSED");
		assertThat(version.get("conditionLabel").asText()).isEqualTo("Glaucome");
		assertThat(version.get("proposedBy").asText()).isEqualTo(maker.username());
		// A DCI is kept as the medicines referential writes it: upper case, spaces squeezed.
		assertThat(version.get("items").get(1).get("code").asText()).isEqualTo("TIMOLOL");
		// Not in force while proposed.
		assertThat(maker.get("/api/v1/protocols/in-force?condition=13&date=2026-01-10").status()).isEqualTo(404);
		// The proposer cannot decide it; another regulator approves it.
		Api.Response own = maker.post("/api/v1/protocols/" + id + "/approval", "{}");
		assertThat(own.status()).isEqualTo(409);
		assertThat(own.raw()).contains("maker-checker");
		JsonNode approved = checker.post("/api/v1/protocols/" + id + "/approval", "{}").body();
		assertThat(approved.get("status").asText()).isEqualTo("APPROVED");
		assertThat(approved.get("decidedBy").asText()).isEqualTo(checker.username());
		assertThat(checker.post("/api/v1/protocols/" + id + "/rejection", "{\"note\":\"trop tard\"}").status()).isEqualTo(409);
		// Payer agents read the versions; they change none.
		Api agent = Users.as(admin, "PAYER_AGENT", "CNSS", null, null);
		JsonNode inForce = agent.get("/api/v1/protocols/in-force?condition=13&date=2026-01-10").body();
		assertThat(inForce.get("id").asLong()).isEqualTo(id);
		assertThat(inForce.get("items").get(0).get("maxCount").asInt()).isEqualTo(4);
		assertThat(agent.get("/api/v1/protocols?condition=13").body().toString()).contains("\"id\":" + id);
		assertThat(agent.post("/api/v1/protocols", proposal(13, "2027-01-01", null, item("ACT", "C", 1, "YEAR"))).status())
			.isEqualTo(403);
		// A second version rejected with a note stays out of force.
		long second = maker.post("/api/v1/protocols", proposal(13, "2026-01-01", null, item("ACT", "C", 1, "YEAR")))
			.body().get("id").asLong();
		JsonNode rejected = checker.post("/api/v1/protocols/" + second + "/rejection", "{\"note\":\"Sources insuffisantes\"}").body();
		assertThat(rejected.get("status").asText()).isEqualTo("REJECTED");
		assertThat(rejected.get("decisionNote").asText()).isEqualTo("Sources insuffisantes");
		assertThat(agent.get("/api/v1/protocols/in-force?condition=13&date=2026-03-10").body().get("id").asLong()).isEqualTo(id);
	}

	@Test
	void aProposalWithAFieldOutOfItsBoundsIsRefusedNamingTheFieldAndNothingIsStored() {
		long before = jdbc.sql("select count(*) from protocol_version").query(Long.class).single();
		Api.Response refused = maker.post("/api/v1/protocols", proposal(13, "2025-01-01", "2024-12-31",
				item("ACT", "Cs", 0, "YEAR") + "," + item("MEDICINE", "<script>", 1, "MONTH")));
		assertThat(refused.status()).isEqualTo(400);
		assertThat(refused.raw()).contains("effectiveUntil", "items[0].maxCount", "items[1].code");
		assertThat(maker.post("/api/v1/protocols", proposal(13, "2025-01-01", null, item("ACT", "Cs", 2, "WEEK"))).raw())
			.contains("items[0].period");
		assertThat(maker.post("/api/v1/protocols", proposal(77, "2025-01-01", null, item("ACT", "C", 1, "YEAR"))).raw())
			.contains("conditionCode", "known-condition");
		assertThat(maker.post("/api/v1/protocols", proposal(13, "2025-01-01", null,
				item("ACT", "C", 1, "YEAR") + "," + item("ACT", "C", 2, "YEAR"))).raw()).contains("items[1].code", "unique");
		assertThat(maker.post("/api/v1/protocols", proposal(13, "2025-01-01", null, "")).raw()).contains("\"items\"");
		assertThat(maker.post("/api/v1/protocols", proposal(13, "2025-01-01", null,
				item("ACT", "C".repeat(121), 1, "YEAR"))).status()).isEqualTo(400);
		assertThat(jdbc.sql("select count(*) from protocol_version").query(Long.class).single()).isEqualTo(before);
		assertThat(maker.get("/api/v1/protocols?condition=0").status()).isEqualTo(400);
	}

	@Test
	void anExemptedPatientsCareInsideTheProtocolIsCoveredAndCareOutsideOrBeyondItsFrequencyGoesToReview() {
		medicinesFromFebruary2026();
		long protocol = approved(proposal(18, "2026-01-01", null,
				item("ACT", "C", 2, "MONTH") + "," + item("MEDICINE", "METFORMINE", 1, "MONTH")));
		String patient = exempted(18);
		String gp = gp();
		// 6 April 2026: a consultation and metformin, both in the protocol: covered at the exempted rate, no review.
		JsonNode inside = submit(sheet(patient, "2026-04-06", gp, 18, act("C"), medicine(METFORMINE)));
		assertThat(inside.get("status").asText()).as(inside.toString()).isEqualTo("APPROVED");
		assertThat(amount(inside.get("lines").get(0).get("covered"))).isEqualByComparingTo("72.00");
		assertThat(inside.get("lines").get(0).get("ratePercent").asInt()).isEqualTo(90);
		// 13 April: an antibiotic the protocol does not list: priced at the exempted rate, and the claim goes to an agent.
		JsonNode outside = submit(sheet(patient, "2026-04-13", gp, 18, act("C"), medicine(AMOXICILLINE)));
		assertThat(outside.get("status").asText()).isEqualTo("IN_REVIEW");
		String named = "protocole n° " + protocol + " version 1 du 01/01/2026";
		assertThat(outside.get("reviewReasons").toString()).contains("ALD_PROTOCOL: ligne 1 (" + AMOXICILLINE + ") hors du " + named)
			.doesNotContain("ligne 0");
		assertThat(outside.get("lines").get(1).get("reasons").toString()).contains("ALD_PROTOCOL: ligne 1");
		// 20 April: a third consultation and a second box of metformin in April: beyond both frequencies.
		JsonNode beyond = submit(sheet(patient, "2026-04-20", gp, 18, act("C"), medicine(METFORMINE)));
		assertThat(beyond.get("status").asText()).isEqualTo("IN_REVIEW");
		assertThat(beyond.get("reviewReasons").toString())
			.contains("ALD_PROTOCOL: ligne 0 (C) au-delà de la fréquence du " + named
					+ ", élément 1 c: 2 par mois, 2 déjà pris en charge depuis le 01/04/2026")
			.contains("ligne 1 (" + METFORMINE + ") au-delà de la fréquence du " + named + ", élément 2 metformine: 1 par mois");
		assertThat(amount(beyond.get("lines").get(0).get("covered"))).isEqualByComparingTo("72.00");
		// May is a new month: the same care is inside the protocol again.
		assertThat(submit(sheet(patient, "2026-05-04", gp, 18, act("C"), medicine(METFORMINE))).get("status").asText())
			.isEqualTo("APPROVED");
		// Without the exemption cited, the protocol does not apply: normal rate, no review.
		JsonNode plain = submit(sheet(patient, "2026-05-05", gp, null, medicine(AMOXICILLINE)));
		assertThat(plain.get("reviewReasons").toString()).doesNotContain("ALD_PROTOCOL");
	}

	@Test
	void claimsAdjudicatedTogetherCountEachOthersLinesTowardsTheFrequency() {
		medicinesFromFebruary2026();
		approved(proposal(12, "2026-01-01", null, item("ACT", "C", 2, "QUARTER")));
		String patient = exempted(12);
		String gp = gp();
		List<Long> ids = List.of(received(sheet(patient, "2026-04-07", gp, 12, act("C"))),
				received(sheet(patient, "2026-05-12", gp, 12, act("C"))), received(sheet(patient, "2026-06-02", gp, 12, act("C"))));
		assertThat(adjudication.adjudicateTogether(ids)).isEqualTo(3);
		List<String> statuses = ids.stream().map(id -> admin.get("/api/v1/claims/" + id).body().get("status").asText()).toList();
		assertThat(statuses).containsExactly("APPROVED", "APPROVED", "IN_REVIEW");
		assertThat(admin.get("/api/v1/claims/" + ids.get(2)).body().get("reviewReasons").toString())
			.contains("2 par trimestre, 2 déjà pris en charge depuis le 01/04/2026");
	}

	@Test
	void anExpiredProtocolVersionNoLongerApplies() {
		approved(proposal(16, "2025-01-01", "2026-03-31", item("ACT", "Cs", 1, "YEAR")));
		String patient = exempted(16);
		String gp = gp();
		// 31 March 2026, the version's last day: a consultation it does not list goes to review.
		assertThat(submit(sheet(patient, "2026-03-31", gp, 16, act("C"))).get("status").asText()).isEqualTo("IN_REVIEW");
		// 1 April 2026: no version in force any more, the care is covered at the exempted rate as before protocols.
		JsonNode after = submit(sheet(patient, "2026-04-01", gp, 16, act("C")));
		assertThat(after.get("status").asText()).isEqualTo("APPROVED");
		assertThat(amount(after.get("lines").get(0).get("covered"))).isEqualByComparingTo("72.00");
		assertThat(maker.get("/api/v1/protocols/in-force?condition=16&date=2026-04-01").status()).isEqualTo(404);
	}

	private void medicinesFromFebruary2026() {
		LocalDate from = LocalDate.of(2026, 2, 2);
		boolean published = jdbc.sql("select exists (select 1 from medicine_referential where effective_from = ? and status = 'PUBLISHED')")
			.param(from).query(Boolean.class).single();
		if (published) {
			return;
		}
		String file = """
				code,name,dci,dosage,form,presentation,ppv,ph,prix_br,princeps_generique,taux_remboursement
				6118000012665,METFORMINE WIN 500 MG,METFORMINE,500 MG,COMPRIME PELLICULE,1 BOITE 30 COMPRIME,10.4,6.5,10.4,G,70
				6118000070054,AMOXICILLINE LLORENTE,AMOXICILLINE,500 MG,GELULE,1 BOITE 24 GELULE,84.0,,84.0,G,70
				""";
		var proposal = medicines.propose(new ByteArrayInputStream(file.getBytes(StandardCharsets.UTF_8)), false,
				"protocols.csv", from, "agent.maker");
		assertThat(proposal.rejected()).isEmpty();
		medicines.decide(proposal.referential().id(), "agent.checker", true);
	}

	/** A person covered from 2024 with an exemption for {@code condition} from 1 June 2024. */
	private String exempted(int condition) {
		String idcs = idcs();
		Registers.persons(imports, rnp(idcs, cin(), "Alaoui", "Samir", LocalDate.of(1970, 3, 3), 'M'));
		assertThat(admin.post("/api/v1/enrolments", "{\"idcs\":\"%s\",\"regime\":\"SALARIED_PRIVATE\",\"startDate\":\"2024-01-01\",\"waitingWaived\":true}"
			.formatted(idcs)).status()).isEqualTo(201);
		Api.Response granted = Users.medicalReviewer(admin).post("/api/v1/ald-exemptions",
				"{\"idcs\":\"%s\",\"conditionCode\":%d,\"validFrom\":\"2024-06-01\",\"grantedBy\":\"dr.conseil\"}".formatted(idcs, condition));
		assertThat(granted.status()).as(granted.raw()).isEqualTo(201);
		return idcs + "|" + granted.body().get("number").asText();
	}

	private String gp() {
		return directory.register(new ProviderDirectory.NewProfessional("Bennani", "Leila", Profession.GENERAL_PRACTITIONER,
				null, "Rabat-Salé-Kénitra", "Rabat", "Rabat (Mun.)"), LocalDate.of(2020, 1, 1)).inpe();
	}

	private static String act(String code) {
		return "{\"actCode\":\"%s\",\"billed\":80}".formatted(code);
	}

	private static String medicine(String code) {
		return "{\"medicineCode\":\"%s\",\"quantity\":1,\"billed\":10.40}".formatted(code);
	}

	/** A care sheet of the patient ("idcs|exemption number"), citing the exemption when a condition is given. */
	private static String sheet(String patient, String careDate, String executing, Integer condition, String... lines) {
		String[] parts = patient.split("\\|");
		String exemption = condition == null ? "" : "\"aldCode\":%d,\"exemptionNumber\":\"%s\",".formatted(condition, parts[1]);
		return """
				{"kind":"MEMBER_REIMBURSEMENT","patientIdcs":"%s","careDate":"%s","filedOn":"%s","executingInpe":"%s",
				 %s"lines":[%s]}""".formatted(parts[0], careDate, LocalDate.parse(careDate).plusDays(5), executing, exemption, String.join(",", lines));
	}

	private JsonNode submit(String body) {
		Api.Response response = admin.post("/api/v1/claims?adjudicate=true", body, "Idempotency-Key", UUID.randomUUID().toString());
		assertThat(response.status()).as(response.raw()).isEqualTo(201);
		return response.body();
	}

	private long received(String body) {
		Api.Response response = admin.post("/api/v1/claims", body, "Idempotency-Key", UUID.randomUUID().toString());
		assertThat(response.status()).as(response.raw()).isEqualTo(201);
		return response.body().get("id").asLong();
	}

	private static java.math.BigDecimal amount(JsonNode money) {
		return money.get("amount").decimalValue();
	}
}
