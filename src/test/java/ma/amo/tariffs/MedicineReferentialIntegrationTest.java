package ma.amo.tariffs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;

import ma.amo.shared.Money;
import ma.amo.shared.NotFound;
import ma.amo.shared.RuleBroken;
import ma.amo.support.Api;
import ma.amo.support.IntegrationTest;
import ma.amo.support.Users;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/** On real rows of the sample referential (a public compilation of the CNOPS referential). */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MedicineReferentialIntegrationTest {

	private static final LocalDate V1 = LocalDate.of(2031, 1, 1);
	private static final LocalDate V2 = LocalDate.of(2032, 1, 1);
	private static final String CLAMOXYL = "6118000160465";
	private static final String GENTAMEN = "6118000080435";
	private static final String SOMATULINE = "6118001071470";

	@Autowired
	MedicineReferentials referentials;

	@Autowired
	JdbcClient jdbc;

	@LocalServerPort
	int port;

	@BeforeAll
	void publishTheSampleReferentialAndANewerVersion() throws IOException {
		try (InputStream sample = getClass().getResourceAsStream("/referentials/medicines-referential-sample.csv")) {
			MedicineReferentials.Proposal proposal = referentials.propose(sample, false, "sample.csv", V1, "agent.maker");
			assertThat(proposal.rejected()).isEmpty();
			assertThat(proposal.referential().medicines()).isEqualTo(1525);
			referentials.decide(proposal.referential().id(), "agent.checker", true);
		}
		String newer = """
				CODE;NOM;DCI1;DOSAGE1;UNITE_DOSAGE1;FORME;PRESENTATION;PPV;PH;PRIX_BR;PRINCEPS_GENERIQUE;TAUX_REMBOURSEMENT
				6118000160465;CLAMOXYL;AMOXICILLINE;500;MG;GELULE;1 BOITE 24 GELULE;90,00;;80,00;P;70%
				""";
		var proposal = referentials.propose(new ByteArrayInputStream(newer.getBytes(StandardCharsets.UTF_8)), false,
				"newer.csv", V2, "agent.maker");
		assertThat(proposal.rejected()).isEmpty();
		referentials.decide(proposal.referential().id(), "agent.checker", true);
	}

	@Test
	void cnssReimbursesABrandOnTheGenericPricedClosestToItAndCnopsOnTheMostExpensiveGeneric() {
		// AMOXICILLINE 500 MG, 24 capsules. Brands CLAMOXYL, AMOXIL, PENAMOX: PRIX_BR 84.00. Generics: AMOXICILLINE
		// LLORENTE 84.00, AXIMYCINE 95.80, BIOMOX 69.30 (PPV = PRIX_BR). CNSS on PRIX_BR, closest to 84.00: LLORENTE.
		MedicineBase cnss = referentials.base(CLAMOXYL, "CNSS", V1);
		assertThat(cnss.reference().code()).isEqualTo("6118000070054");
		assertThat(cnss.base()).isEqualTo(Money.of("84.00"));
		assertThat(cnss.rule()).isEqualTo(BaseRule.CLOSEST_GENERIC);
		// CNOPS on PPV, most expensive generic: AXIMYCINE 95.80.
		MedicineBase cnops = referentials.base(CLAMOXYL, "CNOPS", V1);
		assertThat(cnops.reference().code()).isEqualTo("6118000030072");
		assertThat(cnops.base()).isEqualTo(Money.of("95.80"));
		assertThat(cnops.explanation()).contains("AXIMYCINE");
	}

	@Test
	void theSameRulesOnAnInjectableGroup() {
		// GENTAMICINE 160 MG, 6 ampoules. Brand GENTAMEN 160 PRIX_BR 119.80; generics GENTOSYL 132.20,
		// GENTAMICINE LLORENTE 119.80, GENTAGAM 160 92.80.
		assertThat(referentials.base(GENTAMEN, "CNSS", V1).base()).isEqualTo(Money.of("119.80"));
		assertThat(referentials.base(GENTAMEN, "CNOPS", V1).base()).isEqualTo(Money.of("132.20"));
	}

	@Test
	void aMedicineWithoutGenericIsReimbursedOnItsOwnPriceAndAZeroPercentOneIsSaidSo() {
		MedicineBase base = referentials.base(SOMATULINE, "CNSS", V1);
		assertThat(base.reference().code()).isEqualTo(SOMATULINE);
		assertThat(base.base()).isEqualTo(base.medicine().prixBr());
		assertThat(base.rate().percent()).isZero();
		assertThat(base.explanation()).contains("not reimbursed");
	}

	@Test
	void theVersionInForceIsTheLatestPublishedOnOrBeforeTheDate() {
		assertThat(referentials.base(CLAMOXYL, "CNSS", V2.minusDays(1)).referentialFrom()).isEqualTo(V1);
		MedicineBase newer = referentials.base(CLAMOXYL, "CNSS", V2);
		assertThat(newer.referentialFrom()).isEqualTo(V2);
		assertThat(newer.base()).isEqualTo(Money.of("80.00"));
		assertThat(newer.medicine().dosage()).isEqualTo("500 MG");
		assertThatThrownBy(() -> referentials.base(GENTAMEN, "CNSS", V2)).isInstanceOf(NotFound.class);
	}

	@Test
	void theProposerCannotPublishTheirOwnVersion() {
		var proposal = referentials.propose(new ByteArrayInputStream(
				"code,name,dci,dosage,form,presentation,ppv,ph,prix_br,princeps_generique,taux_remboursement\n6118000160465,CLAMOXYL,AMOXICILLINE,500 MG,GELULE,1 BOITE 24 GELULE,90,,80,P,70\n"
					.getBytes(StandardCharsets.UTF_8)), false, "own.csv", LocalDate.of(2033, 1, 1), "agent.maker");
		long id = proposal.referential().id();
		assertThatThrownBy(() -> referentials.decide(id, "agent.maker", true)).isInstanceOf(RuleBroken.class)
			.hasMessageContaining("cannot approve");
		assertThat(referentials.referential(id).status()).isEqualTo(MedicineReferential.Status.PROPOSED);
	}

	@Test
	void refusesTheProposerAsCheckerWhateverNameItSends() {
		Api admin = new Api(port);
		Api.Response proposed = admin.upload("/api/v1/tariffs/medicines/referentials?effectiveFrom=2036-01-01&proposedBy=quelqu.un",
				"own.csv", "code,name,dci,dosage,form,presentation,ppv,ph,prix_br,princeps_generique,taux_remboursement\n"
						+ "6118000160465,CLAMOXYL,AMOXICILLINE,500 MG,GELULE,1 BOITE 24 GELULE,90,,80,P,70\n");
		assertThat(proposed.status()).as(proposed.raw()).isEqualTo(201);
		long id = proposed.body().get("referential").get("id").asLong();
		assertThat(referentials.referential(id).proposedBy()).isEqualTo(Api.ADMINISTRATOR);
		for (String decision : new String[] { "publication", "rejection" }) {
			Api.Response own = admin.post("/api/v1/tariffs/medicines/referentials/" + id + "/" + decision,
					"{\"agent\":\"agent.checker\"}");
			assertThat(own.status()).isEqualTo(409);
			assertThat(own.body().get("errors").get(0).get("rule").asText()).isEqualTo("maker-checker");
		}
		assertThat(referentials.referential(id).status()).isEqualTo(MedicineReferential.Status.PROPOSED);
		Api checker = Users.as(admin, "ADMINISTRATOR", null, null, null);
		Api.Response rejected = checker.post("/api/v1/tariffs/medicines/referentials/" + id + "/rejection", "{}");
		assertThat(rejected.status()).as(rejected.raw()).isEqualTo(200);
		assertThat(referentials.referential(id).decidedBy())
			.isEqualTo(checker.get("/api/v1/users/me").body().get("name").asText());
	}

	@Test
	void aFileWithABadRowStoresNothingAndNamesEachBadRow() {
		long before = jdbc.sql("select count(*) from medicine").query(Long.class).single();
		Api.Response response = new Api(port).upload(
				"/api/v1/tariffs/medicines/referentials?effectiveFrom=2034-01-01", "bad.csv",
				"code,name,dci,dosage,form,presentation,ppv,ph,prix_br,princeps_generique,taux_remboursement\n"
						+ "6118000160465,CLAMOXYL,AMOXICILLINE,500 MG,GELULE,1 BOITE,90,,80,P,70\n"
						+ "61180001604,SHORT,AMOXICILLINE,500 MG,GELULE,1 BOITE,90,,80,P,70\n"
						+ "6118000160466,NEG,AMOXICILLINE,500 MG,GELULE,1 BOITE,-3,,80,P,70\n"
						+ "6118000160465,TWICE,AMOXICILLINE,500 MG,GELULE,1 BOITE,90,,80,X,70\n");
		assertThat(response.status()).isEqualTo(400);
		assertThat(response.body().get("rejected").findValuesAsString("field")).containsExactly("code", "ppv",
				"princeps_generique");
		assertThat(response.body().get("rejected").get(0).get("line").asLong()).isEqualTo(3);
		assertThat(jdbc.sql("select count(*) from medicine").query(Long.class).single()).isEqualTo(before);
	}
}
