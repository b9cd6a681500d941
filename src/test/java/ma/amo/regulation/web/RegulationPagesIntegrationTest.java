package ma.amo.regulation.web;

import static ma.amo.support.People.cin;
import static ma.amo.support.People.idcs;
import static ma.amo.support.People.rnp;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

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

/**
 * The regulator's pages, the public guide and the providers' referrals answered as HTML to a client: what each one
 * refuses is said in French beside its field and nothing is stored; maker-checker holds on the pages as in the API;
 * payer agents read the desks without acting (today is 15 June 2026).
 */
@IntegrationTest
class RegulationPagesIntegrationTest {

	@Autowired
	ProviderDirectory directory;

	@Autowired
	PopulationImports imports;

	@Autowired
	MedicineReferentials medicines;

	@LocalServerPort
	int port;

	Api admin;
	Api desk;
	Api checker;

	@BeforeEach
	void regulators() {
		admin = new Api(port);
		desk = Users.as(admin, "REGULATOR", null, null, null);
		checker = Users.as(admin, "REGULATOR", null, null, null);
	}

	static Api.Response form(Api api, String path, String... namesAndValues) {
		StringBuilder body = new StringBuilder();
		for (int i = 0; i + 1 < namesAndValues.length; i += 2) {
			body.append(body.isEmpty() ? "" : "&").append(URLEncoder.encode(namesAndValues[i], StandardCharsets.UTF_8))
				.append('=').append(URLEncoder.encode(namesAndValues[i + 1], StandardCharsets.UTF_8));
		}
		return api.post(path, "application/x-www-form-urlencoded", body.toString().getBytes(StandardCharsets.UTF_8));
	}

	static String unique() {
		return UUID.randomUUID().toString().substring(0, 8).toUpperCase();
	}

	static String[] cardiologist(String orderNumber) {
		return new String[] { "kind", "PROFESSIONAL", "lastName", "Berrada", "firstName", "Youssef", "profession",
				"SPECIALIST", "specialty", "Cardiologie", "diplomaReference", "DES-CARDIO-2020-7", "orderNumber", orderNumber,
				"region", "Fès-Meknès", "province", "Fès", "commune", "Fès (Mun.)" };
	}

	long inpeRequests() {
		return desk.get("/api/v1/inpe-requests?size=1").body().get("totalElements").asLong();
	}

	long listingRequests() {
		return desk.get("/api/v1/listing-requests?size=1").body().get("totalElements").asLong();
	}

	/** Files through the page; answers the id of the request the desk is sent to. */
	long filedInpeRequest(String orderNumber) {
		Api.Response filed = form(desk, "/regulation/demandes-inpe", cardiologist(orderNumber));
		assertThat(filed.status()).isEqualTo(200);
		assertThat(filed.raw()).contains("id=\"filed-code\"");
		String link = filed.raw().substring(filed.raw().indexOf("/regulation/demandes-inpe/") + "/regulation/demandes-inpe/".length());
		return Long.parseLong(link.substring(0, link.indexOf('"')));
	}

	@Test
	void anInpeRequestWithMissingOrMalformedFieldsIsRefusedBesideEachFieldAndNothingIsFiled() {
		long before = inpeRequests();
		Api.Response refused = form(desk, "/regulation/demandes-inpe", "kind", "PROFESSIONAL", "lastName", "",
				"firstName", "x".repeat(101), "profession", "WIZARD", "orderNumber", "<script>", "region", "Atlantide",
				"province", "Fès", "commune", "Fès");
		assertThat(refused.status()).isEqualTo(200);
		assertThat(refused.raw()).contains("Nom : à renseigner", "Prénom : trop long", "Profession : à choisir dans la liste",
				"N° d&#39;inscription à l&#39;Ordre : lettres, chiffres", "Région : à choisir dans la liste",
				"id=\"lastName-error\"", "aria-invalid=\"true\"");
		// A specialty for a general practitioner is the service's refusal, shown beside the same field.
		String[] generalist = cardiologist("CNOM-" + unique());
		generalist[7] = "GENERAL_PRACTITIONER";
		assertThat(form(desk, "/regulation/demandes-inpe", generalist).raw())
			.contains("Spécialité (médecin spécialiste) : une spécialité pour un médecin spécialiste");
		assertThat(inpeRequests()).isEqualTo(before);

		String order = "CNOM-" + unique();
		filedInpeRequest(order);
		Api.Response duplicate = form(desk, "/regulation/demandes-inpe", cardiologist(order));
		assertThat(duplicate.raw()).contains("N° d&#39;inscription à l&#39;Ordre : déjà l&#39;objet d&#39;une demande non refusée");
		assertThat(inpeRequests()).isEqualTo(before + 1);
	}

