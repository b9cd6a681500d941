package ma.amo.claims.adjudication;

import ma.amo.parameters.ParameterValues;
import org.springframework.stereotype.Component;

/**
 * A share of the claims (a parameter, in percent) goes to an agent for a check. The same claim is always in or out of
 * the sample: the draw is a hash of its id, not a random number, so adjudicating it again gives the same decision.
 */
@Component
class RandomSample implements Rule {

	private final ParameterValues parameters;

	RandomSample(ParameterValues parameters) {
		this.parameters = parameters;
	}

	public String code() {
		return "RANDOM_SAMPLE";
	}

	public String label() {
		return "Dossier tiré au sort pour contrôle";
	}

	public String source() {
		return "parameter claims.review.sample-percent";
	}

	@Override
	public ReasonCatalogue.Kind kind() {
		return ReasonCatalogue.Kind.REVIEW;
	}

	public void apply(Adjudicating claim) {
		// A claim with nothing covered has nothing for an agent to check in the sample.
		if (claim.allRejected()) {
			return;
		}
		if (sampled(claim.claim().id(), parameters.integer("claims.review.sample-percent", claim.careDate()))) {
			claim.review(this, "dossier tiré au sort pour contrôle");
		}
	}

	private static boolean sampled(long id, int percent) {
		return Math.floorMod(Long.hashCode(id * 0x9E3779B97F4A7C15L), 100) < percent;
	}
}
