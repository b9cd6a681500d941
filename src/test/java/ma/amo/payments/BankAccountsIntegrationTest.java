package ma.amo.payments;

import static ma.amo.support.People.cin;
import static ma.amo.support.People.idcs;
import static ma.amo.support.People.rnp;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.UUID;

import ma.amo.audit.AuditTrail;
import ma.amo.payments.PayableClaims.PayeeKind;
import ma.amo.population.PopulationImports;
import ma.amo.providers.ProviderDirectory;
import ma.amo.providers.Sector;
import ma.amo.support.Api;
import ma.amo.support.IntegrationTest;
import ma.amo.support.Registers;
import ma.amo.support.Users;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Members and establishments give the account they are paid to; the platform keeps it checked, dated and encrypted,
 * and says who recorded it.
 */
@IntegrationTest
class BankAccountsIntegrationTest {

	static final String RIB = "011519000001205000534921";
	static final String IBAN = "MA64011519000001205000534921";
	/** Another valid account: same bank, key computed for it. */
	static final String OTHER_RIB = "0115190000000000000000" + Rib.keyOf("0115190000000000000000");

	@Autowired
	PopulationImports imports;

	@Autowired
	ProviderDirectory directory;

	@Autowired
	BankAccounts accounts;

	@Autowired
	AuditTrail trail;

	@Autowired
	JdbcClient jdbc;

	@LocalServerPort
	int port;

	Api administrator;
	String member;

	@BeforeEach
	void memberOfCnss() {
		administrator = new Api(port);
		member = idcs();
		Registers.persons(imports, rnp(member, cin(), "Alaoui", "Salma", LocalDate.of(1985, 3, 2), 'F'));
		assertThat(administrator.post("/api/v1/enrolments",
				"{\"idcs\":\"%s\",\"regime\":\"SALARIED_PRIVATE\",\"startDate\":\"2024-01-01\",\"waitingWaived\":true}"
					.formatted(member)).status()).isEqualTo(201);
	}

	String path() {
		return "/api/v1/bank-accounts/MEMBER/" + member;
	}

	@Test
	void aMemberRecordsTheirAccountAndIsRecordedAsTheOneWhoDidIt() {
		Api self = Users.as(administrator, "MEMBER", null, null, member);
		Api.Response recorded = self.post(path(), "{\"rib\":\"MA64 0115 1900 0001 2050 0053 4921\"}");
		assertThat(recorded.status()).isEqualTo(201);
		assertThat(recorded.body().get("rib").asText()).isEqualTo(RIB);
		assertThat(recorded.body().get("iban").asText()).isEqualTo(IBAN);
		assertThat(recorded.body().get("bankCode").asText()).isEqualTo("011");
		assertThat(recorded.body().get("validFrom").asText()).isEqualTo("2026-06-15");
		assertThat(recorded.body().get("recordedBy").asText()).isNotEqualTo("admin").isNotBlank();

		Api.Response read = self.get(path());
		assertThat(read.status()).isEqualTo(200);
		assertThat(read.body()).hasSize(1);
		assertThat(read.body().get(0).get("recordedBy").asText()).isEqualTo(recorded.body().get("recordedBy").asText());
		// Encrypted at rest: the number is not in the table as such.
		assertThat(jdbc.sql("select rib from bank_account where payee = ?").param(member).query(String.class).single())
			.doesNotContain(RIB.substring(6, 22));
		trail.flush();
		assertThat(jdbc.sql("select action from audit_entry where record_type = 'BANK_ACCOUNT' and record_id = ? order by seq")
			.param(member).query(String.class).list()).containsExactly("CHANGE", "READ");
	}

	@Test
	void theSameAccountSentAgainIsARepeatAndANewOneReplacesItFromItsDate() {
		assertThat(administrator.post(path(), "{\"rib\":\"%s\"}".formatted(RIB)).status()).isEqualTo(201);
		assertThat(administrator.post(path(), "{\"rib\":\"%s\"}".formatted(IBAN)).status()).isEqualTo(200);
		assertThat(administrator.post(path(), "{\"rib\":\"%s\",\"validFrom\":\"2026-07-01\"}".formatted(OTHER_RIB)).status())
			.isEqualTo(201);

		assertThat(accounts.accountOn(PayeeKind.MEMBER, member, LocalDate.of(2026, 6, 30)).orElseThrow().rib()).isEqualTo(RIB);
		assertThat(accounts.accountOn(PayeeKind.MEMBER, member, LocalDate.of(2026, 7, 1)).orElseThrow().rib()).isEqualTo(OTHER_RIB);
		assertThat(accounts.accountOn(PayeeKind.MEMBER, member, LocalDate.of(2026, 6, 14))).isEmpty();
		assertThat(administrator.get(path()).body()).hasSize(2);
	}

