package ma.amo.web.agents;

import static ma.amo.support.People.cin;
import static ma.amo.support.People.idcs;
import static ma.amo.support.People.rnp;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.UUID;

import ma.amo.audit.AuditTrail;
import ma.amo.population.PopulationImports;
import ma.amo.providers.Profession;
import ma.amo.providers.ProviderDirectory;
import ma.amo.support.Api;
import ma.amo.support.IntegrationTest;
import ma.amo.support.People;
import ma.amo.support.Registers;
import ma.amo.support.Users;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The agents' pages answered as HTML, without a browser: the scope of the payer body, the refusals of bad input in
 * French with nothing stored, the audit of what a page reads, and an import followed to its end.
 */
@IntegrationTest
class AgentPagesIntegrationTest {

	static final String FORM = "application/x-www-form-urlencoded";

	@Autowired
	PopulationImports imports;

	@Autowired
	ProviderDirectory directory;

	@Autowired
	AuditTrail trail;

	@Autowired
	ma.amo.tariffs.MedicineReferentials medicines;

	@Autowired
	JdbcClient jdbc;

	@LocalServerPort
	int port;

	Api administrator;

	@BeforeEach
	void client() {
		administrator = new Api(port);
		administrator.post("/api/v1/parameters/claims.review.sample-percent", "{\"effectiveFrom\":\"2005-09-01\",\"value\":\"0\"}");
		administrator.post("/api/v1/parameters/claims.review.sample-percent", "{\"effectiveFrom\":\"2024-03-01\",\"value\":\"100\"}");
		administrator.post("/api/v1/parameters/claims.review.sample-percent", "{\"effectiveFrom\":\"2024-03-02\",\"value\":\"0\"}");
		administrator.post("/api/v1/parameters/claims.review.sample-percent", "{\"effectiveFrom\":\"2025-01-01\",\"value\":\"0\"}");
	}

	record Insured(String idcs, String cin, String registrationNumber) {
	}

	Insured insured(String regime) {
		String idcs = idcs();
		String cin = cin();
		Registers.persons(imports, rnp(idcs, cin, "Idrissi", "Nora", LocalDate.of(1982, 3, 4), 'F'));
		Api.Response enrolled = administrator.post("/api/v1/enrolments",
				"{\"idcs\":\"%s\",\"regime\":\"%s\",\"startDate\":\"2024-01-01\",\"waitingWaived\":true}".formatted(idcs, regime));
		assertThat(enrolled.status()).as(enrolled.raw()).isEqualTo(201);
		return new Insured(idcs, cin, enrolled.body().get("member").get("registrationNumber").asText());
	}

	long claimInReview(String patient) {
		String doctor = directory.register(new ProviderDirectory.NewProfessional("Berrada", "Youssef",
				Profession.GENERAL_PRACTITIONER, null, "Rabat-Salé-Kénitra", "Rabat", "Rabat (Mun.)"),
				LocalDate.of(2020, 1, 1)).inpe();
		Api.Response response = administrator.post("/api/v1/claims?adjudicate=true", """
				{"kind":"MEMBER_REIMBURSEMENT","patientIdcs":"%s","careDate":"2024-03-01","filedOn":"2024-03-05",
				 "executingInpe":"%s","lines":[{"actCode":"C","billed":80}]}""".formatted(patient, doctor),
				"Idempotency-Key", UUID.randomUUID().toString());
		assertThat(response.body().get("status").asText()).isEqualTo("IN_REVIEW");
		return response.body().get("id").asLong();
	}

	static String search(String q) {
		return "/agents/personnes/resultats?q=" + URLEncoder.encode(q, StandardCharsets.UTF_8);
	}

	@Test
	void anAgentFindsAPersonByIdcsCinOrRegistrationNumberAndTheReadIsAudited() {
		Insured nora = insured("SALARIED_PRIVATE");
		Api agent = Users.as(administrator, "PAYER_AGENT", "CNSS", null, null);
		String name = agent.get("/api/v1/users/me").body().get("name").asText();
		for (String q : new String[] { nora.idcs(), nora.cin().toLowerCase(), nora.registrationNumber() }) {
			Api.Response found = agent.get(search(q));
			assertThat(found.status()).isEqualTo(200);
			assertThat(found.raw()).as(q).contains("/agents/personnes/" + nora.idcs(), "Idrissi Nora");
		}
		Api.Response file = agent.get("/agents/personnes/" + nora.idcs());
		assertThat(file.status()).isEqualTo(200);
		assertThat(file.raw()).contains(nora.registrationNumber(), "AMO des salariés du secteur privé", "ouverts");
		trail.flush();
		assertThat(jdbc.sql("select count(*) from audit_entry where record_type = 'PERSON' and record_id = ? and actor = ?")
			.params(nora.idcs(), name).query(Long.class).single()).isGreaterThanOrEqualTo(4);
	}

