package ma.amo.claims.adjudication;

import ma.amo.enrolment.RightsStatus;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/** The patient's rights must be open on the date of care (amo-rules.md, "Rights"); otherwise nothing is covered. */
@Component
@Order(10)
class PatientRights implements Rule {

	public String code() {
		return "RIGHTS_NOT_OPEN";
	}

	public String label() {
		return "Droits du patient non ouverts à la date des soins";
	}

	public String source() {
		return "amo-rules.md, Rights";
	}

	public void apply(Adjudicating claim) {
		if (claim.rights() == null) {
			claim.rejectAll(this, "patient inconnu du registre national de la population");
		}
		else if (claim.rights().status() != RightsStatus.OPEN) {
			claim.rejectAll(this, "droits " + claim.rights().status() + " le " + Dates.french(claim.careDate()) + ": "
					+ claim.rights().reason());
		}
	}
}
