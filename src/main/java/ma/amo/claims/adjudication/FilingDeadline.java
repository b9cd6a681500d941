package ma.amo.claims.adjudication;

import java.time.temporal.ChronoUnit;

import ma.amo.parameters.ParameterValues;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * A claim is filed within 60 days of the care (amo-rules.md, "Procedures and deadlines"; the parameter read at the
 * date of care): filed on day 60 it is examined, on day 61 it is rejected.
 */
@Component
@Order(20)
class FilingDeadline implements Rule {

	private final ParameterValues parameters;

	FilingDeadline(ParameterValues parameters) {
		this.parameters = parameters;
	}

	public String code() {
		return "LATE_FILING";
	}

	public String label() {
		return "Dossier déposé après le délai de dépôt";
	}

	public String source() {
		return "amo-rules.md, Procedures and deadlines";
	}

	public void apply(Adjudicating claim) {
		int deadline = parameters.integer("claims.filing-deadline-days", claim.careDate());
		long days = ChronoUnit.DAYS.between(claim.careDate(), claim.claim().filedOn());
		if (days > deadline) {
			claim.rejectAll(this, "déposé " + days + " jours après les soins du " + Dates.french(claim.careDate())
					+ ", délai " + deadline + " jours");
		}
	}
}
