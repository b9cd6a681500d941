package ma.amo.fhir;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;

import ca.uhn.fhir.rest.annotation.OptionalParam;
import ca.uhn.fhir.rest.annotation.Search;
import ca.uhn.fhir.rest.api.server.RequestDetails;
import ca.uhn.fhir.rest.param.ReferenceParam;
import ca.uhn.fhir.rest.param.TokenParam;
import ca.uhn.fhir.rest.server.IResourceProvider;
import ma.amo.enrolment.Eligibility;
import ma.amo.enrolment.Rights;
import ma.amo.shared.InvalidInput;
import org.hl7.fhir.r4.model.Coverage;
import org.springframework.stereotype.Component;

/**
 * Coverage: a person's cover today, through the member who covers them, found by the beneficiary
 * ({@code beneficiary=Patient/{idcs}}) or an identifier (IDCS, CIN, or the member's registration number). Each
 * answer is an eligibility check and audited as one.
 */
@Component
class CoverageProvider implements IResourceProvider {

	private final Eligibility eligibility;
	private final Clock clock;
	private final Reads reads;

	CoverageProvider(Eligibility eligibility, Clock clock, Reads reads) {
		this.eligibility = eligibility;
		this.clock = clock;
		this.reads = reads;
	}

	@Override
	public Class<Coverage> getResourceType() {
		return Coverage.class;
	}

	@Search
	public List<Coverage> search(@OptionalParam(name = Coverage.SP_BENEFICIARY) ReferenceParam beneficiary,
			@OptionalParam(name = Coverage.SP_IDENTIFIER) TokenParam identifier, RequestDetails request) {
		String searched = beneficiary != null ? "Coverage.beneficiary" : "Coverage.identifier";
		request.getUserData().put(Refusals.PATHS, (java.util.function.UnaryOperator<String>) field -> searched);
		if ((beneficiary == null) == (identifier == null)) {
			throw new InvalidInput("beneficiary", "one-criterion", "search by beneficiary or by identifier, one of them");
		}
		if (beneficiary != null && beneficiary.getChain() != null) {
			throw new InvalidInput("beneficiary", "reference", "must be Patient/{idcs}, without a chain");
		}
		Rights rights = beneficiary != null ? eligibility.of(Identifiers.patientIdcs(beneficiary), today())
				: Identifiers.rights(eligibility, identifier.getSystem(), identifier.getValue(), today());
		reads.read(request, "PERSON", List.of(rights.idcs()), "ELIGIBILITY_CHECK");
		return Cover.exists(rights) ? List.of(Cover.coverage(rights)) : List.of();
	}

	private LocalDate today() {
		return LocalDate.now(clock);
	}
}