	@Test
	void anAgentOfAnotherPayerBodyFindsNobodyAndMayNotOpenTheFile() {
		Insured nora = insured("SALARIED_PRIVATE");
		Api cnops = Users.as(administrator, "PAYER_AGENT", "CNOPS", null, null);
		assertThat(cnops.get(search(nora.idcs())).raw()).contains("Aucune personne trouvée dans votre périmètre.")
			.doesNotContain("/agents/personnes/" + nora.idcs());
		assertThat(cnops.get(search(nora.registrationNumber())).raw()).doesNotContain("/agents/personnes/" + nora.idcs());
		assertThat(cnops.get("/agents/personnes/" + nora.idcs()).status()).isEqualTo(403);
	}

	@Test
	void aSearchTextThatIsNeitherAnIdentifierNorANameIsRefusedInFrenchAndNeverBreaksThePage() {
		Api agent = Users.as(administrator, "PAYER_AGENT", "CNSS", null, null);
		Api.Response hostile = agent.get(search("<script>alert(1)</script>"));
		assertThat(hostile.status()).isEqualTo(200);
		assertThat(hostile.raw()).contains("Recherche : saisir un IDCS (10 chiffres)").doesNotContain("<script>alert");
		Api.Response tooLong = agent.get(search("a".repeat(300)));
		assertThat(tooLong.status()).isEqualTo(200);
		assertThat(tooLong.raw()).contains("Recherche : trop long");
		assertThat(agent.get("/agents/personnes/12%27%3B--").status()).isEqualTo(400);
		assertThat(agent.get("/agents/revision?patient=abc").status()).isEqualTo(400);
		assertThat(agent.get("/agents/personnes/" + People.idcs()).status()).isEqualTo(404);
	}

	@Test
	void aReviewWithoutAReasonOrByTheAccountThatFiledTheClaimIsRefusedNextToTheFieldAndTheClaimStaysInReview() {
		Insured nora = insured("SALARIED_PRIVATE");
		long claim = claimInReview(nora.idcs());
		Api agent = Users.as(administrator, "PAYER_AGENT", "CNSS", null, null);
		String page = "/agents/revision/" + claim;
		assertThat(agent.post(page, FORM, "decision=CONFIRM&comment=".getBytes()).raw())
			.contains("Motif de la décision : à renseigner");
		assertThat(agent.post(page, FORM, "decision=MAYBE&comment=ok".getBytes()).raw())
			.contains("Décision : choisir une des valeurs proposées");
		assertThat(agent.post(page, FORM, ("decision=REJECT&comment=" + "x".repeat(1_001)).getBytes()).raw())
			.contains("Motif de la décision : trop long");
		// The administrator filed it: maker-checker.
		assertThat(administrator.post(page, FORM, "decision=CONFIRM&comment=Conforme".getBytes()).raw())
			.contains("le compte qui a déposé le dossier ne peut pas le réviser");
		assertThat(administrator.get("/api/v1/claims/" + claim).body().get("status").asText()).isEqualTo("IN_REVIEW");
		Api.Response decided = agent.post(page, FORM, "decision=REJECT&comment=Ordonnance+absente".getBytes());
		assertThat(decided.status()).isEqualTo(302);
		assertThat(administrator.get("/api/v1/claims/" + claim).body().get("status").asText()).isEqualTo("REJECTED");
		// Decided, it is no longer offered to decide.
		assertThat(agent.get(page).raw()).contains("Rejeté").doesNotContain("name=\"decision\"");
	}

