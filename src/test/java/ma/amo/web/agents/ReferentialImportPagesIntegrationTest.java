package ma.amo.web.agents;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import ma.amo.providers.ProviderDirectory;
import ma.amo.support.Api;
import ma.amo.support.IntegrationTest;
import ma.amo.support.Users;
import ma.amo.tariffs.MedicineReferentials;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The administrators' referential imports as HTML answers: a medicines referential and a list of establishments
 * followed to their end through the progress fragment, the rejected rows shown one by one with nothing stored, and
 * bad uploads refused in French.
 */
@IntegrationTest
class ReferentialImportPagesIntegrationTest {

	static final String HEADER = "CODE;NOM;DCI1;DOSAGE1;UNITE_DOSAGE1;FORME;PRESENTATION;PPV;PH;PRIX_BR;PRINCEPS_GENERIQUE;TAUX_REMBOURSEMENT\n";

	@Autowired
	MedicineReferentials medicines;

	@Autowired
	ProviderDirectory directory;

	@LocalServerPort
	int port;

	Api administrator;

	@BeforeEach
	void client() {
		administrator = new Api(port);
	}

	/** Uploads, then follows the import's progress fragment until it has finished; answers the finished fragment. */
	private String importAndWait(String query, String fileName, String content) {
		Api.Response sent = administrator.upload("/agents/imports-referentiels?" + query, fileName, content);
		assertThat(sent.status()).as(sent.raw()).isEqualTo(302);
		Matcher link = Pattern.compile("/agents/imports-referentiels/(\\d+)\"")
			.matcher(administrator.get("/agents/imports-referentiels").raw());
		assertThat(link.find()).isTrue();
		String progress = "/agents/imports-referentiels/" + link.group(1) + "/progression";
		Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> !administrator.get(progress).raw().contains("hx-trigger"));
		return administrator.get(progress).raw();
	}

	@Test
	void aMedicinesReferentialIsProposedWhileItsPageCountsTheRowsCheckedAndStored() {
		int before = medicines.referentials().size();
		StringBuilder file = new StringBuilder(HEADER);
		for (int i = 0; i < 300; i++) {
			file.append("6118%09d;MEDICAMENT %d;PARACETAMOL;500;MG;COMPRIME;1 BOITE 20;12,00;;12,00;G;70%%\n".formatted(i, i));
		}
		String done = importAndWait("kind=MEDICINES&date=2044-01-01", "medicaments.csv", file.toString());
		assertThat(done).contains("Terminé", "value=\"100\"", "300 / 300", "avec 300 médicament(s)");
		assertThat(medicines.referentials()).hasSize(before + 1);
		assertThat(medicines.referentials().getFirst().effectiveFrom()).hasToString("2044-01-01");
	}

	@Test
	void aMedicinesFileWithBadRowsShowsEachRejectedRowAndStoresNothing() {
		int before = medicines.referentials().size();
		String file = HEADER + "6118000160465;CLAMOXYL;AMOXICILLINE;500;MG;GELULE;1 BOITE 24 GELULE;90,00;;84,00;P;70%\n"
				+ "6118000070054;;AMOXICILLINE;500;MG;GELULE;1 BOITE 24 GELULE;84,00;;84,00;G;70%\n"
				+ "6118000160465;CLAMOXYL BIS;AMOXICILLINE;500;MG;GELULE;1 BOITE 24 GELULE;90,00;;84,00;P;70%\n";
		String done = importAndWait("kind=MEDICINES&date=2044-02-01", "mauvais.csv", file);
		assertThat(done).contains("Rejeté", "2 ligne(s) rejetée(s) : rien n&#39;a été enregistré.", "id=\"rejections\"",
				"<td class=\"num\">3</td>", "<td class=\"num\">4</td>", "duplicate code 6118000160465");
		assertThat(medicines.referentials()).hasSize(before);
	}

	@Test
	void aListOfEstablishmentsIsRegisteredAndARepeatFindsThemAlreadyKnown() {
		String name = "Clinique Import " + UUID.randomUUID();
		String file = "region,delegation,commune,name,category\n" + "Rabat-Salé-Kénitra,Rabat,Rabat (Mun.)," + name + ",CLINIC\n"
				+ "Rabat-Salé-Kénitra,Rabat,Rabat (Mun.)," + name + " Annexe,CLINIC\n";
		assertThat(importAndWait("kind=ESTABLISHMENTS&sector=PRIVATE", "cliniques.csv", file))
			.contains("Terminé", "2 établissement(s) enregistré(s), 0 déjà connu(s).");
		assertThat(directory.search(new ProviderDirectory.EstablishmentQuery(name, null, null, null, null, null), 0, 5)
			.content()).hasSize(2);
		assertThat(importAndWait("kind=ESTABLISHMENTS&sector=PRIVATE", "cliniques.csv", file))
			.contains("0 établissement(s) enregistré(s), 2 déjà connu(s).");
		String other = "Polyclinique Refusée " + UUID.randomUUID();
		String unknownRegion = importAndWait("kind=ESTABLISHMENTS&sector=PRIVATE", "regions.csv",
				"region,delegation,commune,name,category\nRabat-Salé-Kénitra,Rabat,Rabat (Mun.)," + other + ",CLINIC\n"
						+ "Atlantide,Rabat,Rabat (Mun.)," + other + " Bis,CLINIC\n");
		assertThat(unknownRegion).contains("Rejeté", "<td>region</td>", "is not one of the twelve regions");
		// All or nothing: the valid row of the rejected file is not registered either.
		assertThat(directory.search(new ProviderDirectory.EstablishmentQuery(other, null, null, null, null, null), 0, 5)
			.content()).noneMatch(e -> e.name().startsWith("Polyclinique Refusée"));
	}

	@Test
	void badUploadsAreRefusedInFrenchNextToTheirFieldAndStartNothing() {
		int before = medicines.referentials().size();
		assertThat(administrator.upload("/agents/imports-referentiels?kind=MEDICINES", "m.csv", HEADER).raw())
			.contains("Date d&#39;effet : ");
		assertThat(administrator.upload("/agents/imports-referentiels?kind=MEDICINES&date=31/12/2044", "m.csv", HEADER).raw())
			.contains("Date d&#39;effet : ");
		assertThat(administrator.upload("/agents/imports-referentiels?kind=ACTS&date=2044-01-01", "m.csv", HEADER).raw())
			.contains("Référentiel : ");
		assertThat(administrator.upload("/agents/imports-referentiels?kind=ESTABLISHMENTS&sector=MARS", "e.csv", "x").raw())
			.contains("Secteur des établissements : ");
		assertThat(administrator.upload("/agents/imports-referentiels?kind=MEDICINES&date=2044-01-01", "vide.csv", "").raw())
			.contains("Fichier CSV ou Excel (.xlsx), ligne d&#39;en-tête : ");
		assertThat(medicines.referentials()).hasSize(before);
		assertThat(administrator.get("/agents/imports-referentiels/999999").status()).isEqualTo(404);
		Api agent = Users.as(administrator, "PAYER_AGENT", "CNSS", null, null);
		assertThat(agent.get("/agents/imports-referentiels").status()).isEqualTo(403);
	}
}
