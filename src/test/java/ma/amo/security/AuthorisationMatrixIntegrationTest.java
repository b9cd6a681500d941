package ma.amo.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import ma.amo.shared.Viewer.Role;
import ma.amo.support.Api;
import ma.amo.support.IntegrationTest;
import ma.amo.support.Users;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * Every role against every endpoint of the platform, over HTTP. The expected decisions are written here, apart from
 * the rules the platform enforces: an endpoint added without a line here fails the test, and a rule removed from the
 * platform's access rules (the endpoint then refused to everyone) or widened fails it too.
 */
@IntegrationTest
class AuthorisationMatrixIntegrationTest {

	/**
	 * Who may call what. R regulator, A payer agent, M medical reviewer, F finance, P provider, S insured member,
	 * D data-protection officer, X administrator, * everyone logged in.
	 */
	private static final String MATRIX = """
			GET /                                                       *
			GET /api/v1/users/me                                        *
			POST /api/v1/users                                          X
			POST /api/v1/system-clients                                 X
			GET /api/v1/system-clients                                  X
			POST /api/v1/system-clients/{clientId}/revocation           X
			POST /api/v1/system-clients/{clientId}/rotation             X
			GET /api/v1/persons                                         AX
			GET /api/v1/persons/{idcs}                                  AX
			GET /api/v1/import-jobs                                     X
			POST /api/v1/import-jobs                                    X
			GET /api/v1/import-jobs/{id}                                X
			GET /api/v1/import-jobs/{id}/rejections                     X
			GET /api/v1/eligibility                                     AMPSX
			GET /api/v1/rights-history                                  AMSX
			GET /api/v1/members                                         AX
			GET /api/v1/members/{registrationNumber}                    ASX
			GET /api/v1/members/{registrationNumber}/dependants         ASX
			POST /api/v1/members/{registrationNumber}/dependants        AX
			GET /api/v1/enrolments                                      AX
			POST /api/v1/enrolments                                     AX
			POST /api/v1/enrolments/{id}/end                            AX
			GET /api/v1/enrolments/{id}/suspensions                     AX
			POST /api/v1/enrolments/{id}/suspensions                    AX
			GET /api/v1/dependants/{id}                                 AX
			POST /api/v1/dependants/{id}/end                            AX
			PUT /api/v1/dependants/{id}/student-until                   AX
			POST /api/v1/tadamon/registrations                          AX
			POST /api/v1/achamil/registrations                          AX
			GET /api/v1/tadamon/household-files/{id}/answers            AX
			GET /api/v1/tadamon/targeting-runs                          AX
			GET /api/v1/tadamon/targeting-runs/{id}                     AX
			POST /api/v1/tadamon/threshold-changes/dry-run              AX
			POST /api/v1/tadamon/threshold-changes                      X
			GET /api/v1/achamil/offers                                  AX
			GET /api/v1/contributions/self-employed-categories          *
			POST /api/v1/contributions/self-employed-categories         X
			GET /api/v1/contributions/payments/{id}                     FX
			POST /api/v1/contributions/payments                         FX
			POST /api/v1/contributions/payment-statements               FX
			POST /api/v1/contributions/monthly-calls/{month}            FX
			POST /api/v1/contributions/deadlines                        FX
			GET /api/v1/contributions/achamil/direct-debits/{month}     FX
			GET /api/v1/contributions/tadamon-statements/{month}        RFX
			GET /api/v1/contributions/calls                             AFX
			GET /api/v1/contributions/calls/{id}                        AFX
			GET /api/v1/contributions/arrears                           AFX
			POST /api/v1/contributions/declaration-imports              AX
			GET /api/v1/contributions/declaration-imports/{id}          AX
			POST /api/v1/contributions/computations                     AX
			PUT /api/v1/contributions/self-employed/{registrationNumber}  AX
			PUT /api/v1/contributions/achamil/{registrationNumber}/mandate  AX
			GET /api/v1/employers                                       AFX
			POST /api/v1/employers                                      AFX
			GET /api/v1/employers/{affiliationNumber}                   AFX
			GET /api/v1/parameters                                      *
			GET /api/v1/parameters/{name}                               *
			POST /api/v1/parameters/{name}                              X
			GET /api/v1/calendar/holidays                               *
			POST /api/v1/calendar/holidays/{id}/confirm                 X
			POST /api/v1/calendar/holidays/{id}/move                    X
			GET /api/v1/providers/establishments                        *
			GET /api/v1/providers/establishments/{inpe}                 *
			GET /api/v1/providers/professionals                         *
			GET /api/v1/providers/professionals/{inpe}                  *
			GET /api/v1/providers/professionals/{inpe}/practices        *
			GET /api/v1/providers/{inpe}/standing                       *
			POST /api/v1/providers/establishments                        X
			POST /api/v1/providers/establishments/imports                X
			POST /api/v1/providers/professionals                         X
			POST /api/v1/providers/professionals/{inpe}/practices        X
			POST /api/v1/providers/{inpe}/conventions                    X
			POST /api/v1/providers/{inpe}/statuses                       X
			POST /api/v1/tariffs/quote                                  *
			GET /api/v1/tariffs/versions                                *
			GET /api/v1/tariffs/versions/{id}/acts                      *
			GET /api/v1/tariffs/key-letters/{letter}                    *
			GET /api/v1/tariffs/ceilings                                *
			GET /api/v1/tariffs/long-term-conditions                    *
			GET /api/v1/tariffs/long-term-conditions/{code}             *
			GET /api/v1/tariffs/medicines/referentials                  *
			GET /api/v1/tariffs/medicines/{code}/base                   *
			PUT /api/v1/tariffs/long-term-conditions/{code}             X
			POST /api/v1/tariffs/versions                               RX
			POST /api/v1/tariffs/versions/{id}/publication              RX
			POST /api/v1/tariffs/versions/{id}/rejection                RX
			POST /api/v1/tariffs/medicines/referentials                 RX
			POST /api/v1/tariffs/medicines/referentials/{id}/publication  RX
			POST /api/v1/tariffs/medicines/referentials/{id}/rejection  RX
			POST /api/v1/inpe-requests                                  R
			GET /api/v1/inpe-requests                                   RA
			GET /api/v1/inpe-requests/{id}                              RA
			POST /api/v1/inpe-requests/{id}/information-request         R
			POST /api/v1/inpe-requests/{id}/answer                      R
			POST /api/v1/inpe-requests/{id}/approval-proposal           R
			POST /api/v1/inpe-requests/{id}/approval                    R
			POST /api/v1/inpe-requests/{id}/refusal                     R
			POST /api/v1/listing-requests                               R
			GET /api/v1/listing-requests                                RA
			GET /api/v1/listing-requests/{id}                           RA
			POST /api/v1/listing-requests/{id}/steps                    R
			POST /api/v1/listing-requests/{id}/publication              R
			POST /api/v1/referential-changes                            R
			GET /api/v1/referential-changes                             RA
			GET /api/v1/referential-changes/{id}                        RA
			POST /api/v1/referential-changes/{id}/approval              R
			POST /api/v1/referential-changes/{id}/rejection             R
			GET /api/v1/conventions                                     RA
			POST /api/v1/conventions                                    R
			GET /api/v1/conventions/{number}                            RA
			POST /api/v1/conventions/{number}/approval                  R
			POST /api/v1/conventions/{number}/adherents                 R
			POST /api/v1/conventions/{number}/adherents/{inpe}/withdrawal  R
			GET /regulateur/conventions                                 R
			POST /regulateur/conventions                                R
			GET /regulateur/conventions/nouvelle                        R
			GET /regulateur/conventions/{number}                        R
			POST /regulateur/conventions/{number}/approbation           R
			POST /regulateur/conventions/{number}/adherents             R
			POST /regulateur/conventions/{number}/retraits              R
			GET /agents/conventions                                     A
			GET /agents/conventions/{number}                            A
			POST /api/v1/protocols                                      R
			GET /api/v1/protocols                                       RAMX
			GET /api/v1/protocols/in-force                              RAMX
			GET /api/v1/protocols/{id}                                  RAMX
			POST /api/v1/protocols/{id}/approval                        R
			POST /api/v1/protocols/{id}/rejection                       R
			POST /api/v1/ald-list-changes                               R
			GET /api/v1/ald-list-changes                                RAMX
			GET /api/v1/ald-list-changes/{id}                           RAMX
			POST /api/v1/ald-list-changes/{id}/approval                 R
			POST /api/v1/ald-list-changes/{id}/rejection                R
			GET /protocoles                                             RAMX
			GET /protocoles/nouveau                                     R
			POST /protocoles/nouveau                                    R
			GET /protocoles/{id}                                        RAMX
			POST /protocoles/{id}/approbation                           R
			POST /protocoles/{id}/rejet                                 R
			GET /api/v1/ald-exemptions                                  M
			POST /api/v1/ald-exemptions                                 M
			GET /api/v1/ald-exemptions/{number}                         M
			POST /api/v1/ald-exemptions/{number}/revocation             M
			POST /api/v1/referrals                                      P
			GET /api/v1/referrals                                       AM
			GET /api/v1/referrals/{id}                                  AMP
			GET /api/v1/claims/reason-codes                             *
			POST /api/v1/claims/adjudication-runs                       AX
			POST /api/v1/claims/{id}/adjudication                       AX
			GET /api/v1/claims/set-aside                                AX
			POST /api/v1/claims/{id}/put-back                           AX
			POST /api/v1/claims/{id}/review                             AMX
			POST /api/v1/claims/{id}/contest                            APSX
			POST /api/v1/claims                                         APSX
			GET /api/v1/claims                                          AMPSX
			GET /api/v1/claims/{id}                                     AMPSX
			GET /api/v1/claims/{id}/history                             AMPSX
			GET /api/v1/bank-accounts/{payeeKind}/{payee}               AFPSX
			POST /api/v1/bank-accounts/{payeeKind}/{payee}              APSX
			POST /api/v1/payment-batches                                FX
			GET /api/v1/payment-batches/{id}                            FX
			GET /api/v1/payment-batches/{id}/transfers.csv              FX
			GET /api/v1/payment-batches/{id}/transfers.xml              FX
			POST /api/v1/payment-batches/{id}/approval                  FX
			POST /api/v1/payment-batches/{id}/cancellation              FX
			POST /api/v1/payment-returns                                FX
			GET /api/v1/payment-returns                                 FX
			GET /api/v1/overpayments                                    AFX
			POST /api/v1/overpayments/{id}/cancellation                 FX
			GET /api/v1/payments/late                                   AFX
			GET /api/v1/payments/timeliness                             AFX
			GET /api/v1/statements/members/{idcs}                       ASX
			GET /api/v1/statements/transfers/{batchId}/{payee}          FPX
			POST /api/v1/prior-approvals                                P
			GET /api/v1/prior-approvals                                 AMP
			GET /api/v1/prior-approvals/overdue                         M
			GET /api/v1/prior-approvals/{reference}                     AMP
			POST /api/v1/prior-approvals/{reference}/decision           M
			POST /api/v1/prior-approvals/{reference}/answer             P
			POST /api/v1/prior-approvals/{reference}/extension          M
			GET /api/v1/complaints/categories                           *
			GET /api/v1/complaints/overdue                              ADRX
			GET /api/v1/complaints/{id}/personal-data-export            D
			GET /api/v1/complaints/{id}/agent-view                      ADX
			POST /api/v1/complaints/{id}/acknowledgement                ADX
			POST /api/v1/complaints/{id}/assignment                     ADX
			POST /api/v1/complaints/{id}/answer                         ADX
			POST /api/v1/complaints/{id}/escalation                     ADX
			POST /api/v1/complaints/{id}/closure                        ADX
			POST /api/v1/complaints/{id}/notes                          ADX
			POST /api/v1/complaints                                     APSDX
			GET /api/v1/complaints                                      APSDX
			GET /api/v1/complaints/{id}                                 APSDX
			GET /reclamations/nouvelle                                  PS
			GET /agents/personnes                                       AX
			GET /agents/personnes/resultats                             AX
			GET /agents/personnes/{idcs}                                AX
			GET /agents/revision                                        AMX
			GET /agents/revision/{id}                                   AMX
			POST /agents/revision/{id}                                  AMX
			GET /agents/ententes-prealables                             M
			GET /agents/ententes-prealables/{reference}                 M
			POST /agents/ententes-prealables/{reference}                M
			GET /agents/paiements                                       FX
			POST /agents/paiements                                      FX
			GET /agents/paiements/{id}                                  FX
			POST /agents/paiements/{id}/approbation                     FX
			GET /agents/actes                                           AMFX
			GET /agents/medicaments                                     AMFX
			GET /agents/etablissements                                  AMFX
			GET /agents/imports                                         X
			POST /agents/imports                                        X
			GET /agents/imports/{id}                                    X
			GET /agents/imports/{id}/progression                        X
			GET /agents/imports-referentiels                            X
			POST /agents/imports-referentiels                           X
			GET /agents/imports-referentiels/{id}                       X
			GET /agents/imports-referentiels/{id}/progression           X
			POST /reclamations                                          PS
			GET /reclamations/{id}                                      PS
			GET /prestataire/droits                                     P
			GET /prestataire/soins                                      P
			POST /prestataire/soins                                     P
			POST /prestataire/soins/devis                               P
			GET /prestataire/dossiers                                   P
			GET /prestataire/dossiers/{id}                              P
			GET /prestataire/accords                                    P
			GET /prestataire/accords/nouvelle                           P
			POST /prestataire/accords                                   P
			GET /prestataire/accords/{reference}                        P
			GET /prestataire/paiements                                  P
			GET /prestataire/paiements/{batchId}/bordereau.pdf          P
			GET /assure/droits                                          S
			GET /assure/dossiers                                        S
			GET /assure/dossiers/{id}                                   S
			GET /assure/paiements                                       S
			GET /assure/paiements/decompte.pdf                          S
			GET /assure/reclamations                                    S
			GET /api/v1/indicators                                      RAFX
			GET /api/v1/indicators/{code}                               RAFX
			POST /api/v1/indicators/refresh                             X
			GET /indicateurs                                            RAFX
			GET /indicateurs/{code}.csv                                 RAFX
			GET /regulation/demandes-inpe                               RA
			GET /regulation/demandes-inpe/nouvelle                      R
			POST /regulation/demandes-inpe                              R
			GET /regulation/demandes-inpe/{id}                          RA
			POST /regulation/demandes-inpe/{id}/complement              R
			POST /regulation/demandes-inpe/{id}/reponse                 R
			POST /regulation/demandes-inpe/{id}/proposition             R
			POST /regulation/demandes-inpe/{id}/approbation             R
			POST /regulation/demandes-inpe/{id}/refus                   R
			GET /regulation/inscriptions                                RA
			GET /regulation/inscriptions/nouvelle                       R
			POST /regulation/inscriptions                               R
			GET /regulation/inscriptions/{id}                           RA
			POST /regulation/inscriptions/{id}/etape                    R
			POST /regulation/inscriptions/{id}/publication              R
			GET /regulation/changements                                 RA
			POST /regulation/changements                                R
			POST /regulation/changements/{id}/approbation               R
			POST /regulation/changements/{id}/rejet                     R
			GET /prestataire/orientations                               P
			POST /prestataire/orientations                              P
			GET /api/v1/audit-entries                                   D
			GET /api/v1/audit-entries/export                            D
			GET /api/v1/audit-entries/verification                      D
			POST /api/v1/audit-entries/purges                           D
			""";

