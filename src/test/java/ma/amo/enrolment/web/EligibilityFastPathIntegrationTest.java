package ma.amo.enrolment.web;

import static ma.amo.support.People.cin;
import static ma.amo.support.People.idcs;
import static ma.amo.support.People.rnp;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;

import ma.amo.audit.AuditSearch;
import ma.amo.audit.AuditTrail;
import ma.amo.population.PopulationImports;
import ma.amo.support.Api;
import ma.amo.support.IntegrationTest;
import ma.amo.support.Registers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

/**
 * The eligibility check every counter sends is answered without Spring MVC's dispatch, and the answer is the very one
 * the controller gives: same bytes, same type, audited the same. Any other request, and every refusal, is the
 * controller's.
 */
@IntegrationTest
class EligibilityFastPathIntegrationTest {

	@Autowired
	PopulationImports imports;

	@Autowired
	AuditTrail audit;

	@Autowired
	FilterRegistrationBean<EligibilityFastPath> fastPath;

	@LocalServerPort
	int port;

	Api admin;

	@BeforeEach
	void client() {
		admin = new Api(port);
	}

	String member() {
		String idcs = idcs();
		Registers.persons(imports, rnp(idcs, cin(), "Tazi", "Salma", LocalDate.of(1985, 3, 3), 'F'));
		assertThat(admin.post("/api/v1/enrolments", "{\"idcs\":\"%s\",\"regime\":\"SALARIED_PRIVATE\",\"startDate\":\"2024-01-01\",\"waitingWaived\":true}"
			.formatted(idcs)).status()).isEqualTo(201);
		return idcs;
	}

	/** The request as the filter gets it after the security chain, and whether the filter passed it on. */
	record Answered(MockHttpServletResponse response, boolean passedOn) {
	}

	Answered direct(String query, String accept) throws Exception {
		MockHttpServletRequest request = new MockHttpServletRequest("GET", EligibilityFastPath.PATH);
		request.setQueryString(query);
		for (String pair : query.split("&")) {
			String[] nameValue = pair.split("=", 2);
			request.addParameter(nameValue[0], nameValue.length > 1 ? nameValue[1] : "");
		}
		if (accept != null) {
			request.addHeader("Accept", accept);
		}
		request.setUserPrincipal(() -> Api.ADMINISTRATOR);
		MockHttpServletResponse response = new MockHttpServletResponse();
		MockFilterChain chain = new MockFilterChain();
		fastPath.getFilter().doFilter(request, response, chain);
		return new Answered(response, chain.getRequest() != null);
	}

	@Test
	void theUsualCheckIsAnsweredDirectlyWithTheControllersBytesAndAuditedEachTime() throws Exception {
		String idcs = member();
		String query = "idcs=" + idcs + "&date=2026-06-01";

		Answered fast = direct(query, null);
		// Through HTTP the same request goes through the filter too; asked with another Accept it is the controller's.
		Api.Response controller = admin.get(EligibilityFastPath.PATH + "?" + query, "Accept", "application/json, */*");

		assertThat(fast.passedOn()).isFalse();
		assertThat(fast.response().getStatus()).isEqualTo(200);
		assertThat(controller.status()).isEqualTo(200);
		assertThat(fast.response().getContentAsString(StandardCharsets.UTF_8)).isEqualTo(controller.raw());
		assertThat(fast.response().getContentType()).isEqualTo("application/json");
		assertThat(direct(query, "application/json").passedOn()).isFalse();
		assertThat(direct("idcs=" + idcs, "*/*").passedOn()).isFalse();
		assertThat(audit.search(new AuditSearch(null, "PERSON", idcs, "ELIGIBILITY_CHECK", null, null), 0, 10).content())
			.hasSize(4);
	}

	@Test
	void anyOtherRequestOrARefusalIsLeftToTheController() throws Exception {
		String idcs = member();
		for (String query : new String[] { "cin=AB123456", "idcs=" + idcs + "&date=2026-02-30", "idcs=" + idcs + "&date=",
				"idcs=12345", "idcs=" + idcs() + "&date=2026-06-01", "idcs=" + idcs + "&idcs=" + idcs,
				"idcs=" + idcs + "&date=2026-06-01&extra=1" }) {
			Answered answered = direct(query, null);
			assertThat(answered.passedOn()).as(query).isTrue();
			assertThat(answered.response().getContentLength()).as(query).isZero();
		}
		assertThat(direct("idcs=" + idcs, "application/xml").passedOn()).isTrue();
		assertThat(direct("idcs=" + idcs, "text/html,application/xhtml+xml").passedOn()).isTrue();
		// The controller's refusals over HTTP, as before.
		assertThat(admin.get(EligibilityFastPath.PATH + "?idcs=" + idcs() + "&date=2026-06-01").status()).isEqualTo(404);
		assertThat(admin.get(EligibilityFastPath.PATH + "?idcs=" + idcs + "&date=2026-02-30").status()).isEqualTo(400);
		assertThat(admin.get(EligibilityFastPath.PATH + "?idcs=" + idcs, "X-Purpose", "not a code").status()).isEqualTo(400);
	}
}
