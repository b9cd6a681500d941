package ma.amo.fhir;

import static ma.amo.support.People.cin;
import static ma.amo.support.People.idcs;
import static ma.amo.support.People.rnp;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;

import ca.uhn.fhir.rest.server.exceptions.BaseServerResponseException;
import ma.amo.audit.AuditSearch;
import ma.amo.audit.AuditTrail;
import ma.amo.payments.ProviderPayments;
import ma.amo.population.PopulationImports;
import ma.amo.providers.ProviderDirectory;
import ma.amo.shared.AccessRefused;
import ma.amo.shared.Viewer;
import ma.amo.support.Api;
import ma.amo.support.IntegrationTest;
import ma.amo.support.Payees;
import ma.amo.support.Registers;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.ClaimResponse;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.hl7.fhir.r4.model.PaymentReconciliation;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * What a payment batch paid a clinic, as its system reads it through FHIR: one PaymentReconciliation per transfer
 * with each claim paid, found by the clinic among its own payments, never by another clinic; what cannot be read
 * refused naming the element or parameter. The claim is a GP consultation C, 80 DH, covered 56 DH (70 %), paid by
 * CNSS in a batch of today (15 June 2026).
 */
@IntegrationTest
class FhirPaymentReconciliationIntegrationTest {

	@Autowired
	PopulationImports imports;

	@Autowired
	ProviderDirectory directory;

	@Autowired
	AuditTrail audit;

	@Autowired
	ProviderPayments payments;

	@LocalServerPort
	int port;

	Api admin;

	@BeforeEach
	void client() {
		admin = new Api(port);
		admin.post("/api/v1/parameters/claims.review.sample-percent", "{\"effectiveFrom\":\"2025-01-01\",\"value\":\"0\"}");
	}

	/** A clinic paid for one consultation: its transfer's batch id and the claim's number. */
	record Paid(Hospitals.Hospital clinic, long batch, String reference, String claim) {
	}

	Paid paidClinic() {
		Hospitals.Hospital clinic = Hospitals.hospital(admin, directory);
		Payees.account(admin, "ESTABLISHMENT", clinic.inpe());
		String patient = idcs();
		Registers.persons(imports, rnp(patient, cin(), "Tazi", "Nadia", LocalDate.of(1985, 6, 1), 'F'));
		assertThat(admin.post("/api/v1/enrolments", "{\"idcs\":\"%s\",\"regime\":\"SALARIED_PRIVATE\",\"startDate\":\"2024-01-01\",\"waitingWaived\":true}"
			.formatted(patient)).status()).isEqualTo(201);
		ClaimResponse response = FhirClaimIntegrationTest.submit(clinic.client(),
				FhirClaimIntegrationTest.consultation(clinic, patient, "FAC-" + UUID.randomUUID()));
		Api.Response batch = ma.amo.support.Payees.approvedBatch(admin, "CNSS", "2026-06-15", UUID.randomUUID().toString());
		assertThat(batch.status()).as(batch.raw()).isEqualTo(201);
		return new Paid(clinic, batch.body().get("id").asLong(), batch.body().get("reference").asText(),
				response.getIdPart());
	}