	@Test
	void aRegisterImportIsFollowedToItsEndAndABadUploadIsRefusedInFrench() {
		String idcs = People.idcs();
		String file = People.RNP_HEADER + "\n" + rnp(idcs, cin(), "Tahiri", "Omar", LocalDate.of(1990, 1, 1), 'M') + "\n";
		Api.Response sent = administrator.upload("/agents/imports?kind=RNP&mode=ALL_OR_NOTHING", "rnp.csv", file);
		assertThat(sent.status()).as(sent.raw()).isEqualTo(302);
		long job = administrator.get("/api/v1/import-jobs?size=1").body().get("content").get(0).get("id").asLong();
		Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> administrator
			.get("/agents/imports/" + job + "/progression").raw().contains("Terminé"));
		// Finished, the fragment stops asking for itself.
		assertThat(administrator.get("/agents/imports/" + job + "/progression").raw()).doesNotContain("hx-trigger")
			.contains("value=\"100\"");
		assertThat(imports.job(job).rowsInserted()).isEqualTo(1);
		assertThat(administrator.upload("/agents/imports?kind=RNP&mode=ALL_OR_NOTHING", "vide.csv", "").raw())
			.contains("le fichier est vide");
		assertThat(administrator.upload("/agents/imports?kind=XYZ&mode=ALL_OR_NOTHING", "rnp.csv", file).raw())
			.contains("Registre : choisir une des valeurs proposées");
	}

	@Test
	void aPendingRequestPastItsDueDateIsShownLateToTheMedicalReviewer() {
		String patient = insured("SALARIED_PRIVATE").idcs();
		String clinic = directory.register(new ProviderDirectory.NewEstablishment("Clinique Anfa " + UUID.randomUUID(),
				"CLINIC", ma.amo.providers.Sector.PRIVATE, "Casablanca-Settat", "Casablanca", "Casablanca (Mun.)"),
				LocalDate.of(2020, 1, 1)).provider().inpe();
		Api.Response asked = Users.as(administrator, "PROVIDER", null, clinic, null).post("/api/v1/prior-approvals", """
				{"patientIdcs":"%s","establishmentInpe":"%s","careType":"SURGERY","expectedStart":"2026-07-01",
				 "lines":[{"actCode":"APPENDICECTOMIE","billed":2000.00}],"medicalNote":"Appendicite"}"""
			.formatted(patient, clinic), "Idempotency-Key", UUID.randomUUID().toString());
		assertThat(asked.status()).as(asked.raw()).isEqualTo(201);
		String reference = asked.body().get("reference").asText();
		// Its clock ran out a week ago.
		jdbc.sql("update prior_approval set due_at = received_at - interval '7 days' where reference = ?").param(reference).update();
		String queue = Users.medicalReviewer(administrator).get("/agents/ententes-prealables").raw();
		String row = queue.substring(queue.indexOf(">" + reference + "<"));
		assertThat(row.substring(0, row.indexOf("</tr>"))).contains("En retard de", "status-ko");
	}

	@Test
	void aMedicineIsFoundByItsDciOnTheReferentialInForceWithTheBrandsAndGenericsOfItsGroup() {
		// A version far ahead, so that no other test's date of care reads it.
		LocalDate from = LocalDate.of(2043, 1, 1);
		String file = """
				CODE;NOM;DCI1;DOSAGE1;UNITE_DOSAGE1;FORME;PRESENTATION;PPV;PH;PRIX_BR;PRINCEPS_GENERIQUE;TAUX_REMBOURSEMENT
				6118000160465;CLAMOXYL;AMOXICILLINE;500;MG;GELULE;1 BOITE 24 GELULE;90,00;;84,00;P;70%
				6118000070054;AMOXICILLINE LLORENTE;AMOXICILLINE;500;MG;GELULE;1 BOITE 24 GELULE;84,00;;84,00;G;70%
				6118000080435;GENTAMEN;GENTAMICINE;160;MG;AMPOULE;1 BOITE 6 AMPOULES;119,80;;119,80;P;70%
				""";
		var proposal = medicines.propose(new java.io.ByteArrayInputStream(file.getBytes(StandardCharsets.UTF_8)), false,
				"agents.csv", from, "agent.maker");
		assertThat(proposal.rejected()).isEmpty();
		medicines.decide(proposal.referential().id(), "agent.checker", true);
		Api agent = Users.as(administrator, "PAYER_AGENT", "CNSS", null, null);

		// Part of the DCI, accents and case aside: both medicines of the group, in name order, with their bases.
		String page = agent.get("/agents/medicaments?dci=amoxi&date=2043-02-01").raw();
		assertThat(page).contains("2 médicament(s) du référentiel en vigueur le 01/02/2043");
		assertThat(page.indexOf("AMOXICILLINE LLORENTE")).isPositive().isLessThan(page.indexOf("CLAMOXYL"));
		assertThat(page).contains("500 MG · GELULE · 1 BOITE 24 GELULE : 1 princeps, 1 générique(s)", "84,00 DH");
		assertThat(agent.get("/agents/medicaments?name=gentamen&date=2043-02-01").raw())
			.contains("GENTAMEN", "1 princeps, 0 générique(s)").doesNotContain("CLAMOXYL");
		// The referential in force on another day does not hold them.
		assertThat(agent.get("/agents/medicaments?name=clamoxyl&date=2001-01-01").raw())
			.containsAnyOf("Aucun résultat", "Aucun référentiel").doesNotContain("6118000160465");

		// Bad input is refused next to its field, never a 500.
		assertThat(agent.get("/agents/medicaments?name=" + "x".repeat(61)).raw()).contains("Nom du médicament : trop long");
		assertThat(agent.get("/agents/medicaments?dci=amoxi&date=demain").raw()).contains("Date : ");
		assertThat(agent.get("/agents/medicaments?dci=amoxi&date=2043-02-01&page=99999").raw()).contains("Page : ");
	}
}
