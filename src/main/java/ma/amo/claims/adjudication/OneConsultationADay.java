package ma.amo.claims.adjudication;

import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;

import ma.amo.parameters.ParameterValues;
import org.springframework.stereotype.Component;

/**
 * One consultation or visit a day for a patient with the same provider: a second one, in this claim or already
 * covered in another, is rejected (NGAP general provisions; the consultation codes are a parameter). The same
 * consultation sent twice is a duplicate, which the rule before this one has already rejected.
 */
@Component
class OneConsultationADay implements Rule {

	private final ParameterValues parameters;

	OneConsultationADay(ParameterValues parameters) {
		this.parameters = parameters;
	}

	public String code() {
		return "SECOND_CONSULTATION_SAME_DAY";
	}

	public String label() {
		return "Une seule consultation par jour chez le même prestataire";
	}

	public String source() {
		return "NGAP, dispositions générales";
	}

	public void apply(Adjudicating claim) {
		Set<String> consultations = new HashSet<>(
				Arrays.asList(parameters.text("claims.consultation-acts", claim.careDate()).split(";")));
		boolean seen = claim.coveredElsewhere().stream().map(CoveredAct::code).anyMatch(consultations::contains);
		for (LineDecision line : claim.lines()) {
			if (line.rejected() || !consultations.contains(line.code())) {
				continue;
			}
			if (seen) {
				line.reject(this, "une consultation a déjà été prise en charge le " + Dates.french(claim.careDate())
						+ " chez le prestataire " + claim.claim().executingInpe());
			}
			seen = true;
		}
	}
}
