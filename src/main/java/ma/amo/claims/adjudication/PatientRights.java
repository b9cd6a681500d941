package ma.amo.claims.adjudication;

import ma.amo.enrolment.Regime;
import ma.amo.enrolment.RightsStatus;
import org.springframework.stereotype.Component;

/**
 * The patient's rights must be open on the date of care (amo-rules.md, "Rights"); otherwise nothing is covered. One
 * exception: ALD/ALC care continues even if the employer stops paying (cnss.ma/fr/faq-page/45): when a salaried
 * member's rights (or those of the family following them) are suspended, care covered by a valid exemption cited on
 * the claim stays covered, and the line says so.
 */
@Component
class PatientRights implements Rule {

	private final CitedExemption exemption;

	PatientRights(CitedExemption exemption) {
		this.exemption = exemption;
	}

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
			return;
		}
		RightsStatus status = claim.rights().status();
		if (status == RightsStatus.OPEN) {
			return;
		}
		String rights = "droits " + status.french() + " le " + Dates.french(claim.careDate()) + ": " + claim.rights().reason();
		if (continuity(claim)) {
			claim.lines().forEach(l -> l.note(new Explanation("ALD_CONTINUITY", rights
					+ "; les soins de l'affection de longue durée exonérée restent couverts")));
			return;
		}
		claim.rejectAll(this, rights);
	}

	/** Salaried rights suspended (the employer stopped paying), and the claim's care under a valid exemption. */
	private boolean continuity(Adjudicating claim) {
		return claim.rights().regime() == Regime.SALARIED_PRIVATE && claim.rights().status() == RightsStatus.SUSPENDED
				&& exemption.covers(claim);
	}
}