	@Test
	void aCorrectionOnTheSameDayReplacesTheAccountAndKeepsTheFirstInTheHistory() {
		assertThat(administrator.post(path(), "{\"rib\":\"%s\"}".formatted(OTHER_RIB)).status()).isEqualTo(201);
		assertThat(administrator.post(path(), "{\"rib\":\"%s\"}".formatted(RIB)).status()).isEqualTo(201);
		assertThat(accounts.accountOn(PayeeKind.MEMBER, member, LocalDate.of(2026, 6, 15)).orElseThrow().rib()).isEqualTo(RIB);
		assertThat(administrator.get(path()).body().get(1).get("rib").asText()).isEqualTo(OTHER_RIB);
	}

	@Test
	void aWrongNumberOrDateIsRefusedNamingTheFieldAndNothingIsStored() {
		Api.Response wrongKey = administrator.post(path(), "{\"rib\":\"011519000001205000534922\"}");
		assertThat(wrongKey.status()).isEqualTo(400);
		assertThat(wrongKey.raw()).contains("rib").contains("rib-key");
		assertThat(administrator.post(path(), "{\"rib\":\"%s\",\"validFrom\":\"2026-06-14\"}".formatted(RIB)).status()).isEqualTo(400);
		assertThat(administrator.post(path(), "{\"rib\":\"%s\",\"validFrom\":\"2028-01-01\"}".formatted(RIB)).status()).isEqualTo(400);
		assertThat(administrator.post(path(), "{\"rib\":\"%s\"}".formatted("1".repeat(41))).status()).isEqualTo(400);
		assertThat(administrator.post("/api/v1/bank-accounts/EMPLOYER/" + member, "{\"rib\":\"%s\"}".formatted(RIB)).status())
			.isEqualTo(400);
		assertThat(jdbc.sql("select count(*) from bank_account where payee = ?").param(member).query(Long.class).single())
			.isZero();
	}

	@Test
	void aPersonWhoIsNoMemberHasNoAccountToRecord() {
		String notMember = idcs();
		Registers.persons(imports, rnp(notMember, cin(), "Alaoui", "Omar", LocalDate.of(1990, 1, 1), 'M'));
		assertThat(administrator.post("/api/v1/bank-accounts/MEMBER/" + notMember, "{\"rib\":\"%s\"}".formatted(RIB)).status())
			.isEqualTo(404);
	}

	@Test
	void othersReachOnlyTheAccountsTheirScopeCovers() {
		String other = idcs();
		Api otherMember = Users.as(administrator, "MEMBER", null, null, other);
		assertThat(otherMember.post(path(), "{\"rib\":\"%s\"}".formatted(RIB)).status()).isEqualTo(403);
		assertThat(otherMember.get(path()).status()).isEqualTo(403);
		assertThat(Users.as(administrator, "PAYER_AGENT", "CNOPS", null, null).get(path()).status()).isEqualTo(403);
		assertThat(Users.as(administrator, "PAYER_AGENT", "CNSS", null, null).post(path(), "{\"rib\":\"%s\"}".formatted(RIB))
			.status()).isEqualTo(201);
		assertThat(Users.as(administrator, "FINANCE", null, null, null).get(path()).status()).isEqualTo(200);

		String clinic = directory.register(new ProviderDirectory.NewEstablishment("Clinique Agdal " + UUID.randomUUID(), "CLINIC",
				Sector.PRIVATE, "Rabat-Salé-Kénitra", "Rabat", "Rabat (Mun.)"), LocalDate.of(2020, 1, 1)).provider().inpe();
		Api provider = Users.as(administrator, "PROVIDER", null, clinic, null);
		assertThat(provider.get(path()).status()).isEqualTo(403);
		assertThat(provider.post("/api/v1/bank-accounts/ESTABLISHMENT/" + clinic, "{\"rib\":\"%s\"}".formatted(RIB)).status())
			.isEqualTo(201);
		assertThat(Users.as(administrator, "PROVIDER", null, "000000001", null)
			.get("/api/v1/bank-accounts/ESTABLISHMENT/" + clinic).status()).isEqualTo(403);
		assertThat(otherMember.get("/api/v1/bank-accounts/ESTABLISHMENT/" + clinic).status()).isEqualTo(403);
		assertThat(administrator.get("/api/v1/bank-accounts/ESTABLISHMENT/" + ma.amo.providers.Inpe.of(99999998)).status())
			.isEqualTo(404);
		assertThat(administrator.get("/api/v1/bank-accounts/ESTABLISHMENT/123456789").status()).isEqualTo(400);
	}
}