	@Test
	void aClinicReadsWhatABatchPaidItClaimByClaim() {
		Paid paid = paidClinic();
		String inpe = paid.clinic().inpe();
		PaymentReconciliation read = Conformance.valid(paid.clinic().client().read()
			.resource(PaymentReconciliation.class).withId(paid.batch() + "-" + inpe).execute());
		assertThat(read.getStatus()).isEqualTo(PaymentReconciliation.PaymentReconciliationStatus.ACTIVE);
		assertThat(read.getRequestor().getReference()).isEqualTo("Organization/" + inpe);
		assertThat(read.getPaymentAmount().getValue()).isEqualByComparingTo("56.00");
		assertThat(read.getPaymentAmount().getCurrency()).isEqualTo("MAD");
		// The batch's timestamp is the database's, not the business clock's: the payment is on its day, after the cut-off.
		String day = read.getCreatedElement().getValueAsCalendar().toZonedDateTime()
			.withZoneSameInstant(java.time.ZoneId.of("Africa/Casablanca")).toLocalDate().toString();
		assertThat(read.getPaymentDateElement().getValueAsString()).isEqualTo(day).isGreaterThanOrEqualTo("2026-06-15");
		assertThat(read.getPeriod().getEndElement().getValueAsString()).isEqualTo("2026-06-15");
		assertThat(read.getPaymentIdentifier().getValue()).isEqualTo(paid.reference() + "-" + inpe);
		assertThat(read.getIdentifierFirstRep().getValue()).isEqualTo(paid.reference());
		assertThat(read.getPaymentIssuer().getDisplay()).isEqualTo("CNSS");
		assertThat(read.getDisposition()).contains(paid.reference()).contains("1 demande");
		assertThat(read.getDetail()).hasSize(1);
		PaymentReconciliation.DetailsComponent detail = read.getDetailFirstRep();
		assertThat(detail.getResponse().getReference()).isEqualTo("ClaimResponse/" + paid.claim());
		assertThat(detail.getRequest().getIdentifier().getValue()).isEqualTo(paid.claim());
		assertThat(detail.getAmount().getValue()).isEqualByComparingTo("56.00");

		assertThat(paid.clinic().client().read().resource(ClaimResponse.class).withId(paid.claim()).execute()
			.getDisposition()).isEqualTo("Payée");
		assertThat(audit.search(new AuditSearch(null, "PAYMENT_BATCH", Long.toString(paid.batch()), "PAYMENT", null,
				null), 0, 10).content()).isNotEmpty();
	}

	@Test
	void aClinicFindsItsOwnPaymentsByRequestorAndDateAndNoOneElses() {
		Paid paid = paidClinic();
		String inpe = paid.clinic().inpe();
		Bundle own = paid.clinic().client().search().forResource(PaymentReconciliation.class)
			.where(PaymentReconciliation.REQUESTOR.hasId("Organization/" + inpe)).returnBundle(Bundle.class).execute();
		assertThat(own.getEntry()).extracting(e -> e.getResource().getIdElement().getIdPart())
			.containsExactly(paid.batch() + "-" + inpe);
		Conformance.valid(own.getEntryFirstRep().getResource());

		String created = ((PaymentReconciliation) own.getEntryFirstRep().getResource()).getCreatedElement()
			.getValueAsString();
		String second = created.substring(0, 19);
		String zone = created.substring(19).replaceFirst("^\\.\\d+", "").replace("+", "%2B");
		Bundle unnamed = paid.clinic().client().search()
			.byUrl("PaymentReconciliation?created=ge" + second + zone + "&created=le" + second + zone + "&_count=5")
			.returnBundle(Bundle.class).execute();
		assertThat(unnamed.getEntry()).extracting(e -> e.getResource().getIdElement().getIdPart())
			.containsExactly(paid.batch() + "-" + inpe);
		assertThat(paid.clinic().client().search().byUrl("PaymentReconciliation?created=lt" + second + zone)
			.returnBundle(Bundle.class).execute().getEntry()).isEmpty();

		Bundle all = Hospitals.as(admin.base(), Api.ADMINISTRATOR, Api.ADMINISTRATOR_PASSWORD).search()
			.byUrl("PaymentReconciliation?requestor=Organization/" + inpe).returnBundle(Bundle.class).execute();
		assertThat(all.getEntry()).hasSize(1);
	}

	@Test
	void anotherClinicCannotReadNorSearchAClinicsPayment() {
		Paid paid = paidClinic();
		Hospitals.Hospital other = Hospitals.hospital(admin, directory);
		String id = paid.batch() + "-" + paid.clinic().inpe();
		assertRefused(403, null, () -> other.client().read().resource(PaymentReconciliation.class).withId(id).execute());
		assertRefused(403, null, () -> other.client().search().byUrl("PaymentReconciliation?requestor=Organization/"
				+ paid.clinic().inpe()).returnBundle(Bundle.class).execute());
		assertThat(other.client().search().forResource(PaymentReconciliation.class).returnBundle(Bundle.class).execute()
			.getEntry()).isEmpty();
	}