	@Test
	void theRegulatorWhoProposedAnApprovalCannotApproveItOnThePageAndAnAgentOnlyReads() {
		long id = filedInpeRequest("CNOM-" + unique());
		String page = "/regulation/demandes-inpe/" + id;
		assertThat(form(desk, page + "/complement", "message", " ").raw()).contains("Complément demandé : à renseigner");
		assertThat(form(desk, page + "/complement", "message", "Copie certifiée du diplôme").status()).isEqualTo(302);
		assertThat(desk.get(page).raw()).contains("Complément demandé", "Copie certifiée du diplôme",
				"Enregistrer la réponse du demandeur");
		assertThat(form(desk, page + "/reponse", "answer", "Copie apportée au guichet le 15/06").status()).isEqualTo(302);
		assertThat(form(desk, page + "/proposition").status()).isEqualTo(302);

		Api.Response own = desk.get(page);
		assertThat(own.raw()).contains("id=\"own-proposal\"").doesNotContain("id=\"approve\"");
		Api.Response refused = form(desk, page + "/approbation");
		assertThat(refused.raw()).contains("le régulateur qui a proposé ne peut pas décider");
		assertThat(desk.get("/api/v1/inpe-requests/" + id).body().get("status").asText()).isEqualTo("APPROVAL_PROPOSED");

		Api agent = Users.as(admin, "PAYER_AGENT", "CNSS", null, null);
		Api.Response read = agent.get(page);
		assertThat(read.status()).isEqualTo(200);
		assertThat(read.raw()).contains("Approbation proposée").doesNotContain("Décider");
		assertThat(form(agent, page + "/approbation").status()).isEqualTo(403);
		assertThat(agent.get("/regulation/demandes-inpe/nouvelle").status()).isEqualTo(403);

		assertThat(checker.get(page).raw()).contains("id=\"approve\"");
		assertThat(form(checker, page + "/approbation").status()).isEqualTo(302);
		assertThat(checker.get(page).raw()).contains("Approuvée, INPE attribué", "id=\"request-inpe\"");
		assertThat(form(checker, page + "/refus", "reason", "trop tard").raw())
			.contains("État : cette action n&#39;est pas possible à l&#39;état actuel de la demande");
		assertThat(desk.get("/regulation/demandes-inpe/abc").status()).isEqualTo(404);
		assertThat(desk.get("/regulation/demandes-inpe/999999999").raw()).contains("Cette demande n&#39;existe pas.");
	}

