package ma.amo.claims.adjudication;

import java.util.Optional;

import ma.amo.claims.ClaimKind;
import ma.amo.providers.Establishment;
import ma.amo.providers.ProviderDirectory;
import ma.amo.providers.ProviderStatus;
import org.springframework.stereotype.Component;

/**
 * The providers must be known and active on the date of care; a provider invoice in tiers payant needs the
 * establishment under convention with the patient's payer body that day. Also finds the sector of the care: the
 * establishment's, or the private sector for a professional billing in their own practice.
 */
@Component
class ProviderStanding implements Rule {

	private final ProviderDirectory directory;

	ProviderStanding(ProviderDirectory directory) {
		this.directory = directory;
	}

	public String code() {
		return "PROVIDER_NOT_ELIGIBLE";
	}

	public String label() {
		return "Prestataire inconnu, inactif ou non conventionné à la date des soins";
	}

	public String source() {
		return "amo-rules.md, Procedures and deadlines (tiers payant); INPE directory";
	}

	public void apply(Adjudicating claim) {
		String executing = claim.claim().executingInpe();
		String establishment = claim.claim().establishmentInpe();
		for (String inpe : establishment == null ? new String[] { executing } : new String[] { executing, establishment }) {
			Optional<ProviderStatus> status = claim.lookup(new StatusOn(inpe, claim.careDate()),
					() -> directory.statusOn(inpe, claim.careDate()));
			if (status.isEmpty()) {
				claim.rejectAll(this, "INPE " + inpe + " inconnu ou sans statut au " + Dates.french(claim.careDate()));
				return;
			}
			if (status.get() != ProviderStatus.ACTIVE) {
				claim.rejectAll(this, "INPE " + inpe + " " + status.get().french() + " au " + Dates.french(claim.careDate()));
				return;
			}
		}
		String place = establishment != null ? establishment : executing;
		Optional<Establishment> found = claim.lookup(place, () -> directory.findEstablishment(place));
		claim.sector(found.map(e -> e.sector().name()).orElse("PRIVATE"));
		if (claim.claim().kind() == ClaimKind.PROVIDER_INVOICE && claim.rights() != null
				&& claim.rights().payerBody() != null
				&& !claim.<Boolean>lookup(new ConventionOn(establishment, claim.rights().payerBody().name(), claim.careDate()),
						() -> directory.conventionedOn(establishment, claim.rights().payerBody().name(), claim.careDate()))) {
			claim.rejectAll(this, "établissement " + establishment + " non conventionné avec "
					+ claim.rights().payerBody() + " au " + Dates.french(claim.careDate()) + ": pas de tiers payant");
		}
	}

	private record StatusOn(String inpe, java.time.LocalDate date) {
	}

	private record ConventionOn(String inpe, String payerBody, java.time.LocalDate date) {
	}
}
