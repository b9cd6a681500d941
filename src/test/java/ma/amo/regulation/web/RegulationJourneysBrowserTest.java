package ma.amo.regulation.web;

import static ma.amo.support.People.cin;
import static ma.amo.support.People.idcs;
import static ma.amo.support.People.rnp;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.UUID;

import ma.amo.population.PopulationImports;
import ma.amo.providers.Profession;
import ma.amo.providers.ProviderDirectory;
import ma.amo.support.Api;
import ma.amo.support.Browser;
import ma.amo.support.IntegrationTest;
import ma.amo.support.Registers;
import ma.amo.support.Users;
import ma.amo.tariffs.MedicineReferentials;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The regulator's services in a real browser: anyone searches the medicines guide and follows a request without
 * signing in; the regulator's desk files an INPE request, a second regulator issues the INPE and the applicant sees
 * it; a listing request moves through the Committee from its page; a general practitioner records a referral. Every
 * page passed through is checked for accessibility.
 */
@IntegrationTest
class RegulationJourneysBrowserTest {

	@RegisterExtension
	static Browser browser = new Browser();

	@Autowired
	MedicineReferentials medicines;

	@Autowired
	ProviderDirectory directory;

	@Autowired
	PopulationImports imports;

	@LocalServerPort
	int port;

	private void type(String id, String text) {
		browser.find(By.id(id)).clear();
		browser.find(By.id(id)).sendKeys(text);
	}

	private void submit(String formAction) {
		browser.find(By.cssSelector("main form[action$='" + formAction + "'] button[type=submit]")).click();
	}

	@Test
	void anyoneFindsAMedicineInTheGuideWithItsBasesAndGenericGroupWithoutSigningIn() {
		String file = """
				CODE;NOM;DCI1;DOSAGE1;UNITE_DOSAGE1;FORME;PRESENTATION;PPV;PH;PRIX_BR;PRINCEPS_GENERIQUE;TAUX_REMBOURSEMENT
				6118999460017;OLMETEC;OLMESARTAN;20;MG;COMPRIME;BOITE DE 28;150,00;;150,00;P;70%
				6118999460024;OLMEGEN;OLMESARTAN;20;MG;COMPRIME;BOITE DE 28;95,00;;95,00;G;70%
				""";
		var proposal = medicines.propose(new ByteArrayInputStream(file.getBytes(StandardCharsets.UTF_8)), false, "gmr.csv",
				LocalDate.of(2046, 1, 1), "regulateur.a");
		medicines.decide(proposal.referential().id(), "regulateur.b", true);
		Api guest = new Api(port).anonymous();
		browser.driver().manage().deleteAllCookies();
		browser.open(guest, "/public/medicaments");
		assertThat(browser.find(By.tagName("h1")).getText()).isEqualTo("Guide des médicaments remboursables");
		browser.assertAccessible();
		browser.open(guest, "/public/medicaments?dci=olmesar&date=2046-03-01");
		assertThat(browser.text("results")).isEqualTo("2 médicament(s) trouvé(s)");
		assertThat(browser.text("medicines")).contains("OLMETEC", "OLMEGEN", "1 princeps, 1 générique(s)", "95,00 DH");
		browser.assertAccessible();
		// A search too long is refused beside its field, in French.
		type("name", "x".repeat(100));
		browser.driver().navigate().to(guest.base() + "/public/medicaments?name=" + "x".repeat(101));
		assertThat(browser.text("name-error")).isEqualTo("Nom du médicament : trop long");
		browser.assertAccessible();
	}