	@Test
	void aListingRequestIsFiledAndTakenThroughTheCommitteeFromItsPageWithEachDateChecked() {
		long before = listingRequests();
		Api.Response refused = form(desk, "/regulation/inscriptions", "laboratory", "Pharma 5", "code", "61180",
				"productName", "", "dci", "NEBIVOLOL", "dosage", "5 MG", "form", "COMPRIME", "presentation", "BOITE DE 28",
				"brandOrGeneric", "X", "proposedPpv", "12,345", "fileReference", "CT-2026-9");
		assertThat(refused.raw()).contains("Code EAN-13 : 13 chiffres", "Nom du produit : à renseigner",
				"Princeps ou générique : à choisir dans la liste", "Prix public proposé (DH) : un montant");
		assertThat(listingRequests()).isEqualTo(before);

		String code = "61189990" + String.format("%05d", (int) (Math.random() * 100_000));
		Api.Response filed = form(desk, "/regulation/inscriptions", "laboratory", "Pharma 5", "code", code,
				"productName", "NEBILOX", "dci", "NEBIVOLOL", "dosage", "5 MG", "form", "COMPRIME", "presentation",
				"BOITE DE 28", "brandOrGeneric", "P", "proposedPpv", "98,40", "fileReference", "CT-2026-9");
		assertThat(filed.raw()).contains("id=\"filed-code\"");
		String link = filed.raw().substring(filed.raw().indexOf("/regulation/inscriptions/") + "/regulation/inscriptions/".length());
		String page = "/regulation/inscriptions/" + link.substring(0, link.indexOf('"'));
		assertThat(desk.get(page).raw()).contains("98,40 DH", "Étape suivante : dossier complet");

		assertThat(form(desk, page + "/etape", "step", "COMPLETE", "date", "2026-06-16").raw())
			.contains("Date : hors des dates admises");
		assertThat(form(desk, page + "/etape", "step", "DECISION", "date", "2026-06-15", "decision", "LISTED").raw())
			.contains("Étape : ce n&#39;est pas l&#39;étape suivante de la demande");
		assertThat(form(desk, page + "/etape", "step", "COMPLETE", "date", "2026-06-15").status()).isEqualTo(302);
		assertThat(form(desk, page + "/etape", "step", "EXAMINED", "date", "2026-06-15").status()).isEqualTo(302);
		assertThat(form(desk, page + "/etape", "step", "OPINION", "date", "2026-06-15").raw())
			.contains("Avis : à renseigner");
		assertThat(form(desk, page + "/etape", "step", "OPINION", "date", "2026-06-15", "opinion", "FAVOURABLE").status())
			.isEqualTo(302);
		assertThat(form(desk, page + "/etape", "step", "DECISION", "date", "2026-06-15", "decision", "LISTED").status())
			.isEqualTo(302);
		Api.Response decided = desk.get(page);
		assertThat(decided.raw()).contains("Décision prise", "Inscription au remboursement", "avis favorable",
				"Étape suivante : publication");
		assertThat(form(desk, page + "/publication", "versionId", "0").raw())
			.contains("Version publiée du référentiel des médicaments : un nombre entier");
		assertThat(listingRequests()).isEqualTo(before + 1);
	}

	@Test
	void theProposerOfADirectoryChangeSeesItAsTheirsAndASecondRegulatorAppliesIt() {
		String inpe = directory.register(new ProviderDirectory.NewProfessional("Tazi", "Amal", Profession.DENTIST, null,
				"Rabat-Salé-Kénitra", "Rabat", "Rabat (Mun.)"), LocalDate.of(2020, 1, 1)).inpe();
		assertThat(form(desk, "/regulation/changements", "kind", "CONVENTION", "inpe", "12345", "payerBody", "CNAM",
				"startDate", "demain").raw())
			.contains("INPE du prestataire : neuf chiffres", "Organisme (convention) : à choisir dans la liste",
					"À partir du : une date");
		assertThat(form(desk, "/regulation/changements", "kind", "PROVIDER_STATUS", "inpe", inpe, "status", "SUSPENDED",
				"startDate", "2026-07-01", "reason", "Fermeture temporaire").status()).isEqualTo(302);
		String list = desk.get("/regulation/changements").raw();
		String row = list.substring(list.indexOf(inpe));
		row = row.substring(0, row.indexOf("</tr>"));
		assertThat(row).contains("Votre proposition").doesNotContain("Appliquer");
		String id = list.substring(0, list.indexOf(inpe));
		id = id.substring(id.lastIndexOf("id=\"change-") + "id=\"change-".length());
		id = id.substring(0, id.indexOf('"'));
		assertThat(form(desk, "/regulation/changements/" + id + "/approbation").raw())
			.contains("le régulateur qui a proposé ne peut pas décider");
		assertThat(form(checker, "/regulation/changements/" + id + "/rejet", "note", "").raw())
			.contains("Motif du rejet : à renseigner");
		assertThat(form(checker, "/regulation/changements/" + id + "/approbation").status()).isEqualTo(302);
		assertThat(checker.get("/api/v1/referential-changes/" + id).body().get("status").asText()).isEqualTo("APPLIED");
	}

