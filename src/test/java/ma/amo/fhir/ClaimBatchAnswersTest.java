package ma.amo.fhir;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringWriter;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import ca.uhn.fhir.context.FhirContext;
import ma.amo.claims.Claim;
import ma.amo.claims.ClaimKind;
import ma.amo.claims.ClaimStatus;
import ma.amo.claims.Claim.Outcome;
import ma.amo.shared.Money;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.ClaimResponse;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.junit.jupiter.api.Test;

/**
 * The batch-response of a Bundle of claims is written without HAPI's encoder, and is the very JSON HAPI would send for
 * it: claims in every state, priced lines with their reasons, a repeated claim, a refused entry with its
 * OperationOutcome, text with accents, quotes and a line break.
 */
class ClaimBatchAnswersTest {

	private static final FhirContext FHIR = Hospitals.FHIR;

	private final ClaimBatchAnswers answers = new ClaimBatchAnswers(FHIR);

	private static Claim claim(long id, ClaimStatus status, String key, String establishment, List<String> review,
			Claim.Line... lines) {
		return new Claim(id, ClaimKind.PROVIDER_INVOICE, status, "clinique", key, "1000000255", LocalDate.of(2026, 6, 10),
				LocalDate.of(2026, 6, 12), "123456789", null, establishment, null, null, false, null, List.of(),
				"SALARIED_PRIVATE", status == ClaimStatus.RECEIVED ? null : "CNSS", "1000000255",
				Money.of("80.00"), Money.of("56.00"), Money.of("24.00"), null, review,
				Instant.parse("2026-06-12T08:30:00Z"), status == ClaimStatus.RECEIVED ? null : Instant.parse("2026-06-12T08:30:02Z"),
				false, List.of(lines), null);
	}

	private static Claim.Line consultation(int line, Outcome outcome, String... reasons) {
		return new Claim.Line(line, "C", BigDecimal.ONE, null, null, Money.of("80.00"), outcome, Money.of("80.00"), 70,
				Money.of("56.00"), Money.of("24.00"), null, List.of(reasons));
	}

	private static Claim.Line medicine(int line, Outcome outcome, String... reasons) {
		return new Claim.Line(line, null, null, "6118000010050", 2, Money.of("107.20"), outcome, Money.of("90.10"), null,
				Money.of("0.00"), Money.of("107.20"), null, List.of(reasons));
	}

	@Test
	void theBatchResponseWrittenDirectlyIsTheJsonHapiEncodesForIt() {
		Bundle answer = new Bundle().setType(Bundle.BundleType.BATCHRESPONSE);
		answer.setId("9de07043-ac91-4833-a0bc-ae047cb3c81c");
		answer.addLink().setRelation("self").setUrl("http://localhost:8080/fhir");
		List<Claim> claims = List.of(
				claim(11, ClaimStatus.APPROVED, "fhir:123456789:LOT-1", "123456789", List.of(),
						consultation(0, Outcome.ACCEPTED, "TARIFF_VERSION: tarif national de référence, version 2026")),
				claim(12, ClaimStatus.REJECTED, "fhir:123456789:LOT-2", "123456789", List.of(),
						consultation(0, Outcome.REJECTED, "DUPLICATE: même acte, même jour, déjà liquidé (réclamation 11)"),
						medicine(1, Outcome.REJECTED, "NOT_REIMBURSABLE: « hors guide » \"GMR\"\nligne 2")),
				claim(13, ClaimStatus.IN_REVIEW, "fhir:123456789:LOT-3", null,
						List.of("AMOUNT_THRESHOLD: montant pris en charge 5600.00 DH, seuil de revue 5000 DH"),
						consultation(0, Outcome.ACCEPTED)),
				claim(14, ClaimStatus.RECEIVED, "api:autre", null, List.of(), consultation(0, null)),
				claim(15, ClaimStatus.PARTIALLY_APPROVED, null, "123456789", List.of(),
						consultation(0, Outcome.ACCEPTED), medicine(1, Outcome.REDUCED, "CEILING: plafond annuel atteint")),
				claim(16, ClaimStatus.PAID, "fhir:123456789:LOT-6", "123456789", List.of(), consultation(0, Outcome.ACCEPTED)));
		for (Claim claim : claims) {
			ClaimResponse response = ClaimResponses.of(claim);
			answer.addEntry().setResource(response).getResponse().setStatus("200 OK")
				.setLocation("ClaimResponse/" + response.getIdPart());
		}
		OperationOutcome refused = new OperationOutcome();
		refused.addIssue().setSeverity(OperationOutcome.IssueSeverity.ERROR).setCode(OperationOutcome.IssueType.INVALID)
			.setDiagnostics("net: doit être positif").addExpression("Claim.item[0].net");
		answer.addEntry().getResponse().setStatus("400").setOutcome(refused);

		assertThat(ClaimBatchAnswers.writable(answer)).isTrue();
		StringWriter written = new StringWriter();
		answers.write(answer, written);
		assertThat(written.toString()).isEqualTo(FHIR.newJsonParser().encodeResourceToString(answer));
		Conformance.valid(FHIR.newJsonParser().parseResource(Bundle.class, written.toString()));
	}

	@Test
	void aBundleHoldingAnElementTheWriterDoesNotKnowIsLeftToHapi() {
		Bundle answer = new Bundle().setType(Bundle.BundleType.BATCHRESPONSE);
		ClaimResponse response = ClaimResponses.of(claim(21, ClaimStatus.APPROVED, "fhir:123456789:LOT-9", "123456789",
				List.of(), consultation(0, Outcome.ACCEPTED)));
		answer.addEntry().setResource(response).getResponse().setStatus("200 OK");
		assertThat(ClaimBatchAnswers.writable(answer)).isTrue();

		response.setPreAuthRef("ACC-2026-000001");
		assertThat(ClaimBatchAnswers.writable(answer)).isFalse();
		response.setPreAuthRefElement(null);
		response.getItemFirstRep().addNoteNumber(1);
		assertThat(ClaimBatchAnswers.writable(answer)).isFalse();
		response.getItemFirstRep().getNoteNumber().clear();
		answer.setTimestamp(new java.util.Date());
		assertThat(ClaimBatchAnswers.writable(answer)).isFalse();
	}
}
