package ma.amo.claims.adjudication;

import java.math.BigDecimal;
import java.util.Set;

import ma.amo.claims.Claim;
import ma.amo.parameters.ParameterValues;
import ma.amo.pathway.ReferralCheck;
import ma.amo.pathway.Referrals;
import ma.amo.providers.Profession;
import ma.amo.providers.Professional;
import ma.amo.providers.ProviderDirectory;
import ma.amo.shared.NotFound;
import org.springframework.stereotype.Component;

/**
 * The coordinated care pathway: a specialist consultation without a referral from primary care or a GP is a breach,
 * recorded on the line; the covered amount is reduced by the penalty parameter (none published: 0 % by default).
 * Children up to 12 (a parameter) may see a paediatrician directly (amo-rules.md, "Procedures and deadlines").
 * <p>
 * The referral is the record the claim cites, checked by the care pathway module: the patient's, to the specialist's
 * specialty (and to the establishment of the care when it names a hospital), written on or before the care and not
 * expired. A claim of an older client that only sets the yes/no flag counts as referred while parameter
 * {@code claims.care-pathway.declared-referral} is {@code ACCEPTED} on the date of care.
 */
@Component
class CarePathway implements Rule {

	private static final Set<String> SPECIALIST_CONSULTATIONS = Set.of("Cs", "CNPSY", "Vs", "VNPSY");

	private final ProviderDirectory directory;
	private final ParameterValues parameters;
	private final Referrals referrals;

	CarePathway(ProviderDirectory directory, ParameterValues parameters, Referrals referrals) {
		this.directory = directory;
		this.parameters = parameters;
		this.referrals = referrals;
	}

	public String code() {
		return "CARE_PATHWAY_BREACH";
	}

	public String label() {
		return "Consultation du spécialiste sans orientation (parcours de soins coordonné)";
	}

	public String source() {
		return "amo-rules.md, Procedures and deadlines (coordinated care pathway)";
	}

	public void apply(Adjudicating claim) {
		if (claim.lines().stream()
			.noneMatch(l -> !l.rejected() && SPECIALIST_CONSULTATIONS.contains(l.code()))) {
			return;
		}
		Professional specialist;
		try {
			specialist = directory.professional(claim.claim().executingInpe());
		}
		catch (NotFound e) {
			return;
		}
		if (specialist.profession() != Profession.SPECIALIST) {
			return;
		}
		int childAge = parameters.integer("claims.care-pathway.direct-access-age", claim.careDate());
		if (claim.patient() != null && claim.patient().ageOn(claim.careDate()) <= childAge
				&& specialist.specialty() != null && specialist.specialty().toLowerCase().startsWith("pédiatr")) {
			return;
		}
		String breach = breach(claim, specialist);
		if (breach == null) {
			return;
		}
		BigDecimal penalty = parameters.decimal("claims.care-pathway.penalty-percent", claim.careDate());
		for (LineDecision line : claim.lines()) {
			if (line.rejected() || !SPECIALIST_CONSULTATIONS.contains(line.code())) {
				continue;
			}
			String why = breach + ", pénalité "
					+ penalty.stripTrailingZeros().toPlainString() + " %";
			if (penalty.signum() == 0) {
				line.note(new Explanation(code(), why + " (manquement enregistré)"));
			}
			else {
				line.reduce(this, line.covered().minus(line.covered().times(penalty.movePointLeft(2))), why,
						Explanation.figures("penaltyPercent", penalty));
			}
		}
	}

	/** Why the consultation is outside the pathway, or null when a referral covers it. */
	private String breach(Adjudicating adjudicating, Professional specialist) {
		Claim claim = adjudicating.claim();
		if (claim.referralId() != null) {
			ReferralCheck check = referrals.check(claim.referralId(), claim.patientIdcs(), specialist.specialty(),
					claim.establishmentInpe(), adjudicating.careDate());
			return check.compliant() ? null : "consultation du spécialiste hors parcours : " + check.reason();
		}
		if (claim.referral()) {
			return "ACCEPTED".equals(parameters.text("claims.care-pathway.declared-referral", adjudicating.careDate()))
					? null : "consultation du spécialiste sur orientation déclarée sans référence";
		}
		return "consultation du spécialiste sans orientation";
	}
}