	@Test
	void anAgentSeesThePaymentsOfItsOwnPayerBodyOnly() {
		Paid paid = paidClinic();
		String inpe = paid.clinic().inpe();
		assertThat(as("CNSS", () -> payments.search(inpe, null, null, 10))).extracting(p -> p.batchId())
			.containsExactly(paid.batch());
		assertThat(as("CNSS", () -> payments.payment(paid.batch(), inpe))).isPresent();
		assertThat(as("CNOPS", () -> payments.search(inpe, null, null, 10))).isEmpty();
		assertThat(catchThrowableOfType(AccessRefused.class,
				() -> as("CNOPS", () -> payments.payment(paid.batch(), inpe)))).isNotNull();
	}

	/** The call made as an agent of the payer body, as the modules see a signed-in agent. */
	private static <T> T as(String payerBody, Supplier<T> call) {
		Viewer agent = new Viewer("agent-" + payerBody, Viewer.Role.PAYER_AGENT, payerBody, null, null, null);
		SecurityContextHolder.getContext()
			.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(agent, null, List.of()));
		try {
			return call.get();
		}
		finally {
			SecurityContextHolder.clearContext();
		}
	}

	@Test
	void anUnknownBatchOrTransferIsNotFoundAndAMalformedRequestIsRefusedNamingIt() {
		Paid paid = paidClinic();
		var client = paid.clinic().client();
		assertRefused(404, "PaymentReconciliation.id", () -> client.read().resource(PaymentReconciliation.class)
			.withId("999999999999-" + paid.clinic().inpe()).execute());
		assertRefused(404, "PaymentReconciliation.id", () -> client.read().resource(PaymentReconciliation.class)
			.withId(paid.batch() + "-" + Hospitals.hospital(admin, directory).inpe()).execute());
		assertRefused(400, "PaymentReconciliation.id",
				() -> client.read().resource(PaymentReconciliation.class).withId(Long.toString(paid.batch())).execute());
		assertRefused(400, "PaymentReconciliation.requestor", () -> client.search()
			.byUrl("PaymentReconciliation?requestor=Organization/12345").returnBundle(Bundle.class).execute());
		assertRefused(400, "PaymentReconciliation.requestor", () -> client.search()
			.byUrl("PaymentReconciliation?requestor=Patient/" + paid.clinic().inpe()).returnBundle(Bundle.class).execute());
		assertRefused(400, "_count", () -> client.search().byUrl("PaymentReconciliation?_count=0")
			.returnBundle(Bundle.class).execute());
		assertRefused(400, "PaymentReconciliation.created", () -> client.search()
			.byUrl("PaymentReconciliation?created=ge2026-06-16&created=le2026-06-01").returnBundle(Bundle.class).execute());
		assertRefused(400, "PaymentReconciliation.created", () -> client.search()
			.byUrl("PaymentReconciliation?created=yesterday").returnBundle(Bundle.class).execute());
		assertRefused(400, "PaymentReconciliation.created", () -> client.search()
			.byUrl("PaymentReconciliation?created=ge2026-13-45").returnBundle(Bundle.class).execute());
		assertRefused(400, "PaymentReconciliation.created", () -> client.search()
			.byUrl("PaymentReconciliation?created=ge2026-06-01,le2026-07-01").returnBundle(Bundle.class).execute());
	}

	static void assertRefused(int status, String expression, Runnable call) {
		BaseServerResponseException refused = catchThrowableOfType(BaseServerResponseException.class, call::run);
		assertThat(refused).as("refused").isNotNull();
		assertThat(refused.getStatusCode()).isEqualTo(status);
		OperationOutcome.OperationOutcomeIssueComponent issue = FhirServerIntegrationTest.issue(refused);
		if (expression != null) {
			assertThat(issue.getExpression()).extracting(Object::toString).containsExactly(expression);
		}
	}
}