	/**
	 * The FHIR server's interactions, called on records no test creates (HAPI's servlet is not one of Spring's
	 * handler mappings, so each interaction is listed with the path it is called on); its CapabilityStatement is open.
	 */
	private static final String FHIR_MATRIX = """
			GET /fhir/Patient/999999999999                              APX
			GET /fhir/Patient?identifier=999999999999                   APX
			GET /fhir/Coverage?beneficiary=Patient/999999999999         AMPSX
			POST /fhir/CoverageEligibilityRequest/$submit               AMPSX
			POST /fhir/Claim/$submit                                    APSX
			POST /fhir                                                  APSX
			GET /fhir/ClaimResponse/999999999999                        AMPSX
			GET /fhir/ClaimResponse/PA-2026-999999999                   AMPSX
			GET /fhir/ExplanationOfBenefit/999999999999                 AMPSX
			GET /fhir/ExplanationOfBenefit?patient=Patient/999999999999 AMPSX
			GET /fhir/Organization/999999999                            *
			GET /fhir/Practitioner/999999999                            *
			GET /fhir/PractitionerRole/999999999-999999999              *
			GET /fhir/PractitionerRole?organization=Organization/999999999  *
			GET /fhir/Location/999999999                                *
			GET /fhir/Location?address-city=Rabat                       *
			GET /fhir/PaymentReconciliation/999999999-999999999         AFPX
			GET /fhir/PaymentReconciliation                             AFPX
			GET /fhir/NamingSystem/idcs                                 *
			GET /fhir/NamingSystem                                      *
			GET /fhir/CodeSystem/reason-codes                           *
			GET /fhir/CodeSystem                                        *
			POST /fhir/Claim/$validate                                  *
			GET /fhir/$export                                           APX
			POST /fhir/$export                                          APX
			GET /fhir/Patient/$export                                   APX
			POST /fhir/Patient/$export                                  APX
			GET /fhir/CodeSystem/care-types                             *
			GET /fhir/NamingSystem/claim                                *
			GET /fhir/$export-poll-status?_jobId=00000000-0000-0000-0000-000000000000  APX
			GET /fhir/$export-file?_jobId=00000000-0000-0000-0000-000000000000&_type=Patient  APX
			""";

