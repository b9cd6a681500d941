package ma.amo.claims.adjudication;

import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * The same act or medicine for the same patient, by the same provider on the same day, already covered in another
 * claim is a duplicate and is rejected: a member's claim and the provider's invoice for the same care, or a claim
 * sent twice under two keys.
 */
@Component
@Order(80)
class DuplicateLine implements Rule {

	public String code() {
		return "DUPLICATE";
	}

	public String label() {
		return "Déjà pris en charge dans un autre dossier (même patient, prestataire, acte et date)";
	}

	public String source() {
		return "amo-rules.md, Procedures and deadlines (one claim per care event)";
	}

	public void apply(Adjudicating claim) {
		for (LineDecision line : claim.lines()) {
			if (!line.rejected() && claim.coveredElsewhere().contains(line.code())) {
				line.reject(this, line.code() + " du " + Dates.french(claim.careDate())
						+ " déjà pris en charge dans un autre dossier");
			}
		}
	}
}
