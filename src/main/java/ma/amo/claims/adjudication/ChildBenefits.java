package ma.amo.claims.adjudication;

import java.util.HashSet;
import java.util.Set;

import ma.amo.parameters.ParameterValues;
import ma.amo.tariffs.CareCategory;
import org.springframework.stereotype.Component;

/**
 * A child aged 12 or under on the date of care is covered for all benefits. Where a regime's basket leaves a care
 * category out for adults (a parameter, effective-dated, {@code NONE} today: every regime covers every category of
 * the tariff for adults too), an adult's line of that category is rejected unless the care is exempted under an ALD;
 * a child's line is kept. The age counts in years completed: a child is 12 until the day before their 13th birthday.
 */
@Component
class ChildBenefits implements Rule {

	private final ParameterValues parameters;

	ChildBenefits(ParameterValues parameters) {
		this.parameters = parameters;
	}

	public String code() {
		return "ADULT_BASKET_EXCLUSION";
	}

	public String label() {
		return "Soins couverts pour les enfants de 12 ans ou moins et les affections de longue durée seulement";
	}

	public String source() {
		return "amo-rules.md, What is reimbursed (child aged 12 or under: all benefits covered)";
	}

	public void apply(Adjudicating claim) {
		if (claim.allRejected() || claim.exempted() || claim.rights() == null || claim.rights().regime() == null) {
			return;
		}
		Set<String> restricted = restricted(claim);
		if (restricted.isEmpty() || claim.lines().stream().noneMatch(l -> !l.rejected() && restricted.contains(l.careCategory()))) {
			return;
		}
		if (claim.patient() == null || claim.patient().birthDate() == null) {
			return;
		}
		int age = claim.patient().ageOn(claim.careDate());
		int childAge = parameters.integer("claims.child-cover.age", claim.careDate());
		if (age <= childAge) {
			claim.lines().stream().filter(l -> !l.rejected() && restricted.contains(l.careCategory()))
				.forEach(l -> l.note(new Explanation(code(), "enfant de " + age + " ans, tous les soins sont couverts",
						Explanation.figures("age", age, "childAge", childAge))));
			return;
		}
		for (LineDecision line : claim.lines()) {
			if (!line.rejected() && restricted.contains(line.careCategory())) {
				line.reject(this, CareCategory.french(line.careCategory()) + " non couverts pour un adulte de " + age
						+ " ans de l'" + claim.rights().regime().french() + " au " + Dates.french(claim.careDate()) + " (hors ALD)");
			}
		}
	}

	/** The categories left out for adults of the patient's regime on the date of care. */
	private Set<String> restricted(Adjudicating claim) {
		Set<String> categories = new HashSet<>();
		String regime = claim.rights().regime().name();
		for (String pair : parameters.text("claims.adult-cover.excluded-categories", claim.careDate()).split(";")) {
			String[] parts = pair.strip().split(":");
			if (parts.length == 2 && parts[0].strip().equals(regime)) {
				categories.add(parts[1].strip());
			}
		}
		return categories;
	}
}