	private static final Map<Character, Role> LETTERS = Map.of('R', Role.REGULATOR, 'A', Role.PAYER_AGENT, 'M',
			Role.MEDICAL_REVIEWER, 'F', Role.FINANCE, 'P', Role.PROVIDER, 'S', Role.MEMBER, 'D',
			Role.DATA_PROTECTION_OFFICER, 'X', Role.ADMINISTRATOR);

	/**
	 * Served to anyone: health, the API description, the login form, the sign-in of scripts, the error page and the
	 * public services (checked open by their own tests).
	 */
	private static final List<String> PUBLIC = List.of("/error", "/v3/api-docs", "/swagger-ui", "/actuator", "/login",
			"/api/v1/sessions", "/api/v1/public/", "/public/");

	@Autowired
	@Qualifier("requestMappingHandlerMapping")
	RequestMappingHandlerMapping mappings;

	@LocalServerPort
	int port;

	@Test
	void everyRoleReachesExactlyTheEndpointsTheMatrixGivesIt() {
		Map<String, Set<Role>> expected = expected();
		Api administrator = new Api(port);
		Map<Role, Api> clients = new EnumMap<>(Role.class);
		for (Role role : Role.values()) {
			clients.put(role, role == Role.ADMINISTRATOR ? administrator : Users.as(administrator, role.name(),
					role == Role.PAYER_AGENT ? "CNSS" : null, role == Role.PROVIDER ? "000000001" : null,
					role == Role.MEMBER ? "100000000000" : null));
		}
		List<String> problems = new ArrayList<>();
		Set<String> seen = new TreeSet<>();
		mappings.getHandlerMethods().forEach((info, method) -> {
			for (String pattern : info.getPatternValues()) {
				for (RequestMethod verb : info.getMethodsCondition().getMethods()) {
					String endpoint = verb.name() + " " + pattern;
					seen.add(endpoint);
					if (PUBLIC.stream().anyMatch(pattern::startsWith)) {
						continue;
					}
					Set<Role> allowed = expected.get(endpoint);
					if (allowed == null) {
						problems.add(endpoint + ": no line in the matrix");
						continue;
					}
					String path = pattern.replaceAll("\\{[^}]+}", "0") + "?limit=0&size=0";
					// Without credentials: 401, or 403 for a post the CSRF protection stops first (no session token), or
					// for a page of the web, the way to the login form.
					int anonymous = call(administrator.anonymous(), verb, path);
					if (anonymous != 401 && anonymous != 403 && !(anonymous == 302 && !pattern.startsWith("/api/"))) {
						problems.add(endpoint + " without logging in: " + anonymous);
					}
					for (Role role : Role.values()) {
						int status = call(clients.get(role), verb, path);
						boolean refused = status == 401 || status == 403;
						if (allowed.contains(role) == refused) {
							problems.add(endpoint + " as " + role + ": " + status + (refused ? " (refused)" : " (let through)"));
						}
					}
				}
			}
		});
		expected.keySet().stream().filter(e -> !seen.contains(e)).forEach(e -> problems.add(e + ": in the matrix, not served"));
		assertThat(problems).isEmpty();
	}

