package ma.amo.claims.adjudication;

import ma.amo.enrolment.Regime;
import org.springframework.stereotype.Component;

/**
 * A Tadamon beneficiary treated in a public establishment pays nothing: the State takes the patient share, recorded
 * on the line for the State's statement (PLF 2025 note: the State bears the ticket modérateur in public care).
 */
@Component
class TadamonInPublicCare implements Rule {

	public String code() {
		return "TADAMON_PUBLIC_CARE";
	}

	public String label() {
		return "Bénéficiaire Tadamon en établissement public: part du patient à la charge de l'État";
	}

	public String source() {
		return "amo-rules.md, Regimes (Tadamon); PLF 2025 note";
	}

	public void apply(Adjudicating claim) {
		if (claim.rights() == null || claim.rights().regime() != Regime.TADAMON || !"PUBLIC".equals(claim.sector())) {
			return;
		}
		for (LineDecision line : claim.lines()) {
			line.stateTakesPatientShare(this, "part du patient " + line.patientShare().amount() + " DH prise en charge par l'État");
		}
	}
}
