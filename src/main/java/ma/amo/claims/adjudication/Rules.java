package ma.amo.claims.adjudication;

import java.util.List;
import java.util.Map;

import ma.amo.claims.Claim;

import org.springframework.stereotype.Component;

/**
 * The rules of adjudication, in the order they run: this list is that order. Each rule sees the decisions of the
 * rules before it: pricing needs the rights and the exemption; the age limit, prior approval, duplicates and ceilings
 * need the priced lines; the State's share in public care is taken on what is left; the review rules come last, on
 * the claim as decided (the therapeutic protocol of an exempted condition first). The same claim and referentials
 * always give the same decisions.
 */
@Component
public class Rules {

	private final List<Rule> rules;

	Rules(PatientRights rights, FilingDeadline filingDeadline, ProviderStanding providers,
			LongTermConditionExemption exemption, Pricing pricing, ChildBenefits children,
			OrthodonticsAgeLimit orthodontics, PriorApproval priorApproval, DuplicateLine duplicates, OneConsultationADay consultations, Ceilings ceilings,
			CarePathway pathway, TadamonInPublicCare tadamon, TherapeuticProtocol protocol, AmountThreshold threshold,
			RandomSample sample) {
		this.rules = List.of(rights, filingDeadline, providers, exemption, pricing, children, orthodontics, priorApproval,
				duplicates,
				consultations, ceilings, pathway, tadamon, protocol, threshold, sample);
	}

	/** Runs every rule on the claim. */
	public void apply(Adjudicating claim) {
		for (Rule rule : rules) {
			rule.apply(claim);
		}
	}

	/** Lets each rule read at once what it needs for the claims of a chunk adjudicated together. */
	public void prepare(List<Claim> chunk, Map<Object, Object> lookups) {
		for (Rule rule : rules) {
			rule.prepare(chunk, lookups);
		}
	}

	/** The rules with their reason codes, kinds, labels and sources, in the order they run. */
	public List<Rule> catalogue() {
		return rules;
	}
}