	@Test
	void everyRoleReachesExactlyTheFhirInteractionsTheMatrixGivesIt() {
		Api administrator = new Api(port);
		assertThat(administrator.anonymous().get("/fhir/metadata").status()).isEqualTo(200);
		Map<Role, Api> clients = clients(administrator);
		List<String> problems = new ArrayList<>();
		for (String line : FHIR_MATRIX.strip().split("\n")) {
			String[] parts = line.strip().split("\\s+");
			RequestMethod verb = RequestMethod.valueOf(parts[0]);
			Set<Role> allowed = roles(parts[2]);
			int anonymous = call(administrator.anonymous(), verb, parts[1]);
			if (anonymous != 401 && anonymous != 403) {
				problems.add(parts[0] + " " + parts[1] + " without logging in: " + anonymous);
			}
			for (Role role : Role.values()) {
				int status = call(clients.get(role), verb, parts[1]);
				boolean refused = status == 401 || status == 403;
				if (allowed.contains(role) == refused || status >= 500) {
					problems.add(parts[0] + " " + parts[1] + " as " + role + ": " + status);
				}
			}
		}
		assertThat(problems).isEmpty();
	}

	private static Map<Role, Api> clients(Api administrator) {
		Map<Role, Api> clients = new EnumMap<>(Role.class);
		for (Role role : Role.values()) {
			clients.put(role, role == Role.ADMINISTRATOR ? administrator : Users.as(administrator, role.name(),
					role == Role.PAYER_AGENT ? "CNSS" : null, role == Role.PROVIDER ? "000000001" : null,
					role == Role.MEMBER ? "100000000000" : null));
		}
		return clients;
	}

	private static Set<Role> roles(String letters) {
		Set<Role> roles = new TreeSet<>();
		for (char letter : letters.toCharArray()) {
			if (letter == '*') {
				roles.addAll(List.of(Role.values()));
			}
			else {
				roles.add(LETTERS.get(letter));
			}
		}
		return roles;
	}

	private static int call(Api api, RequestMethod verb, String path) {
		return switch (verb) {
			case GET -> api.get(path).status();
			case POST -> api.post(path, "{}").status();
			case PUT -> api.put(path, "{}").status();
			default -> throw new IllegalArgumentException(verb.name());
		};
	}

	private static Map<String, Set<Role>> expected() {
		Map<String, Set<Role>> expected = new LinkedHashMap<>();
		for (String line : MATRIX.strip().split("\n")) {
			String[] parts = line.strip().split("\\s+");
			Set<Role> roles = new TreeSet<>();
			for (char letter : parts[2].toCharArray()) {
				if (letter == '*') {
					roles.addAll(List.of(Role.values()));
				}
				else {
					roles.add(LETTERS.get(letter));
				}
			}
			expected.put(parts[0] + " " + parts[1], roles);
		}
		return expected;
	}
}
