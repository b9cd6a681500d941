package ma.amo.fhir;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;

import ma.amo.approvals.CareType;
import ma.amo.providers.Profession;
import ma.amo.providers.ProviderDirectory;
import ma.amo.shared.PageOf;
import ma.amo.tariffs.TariffVersions;
import org.hl7.fhir.r4.model.CodeSystem;

/**
 * The code systems of the platform's own referentials that a claim, an approval or the directory is coded with: the
 * acts of the reference tariff in force, the medicines, the care types of prior approvals and their supporting
 * information, the professions, the establishments' categories and the platform's kinds of adjudication line. Each is
 * built from the module that owns the codes, so a code added there is served here at once.
 */
final class Referentials {

	/** The tariff's acts are read a page at a time, the most a page of the tariffs module gives. */
	private static final int PAGE = 200;

	private Referentials() {
	}

	/**
	 * The acts of the tariff version in force on {@code date} (the latest published one then effective); a version
	 * proposed for later is not yet the reference.
	 */
	static CodeSystem acts(TariffVersions tariffs, LocalDate date) {
		CodeSystem system = Terminology.codeSystem("acts", "Acts", Canonical.ACTS,
				"Actes de la nomenclature de référence (lettres clés NGAP et actes nommés) de la version en vigueur");
		tariffs.versions().stream()
			.filter(v -> "PUBLISHED".equals(v.status()) && !v.effectiveFrom().isAfter(date))
			.max(Comparator.comparing(TariffVersions.Version::effectiveFrom).thenComparing(TariffVersions.Version::id))
			.ifPresent(version -> {
				system.setVersion(version.name());
				for (int page = 0;; page++) {
					PageOf<TariffVersions.ActOfVersion> acts = tariffs.acts(version.id(), null, null, page, PAGE);
					acts.content().forEach(act -> system.addConcept().setCode(act.code()).setDisplay(act.label())
						.setDefinition(act.keyLetter() == null ? act.careCategory()
								: act.careCategory() + " — lettre clé " + act.keyLetter()));
					if (page + 1 >= acts.totalPages()) {
						break;
					}
				}
			});
		return system;
	}

	/** The kinds of adjudication line the platform adds to HL7's adjudication codes. */
	static CodeSystem adjudication() {
		CodeSystem system = Terminology.codeSystem("adjudication", "Adjudication", Canonical.ADJUDICATION,
				"Lignes de liquidation propres à la plateforme, en plus des catégories HL7");
		system.addConcept().setCode("reason").setDisplay("motif")
			.setDefinition("Un code de " + Canonical.REASON_CODES + " expliquant la liquidation de la ligne");
		system.addConcept().setCode("sessions").setDisplay("séances accordées")
			.setDefinition("Le nombre de séances qu'une entente préalable accorde");
		return system;
	}

	static CodeSystem careTypes() {
		CodeSystem system = Terminology.codeSystem("care-types", "CareTypes", Canonical.CARE_TYPES,
				"Soins soumis à entente préalable");
		for (CareType type : CareType.values()) {
			system.addConcept().setCode(type.name()).setDisplay(type.label())
				.setDefinition(type.series() ? "accordé en nombre de séances" : "accordé en une fois");
		}
		return system;
	}

	static CodeSystem priorApprovalInfo() {
		CodeSystem system = Terminology.codeSystem("prior-approval-info", "PriorApprovalInfo",
				Canonical.PRIOR_APPROVAL_INFO, "Informations d'une demande d'entente préalable (Claim.supportingInfo)");
		system.addConcept().setCode("medical-note").setDisplay("note médicale").setDefinition("valueString");
		system.addConcept().setCode("protocol").setDisplay("protocole").setDefinition("valueString");
		system.addConcept().setCode("stay-days").setDisplay("jours d'hospitalisation")
			.setDefinition("valueQuantity, un nombre entier");
		system.addConcept().setCode("sessions").setDisplay("séances").setDefinition("valueQuantity, un nombre entier");
		return system;
	}

	static CodeSystem professions() {
		CodeSystem system = Terminology.codeSystem("professions", "Professions", Canonical.PROFESSIONS,
				"Professions de santé de l'annuaire des prestataires");
		for (Profession profession : Profession.values()) {
			system.addConcept().setCode(profession.name());
		}
		return system;
	}

	static CodeSystem establishmentCategories() {
		CodeSystem system = Terminology.codeSystem("establishment-categories", "EstablishmentCategories",
				Canonical.ESTABLISHMENT_CATEGORIES,
				"Catégories d'établissements: celles du ministère de la santé (HP, HR, CSU-1...) et du secteur privé");
		List<String> categories = ProviderDirectory.CATEGORIES;
		categories.forEach(category -> system.addConcept().setCode(category));
		return system;
	}
}