	@Test
	void anInpeRequestFiledAtTheDeskIsFollowedByItsApplicantUntilASecondRegulatorIssuesTheInpe() {
		Api admin = new Api(port);
		Api desk = Users.as(admin, "REGULATOR", null, null, null);
		Api checker = Users.as(admin, "REGULATOR", null, null, null);
		browser.signIn(desk, "/regulation/demandes-inpe/nouvelle");
		browser.assertAccessible();
		type("lastName", "Chraibi");
		type("firstName", "Leila");
		new Select(browser.find(By.id("profession"))).selectByValue("SPECIALIST");
		type("specialty", "Pédiatrie");
		type("diplomaReference", "DES-PED-2021-33");
		type("orderNumber", "CNOM-" + UUID.randomUUID().toString().substring(0, 8));
		new Select(browser.find(By.id("region"))).selectByValue("Fès-Meknès");
		type("province", "Fès");
		type("commune", "Fès (Mun.)");
		submit("/regulation/demandes-inpe");
		String reference = browser.text("filed-reference");
		String code = browser.text("filed-code");
		assertThat(reference).matches("DI-2026-\\d{6}");
		assertThat(code).hasSize(16);
		browser.assertAccessible();
		browser.find(By.linkText("Ouvrir la demande")).click();
		assertThat(browser.text("request-status")).isEqualTo("Déposée, en examen");
		browser.assertAccessible();
		browser.find(By.id("propose")).click();
		assertThat(browser.text("own-proposal")).contains("un second régulateur la valide");
		assertThat(browser.driver().findElements(By.id("approve"))).isEmpty();
		String requestPath = browser.driver().getCurrentUrl().substring(desk.base().length());
		browser.open(desk, "/regulation/demandes-inpe?statut=APPROVAL_PROPOSED");
		assertThat(browser.text("requests")).contains(reference, "Chraibi Leila");
		browser.assertAccessible();

		Api guest = admin.anonymous();
		browser.driver().manage().deleteAllCookies();
		browser.open(guest, "/public/suivi");
		browser.assertAccessible();
		type("reference", reference);
		type("code", "WRONGCODE0000000");
		submit("/public/suivi");
		assertThat(browser.text("reference-error")).isEqualTo("Référence de la demande : aucune demande sous cette référence avec ce code");
		type("reference", reference);
		type("code", code);
		submit("/public/suivi");
		assertThat(browser.text("request-status")).isEqualTo("Approbation proposée");
		browser.assertAccessible();

		browser.signIn(checker, requestPath);
		browser.find(By.id("approve")).click();
		String inpe = browser.text("request-inpe");
		assertThat(inpe).matches("\\d{9}");
		browser.assertAccessible();

		browser.driver().manage().deleteAllCookies();
		browser.open(guest, "/public/suivi");
		type("reference", reference);
		type("code", code);
		submit("/public/suivi");
		assertThat(browser.text("request-status")).isEqualTo("Approuvée, INPE attribué");
		assertThat(browser.text("request-inpe")).isEqualTo(inpe);
		assertThat(browser.text("steps")).contains("INPE attribué : " + inpe);
	}

	@Test
	void aListingRequestIsFiledAndItsCommitteeStepsRecordedFromItsPage() {
		Api admin = new Api(port);
		Api desk = Users.as(admin, "REGULATOR", null, null, null);
		browser.signIn(desk, "/regulation/inscriptions/nouvelle");
		browser.assertAccessible();
		type("laboratory", "Sothema");
		type("code", "61189994" + String.format("%05d", (int) (Math.random() * 100_000)));
		type("productName", "GLICLAZ");
		type("dci", "GLICLAZIDE");
		type("dosage", "30 MG");
		type("form", "COMPRIME");
		type("presentation", "BOITE DE 30");
		type("proposedPpv", "abc");
		type("fileReference", "CT-2026-77");
		submit("/regulation/inscriptions");
		assertThat(browser.text("proposedPpv-error")).startsWith("Prix public proposé (DH) : un montant");
		browser.assertAccessible();
		type("proposedPpv", "54,20");
		submit("/regulation/inscriptions");
		browser.find(By.linkText("Ouvrir la demande")).click();
		assertThat(browser.text("request-status")).isEqualTo("Déposée");
		browser.assertAccessible();
		browser.find(By.id("record-step")).click();
		assertThat(browser.text("request-status")).isEqualTo("Dossier complet");
		browser.find(By.id("record-step")).click();
		assertThat(browser.text("request-status")).isEqualTo("Examinée en séance");
		new Select(browser.find(By.id("opinion"))).selectByValue("FAVOURABLE");
		browser.assertAccessible();
		browser.find(By.id("record-step")).click();
		assertThat(browser.text("request-status")).isEqualTo("Avis rendu");
		assertThat(browser.text("steps")).contains("avis favorable");
		browser.open(desk, "/regulation/inscriptions");
		browser.assertAccessible();
		browser.open(desk, "/regulation/changements");
		browser.assertAccessible();
	}

	@Test
	void aGeneralPractitionerRecordsAReferralAndSeesItAmongTheirs() {
		Api admin = new Api(port);
		String patient = idcs();
		Registers.persons(imports, rnp(patient, cin(), "Ouazzani", "Samir", LocalDate.of(1975, 3, 9), 'M'));
		String gp = directory.register(new ProviderDirectory.NewProfessional("Fassi", "Nora", Profession.GENERAL_PRACTITIONER,
				null, "Rabat-Salé-Kénitra", "Rabat", "Rabat (Mun.)"), LocalDate.of(2020, 1, 1)).inpe();
		browser.signIn(Users.as(admin, "PROVIDER", null, gp, null), "/prestataire/orientations");
		assertThat(browser.find(By.cssSelector("header nav")).getText()).contains("Orientations");
		browser.assertAccessible();
		type("patientIdcs", idcs());
		type("toSpecialty", "Cardiologie");
		submit("/prestataire/orientations");
		assertThat(browser.text("patientIdcs-error")).contains("aucune personne sous cet IDCS");
		browser.assertAccessible();
		type("patientIdcs", patient);
		submit("/prestataire/orientations");
		assertThat(browser.text("written")).contains("enregistrée");
		assertThat(browser.text("referrals")).contains(patient, "Cardiologie", "13/09/2026");
		browser.assertAccessible();
	}
}
