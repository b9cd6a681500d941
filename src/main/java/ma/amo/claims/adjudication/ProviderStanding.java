package ma.amo.claims.adjudication;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

import ma.amo.claims.Claim;
import ma.amo.claims.ClaimKind;
import ma.amo.conventions.Convention;
import ma.amo.conventions.ConventionCovers;
import ma.amo.conventions.Conventions;
import ma.amo.providers.Establishment;
import ma.amo.providers.ProviderDirectory;
import ma.amo.providers.ProviderStatus;
import org.springframework.stereotype.Component;

/**
 * The providers must be known and active on the date of care; a provider invoice in tiers payant needs a convention
 * with the patient's payer body in force that day: the establishment's own, or the executing professional's adherence
 * to a convention of their professional body. Also finds the sector of the care: the establishment's, or the private
 * sector for a professional billing in their own practice.
 */
@Component
class ProviderStanding implements Rule {

	private static final NavigableMap<LocalDate, ProviderStatus> EMPTY = new TreeMap<>();

	private final ProviderDirectory directory;
	private final Conventions conventions;
	private final ConventionCovers covers;

	ProviderStanding(ProviderDirectory directory, Conventions conventions, ConventionCovers covers) {
		this.directory = directory;
		this.conventions = conventions;
		this.covers = covers;
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

	/** The statuses and conventions of every provider of the chunk, in three queries rather than three a claim. */
	@Override
	public void prepare(List<Claim> chunk, Map<Object, Object> lookups) {
		Set<String> inpes = new HashSet<>();
		for (Claim claim : chunk) {
			inpes.add(claim.executingInpe());
			if (claim.establishmentInpe() != null) {
				inpes.add(claim.establishmentInpe());
			}
		}
		inpes.remove(null);
		Map<String, NavigableMap<LocalDate, ProviderStatus>> histories = directory.statusHistories(inpes);
		for (Claim claim : chunk) {
			for (String inpe : new String[] { claim.executingInpe(), claim.establishmentInpe() }) {
				if (inpe != null) {
					Map.Entry<LocalDate, ProviderStatus> status = histories.getOrDefault(inpe, EMPTY).floorEntry(claim.careDate());
					lookups.putIfAbsent(new StatusOn(inpe, claim.careDate()),
							Optional.ofNullable(status == null ? null : status.getValue()));
				}
			}
		}
		lookups.put(ConventionCovers.Covers.class, covers.of(inpes));
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
				&& claim.rights().payerBody() != null) {
			String payer = claim.rights().payerBody().name();
			Optional<Convention.Cover> cover = claim.lookup(new CoverOn(executing, establishment, payer, claim.careDate()),
					() -> {
						ConventionCovers.Covers read = claim.prepared(ConventionCovers.Covers.class);
						return (read != null ? read : covers.of(Arrays.asList(executing, establishment)))
							.on(executing, establishment, payer, claim.careDate());
					});
			if (cover.isEmpty()) {
				claim.rejectAll(this, missing(executing, establishment, payer, claim.careDate()));
			}
		}
	}

	/** What is missing, in the words of the refusal: the establishment's convention, the professional's adherence. */
	private String missing(String executing, String establishment, String payer, LocalDate date) {
		StringBuilder reason = new StringBuilder();
		if (establishment != null && !establishment.equals(executing)) {
			reason.append("établissement ").append(establishment).append(" non conventionné avec ").append(payer)
				.append(" au ").append(Dates.french(date)).append(" et professionnel ").append(executing);
		}
		else {
			reason.append("professionnel ").append(executing).append(" non conventionné avec ").append(payer)
				.append(" au ").append(Dates.french(date)).append(":");
		}
		reason.append(" sans adhésion en vigueur à une convention de son organisme professionnel avec ").append(payer);
		conventions.withdrawnBefore(executing, payer, date).ifPresent(w -> reason
			.append(" (retiré de la convention ").append(w.number()).append(")"));
		return reason.append(": pas de tiers payant").toString();
	}

	private record CoverOn(String executing, String establishment, String payerBody, LocalDate date) {
	}

	private record StatusOn(String inpe, LocalDate date) {
	}

}
