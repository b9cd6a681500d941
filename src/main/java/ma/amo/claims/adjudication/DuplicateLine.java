package ma.amo.claims.adjudication;

import java.util.ArrayList;
import java.util.List;

import org.springframework.stereotype.Component;

/**
 * The same act (code and coefficient) or medicine for the same patient, by the same provider on the same day, is
 * covered once (amo-rules.md, "Procedures and deadlines": one claim per care event): already covered in another claim
 * (a member's claim and the provider's invoice for the same care, a claim sent twice under two keys) or billed twice
 * in this claim, the repeat is rejected. Two acts of one key letter with other coefficients (Z 15 and Z 30) are two
 * acts. Runs before the one-consultation-a-day rule, so that a consultation sent twice is said to be a duplicate.
 */
@Component
class DuplicateLine implements Rule {

	public String code() {
		return "DUPLICATE";
	}

	public String label() {
		return "Même acte déjà pris en charge (même patient, prestataire, acte, coefficient et date)";
	}

	public String source() {
		return "amo-rules.md, Procedures and deadlines (one claim per care event)";
	}

	public void apply(Adjudicating claim) {
		List<LineDecision> earlier = new ArrayList<>();
		for (LineDecision line : claim.lines()) {
			if (line.rejected()) {
				continue;
			}
			CoveredAct act = line.act();
			if (claim.coveredElsewhere().contains(act)) {
				line.reject(this, act.french() + " du " + Dates.french(claim.careDate())
						+ " déjà pris en charge dans un autre dossier");
				continue;
			}
			LineDecision same = earlier.stream().filter(l -> l.act().equals(act)).findFirst().orElse(null);
			if (same != null) {
				line.reject(this, act.french() + " du " + Dates.french(claim.careDate())
						+ " déjà facturé à la ligne " + same.line() + " de ce dossier");
				continue;
			}
			earlier.add(line);
		}
	}
}
