package ma.amo.claims.adjudication;

import java.util.Map;

import ma.amo.parameters.ParameterValues;
import ma.amo.tariffs.CareLimits;
import org.springframework.stereotype.Component;

/**
 * Orthodontics is covered up to an age (amo-rules.md, "What is reimbursed", dental: up to age 16, with prior
 * approval): the age limit of the ORTHODONTICS ceiling in force on the date of care, on the acts the parameter
 * {@code claims.ceiling-items} counts towards it. The age is in years completed on the date of care: a patient of 16
 * is covered until the day before their 17th birthday. It runs before prior approval, so that care refused for age
 * uses nothing of an approval.
 */
@Component
class OrthodonticsAgeLimit implements Rule {

	static final String ITEM = "ORTHODONTICS";

	private final CareLimits limits;
	private final ParameterValues parameters;

	OrthodonticsAgeLimit(CareLimits limits, ParameterValues parameters) {
		this.limits = limits;
		this.parameters = parameters;
	}

	public String code() {
		return "ORTHODONTICS_AGE_LIMIT";
	}

	public String label() {
		return "Orthodontie prise en charge jusqu'à l'âge limite seulement";
	}

	public String source() {
		return "amo-rules.md, What is reimbursed (dental: orthodontics up to age 16 with prior approval)";
	}

	public void apply(Adjudicating claim) {
		if (claim.allRejected()) {
			return;
		}
		Map<String, String> items = CeilingItems.on(parameters, claim.careDate());
		if (claim.lines().stream().noneMatch(l -> !l.rejected() && ITEM.equals(items.get(l.code())))) {
			return;
		}
		Integer maxAge = limits.ceilings(claim.careDate()).stream().filter(c -> c.item().equals(ITEM))
			.map(CareLimits.Ceiling::maxAge).filter(java.util.Objects::nonNull).findFirst().orElse(null);
		if (maxAge == null || claim.patient() == null || claim.patient().birthDate() == null) {
			return;
		}
		int age = claim.patient().ageOn(claim.careDate());
		if (age <= maxAge) {
			return;
		}
		for (LineDecision line : claim.lines()) {
			if (!line.rejected() && ITEM.equals(items.get(line.code()))) {
				line.reject(this, "orthodontie prise en charge jusqu'à " + maxAge + " ans, patient de " + age + " ans le "
						+ Dates.french(claim.careDate()), Explanation.figures("age", age, "maxAge", maxAge));
			}
		}
	}
}