	@Test
	void aReferralForAnIdcsUnknownToTheRegisterIsRefusedOnThePageAndByTheApiAndNothingIsRecorded() {
		String gpInpe = directory.register(new ProviderDirectory.NewProfessional("Alami", "Rachid",
				Profession.GENERAL_PRACTITIONER, null, "Rabat-Salé-Kénitra", "Rabat", "Rabat (Mun.)"), LocalDate.of(2020, 1, 1))
			.inpe();
		Api gp = Users.as(admin, "PROVIDER", null, gpInpe, null);
		String unknown = idcs();
		Api.Response page = form(gp, "/prestataire/orientations", "patientIdcs", unknown, "toSpecialty", "Cardiologie");
		assertThat(page.status()).isEqualTo(200);
		assertThat(page.raw()).contains("IDCS du patient : aucune personne sous cet IDCS dans le registre",
				"id=\"patientIdcs-error\"").contains("Aucune orientation.");
		Api.Response api = gp.post("/api/v1/referrals", "{\"patientIdcs\":\"%s\",\"toSpecialty\":\"Cardiologie\"}".formatted(unknown));
		assertThat(api.status()).isEqualTo(400);
		assertThat(api.raw()).contains("patientIdcs").contains("known-patient");
		assertThat(form(gp, "/prestataire/orientations", "patientIdcs", "12ab", "toSpecialty", "x".repeat(101),
				"validUntil", "31/12/2026").raw())
			.contains("IDCS du patient : l&#39;IDCS du patient, 10 chiffres", "Spécialité : trop long",
					"Valable jusqu&#39;au : une date");

		String patient = idcs();
		Registers.persons(imports, rnp(patient, cin(), "Saidi", "Hind", LocalDate.of(1985, 5, 5), 'F'));
		assertThat(form(gp, "/prestataire/orientations", "patientIdcs", patient, "toSpecialty", "Dermatologie").status())
			.isEqualTo(302);
		assertThat(gp.get("/prestataire/orientations").raw()).contains(patient, "Dermatologie", "13/09/2026");
		// A specialist is not a first contact: the page says so and records nothing.
		String specialistInpe = directory.register(new ProviderDirectory.NewProfessional("Kettani", "Omar",
				Profession.SPECIALIST, "Cardiologie", "Rabat-Salé-Kénitra", "Rabat", "Rabat (Mun.)"), LocalDate.of(2020, 1, 1))
			.inpe();
		Api specialist = Users.as(admin, "PROVIDER", null, specialistInpe, null);
		assertThat(form(specialist, "/prestataire/orientations", "patientIdcs", patient, "toSpecialty", "Rhumatologie").raw())
			.contains("Prescripteur : seul un médecin généraliste", "Aucune orientation.");
	}

	@Test
	void theGuideIsOpenToAnyoneWithBasesAndGenericGroupsAndBoundsItsSearch() {
		LocalDate from = LocalDate.of(2045, 1, 1);
		String file = """
				CODE;NOM;DCI1;DOSAGE1;UNITE_DOSAGE1;FORME;PRESENTATION;PPV;PH;PRIX_BR;PRINCEPS_GENERIQUE;TAUX_REMBOURSEMENT
				6118999450011;TELMISAR;TELMISARTAN;40;MG;COMPRIME;BOITE DE 30;120,50;;120,50;P;70%
				6118999450028;TELMIGEN;TELMISARTAN;40;MG;COMPRIME;BOITE DE 30;80,00;;80,00;G;70%
				""";
		var proposal = medicines.propose(new ByteArrayInputStream(file.getBytes(StandardCharsets.UTF_8)), false, "gmr.csv",
				from, "regulateur.a");
		assertThat(proposal.rejected()).isEmpty();
		medicines.decide(proposal.referential().id(), "regulateur.b", true);

		Api guest = admin.anonymous();
		Api.Response found = guest.get("/public/medicaments?dci=telmi&date=2045-02-01");
		assertThat(found.status()).isEqualTo(200);
		assertThat(found.raw()).contains("2 médicament(s) trouvé(s)", "TELMISAR", "TELMIGEN", "1 princeps, 1 générique(s)",
				"80,00 DH", "70 %");
		assertThat(guest.get("/public/medicaments").raw()).doesNotContain("id=\"results\"").doesNotContain("role=\"alert\"");
		assertThat(guest.get("/public/medicaments?name=" + "x".repeat(101)).raw()).contains("Nom du médicament : trop long");
		assertThat(guest.get("/public/medicaments?name=TELMI&date=2004-12-31").raw())
			.contains("En vigueur le (facultatif, aujourd&#39;hui sinon) : hors des dates admises");
		assertThat(guest.get("/public/medicaments?name=TELMI&date=2045-02-01&page=x").status()).isEqualTo(200);
		assertThat(guest.get("/public/suivi").status()).isEqualTo(200);
		List<String> hostile = new ArrayList<>(List.of("%00", "%27%22%3E%3Cscript%3E", "%E2%80%AE"));
		for (String text : hostile) {
			assertThat(guest.get("/public/medicaments?dci=" + text).status()).isLessThan(500);
		}
	}
}
