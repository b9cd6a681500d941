package ma.amo.fhir;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import ca.uhn.fhir.rest.annotation.IdParam;
import ca.uhn.fhir.rest.annotation.Read;
import ca.uhn.fhir.rest.annotation.Search;
import ca.uhn.fhir.rest.server.IResourceProvider;
import ca.uhn.fhir.rest.server.exceptions.ResourceNotFoundException;
import ma.amo.claims.ClaimAdjudication;
import ma.amo.enrolment.RightsStatus;
import ma.amo.tariffs.CareLimits;
import ma.amo.tariffs.MedicineReferentials;
import ma.amo.tariffs.TariffVersions;
import org.hl7.fhir.r4.model.CodeSystem;
import org.hl7.fhir.r4.model.Enumerations.PublicationStatus;
import org.hl7.fhir.r4.model.IdType;
import org.hl7.fhir.r4.model.NamingSystem;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The platform's referentials as FHIR: a NamingSystem for every identifier system of {@link Canonical} (persons,
 * members, providers, claims, approvals, payments) and a CodeSystem for every code system it names (reason codes,
 * long-term conditions, rights' status, acts, medicines, care types... see {@link Referentials}). Built from the
 * modules that own them at each read, so that a code added there is served here at once; the medicines, a few thousand
 * concepts of a list that never changes once published, are built once per list ({@link MedicinesCodeSystem}).
 */
@Configuration(proxyBeanMethods = false)
class Terminology {

	private static final String PUBLISHER = "AMO";

	@Bean
	NamingSystems namingSystems() {
		return new NamingSystems();
	}

	/** Every code system of {@link Canonical}, served under the last segment of its URL. */
	@Bean
	CodeSystems codeSystems(ClaimAdjudication claims, CareLimits limits, TariffVersions tariffs,
			MedicineReferentials medicineLists, Clock clock) {
		MedicinesCodeSystem medicines = new MedicinesCodeSystem(medicineLists);
		return new CodeSystems(Map.of("reason-codes", () -> reasonCodes(claims), "long-term-conditions",
				() -> longTermConditions(limits), "rights-status", Terminology::rightsStatus, "acts",
				() -> Referentials.acts(tariffs, LocalDate.now(clock)), "medicines",
				() -> medicines.on(LocalDate.now(clock)),
				"adjudication", Referentials::adjudication, "care-types", Referentials::careTypes,
				"prior-approval-info", Referentials::priorApprovalInfo, "professions", Referentials::professions,
				"establishment-categories", Referentials::establishmentCategories));
	}

	static final class NamingSystems implements IResourceProvider {

		private static final Map<String, NamingSystem> ALL = Map.ofEntries(
				Map.entry("idcs", naming("idcs", "IDCS", NamingSystem.NamingSystemType.IDENTIFIER, Canonical.IDCS,
						"Identifiant de couverture sociale: la personne au registre national de la population")),
				Map.entry("cin", naming("cin", "CIN", NamingSystem.NamingSystemType.IDENTIFIER, Canonical.CIN,
						"Carte d'identité nationale électronique des personnes majeures")),
				Map.entry("inpe", naming("inpe", "INPE", NamingSystem.NamingSystemType.IDENTIFIER, Canonical.INPE,
						"Identifiant national des professionnels et établissements de santé; les demandes d'un "
								+ "prestataire sont numérotées sous " + Canonical.claimsOf("{INPE}"))),
				Map.entry("registration-number", naming("registration-number", "RegistrationNumber",
						NamingSystem.NamingSystemType.IDENTIFIER, Canonical.REGISTRATION_NUMBER,
						"Numéro d'immatriculation de l'assuré auprès de son organisme gestionnaire")),
				Map.entry("claim", naming("claim", "Claim", NamingSystem.NamingSystemType.IDENTIFIER, Canonical.CLAIM,
						"Numéro d'une demande de remboursement sur la plateforme (ClaimResponse, ExplanationOfBenefit)")),
				Map.entry("prior-approval", naming("prior-approval", "PriorApproval",
						NamingSystem.NamingSystemType.IDENTIFIER, Canonical.PRIOR_APPROVAL,
						"Référence d'une entente préalable (PA-2026-000123)")),
				Map.entry("payment-batch", naming("payment-batch", "PaymentBatch",
						NamingSystem.NamingSystemType.IDENTIFIER, Canonical.PAYMENT_BATCH,
						"Référence d'un lot de paiement (LP-CNSS-20260615-12)")),
				Map.entry("end-to-end-id", naming("end-to-end-id", "EndToEndId",
						NamingSystem.NamingSystemType.IDENTIFIER, Canonical.END_TO_END_ID,
						"Identifiant de bout en bout d'un virement dans le fichier bancaire ISO 20022")));

		@Override
		public Class<NamingSystem> getResourceType() {
			return NamingSystem.class;
		}

		@Read
		public NamingSystem read(@IdParam IdType id) {
			NamingSystem found = ALL.get(id.getIdPart());
			if (found == null) {
				throw new ResourceNotFoundException(id);
			}
			return found.copy();
		}

		@Search
		public List<NamingSystem> all() {
			return ALL.keySet().stream().sorted().map(ALL::get).map(NamingSystem::copy).toList();
		}

		private static NamingSystem naming(String id, String name, NamingSystem.NamingSystemType kind, String url,
				String description) {
			NamingSystem naming = new NamingSystem();
			naming.setId(id);
			naming.setName(name);
			naming.setStatus(PublicationStatus.ACTIVE);
			naming.setKind(kind);
			naming.setDateElement(new org.hl7.fhir.r4.model.DateTimeType("2026-01-01"));
			naming.setPublisher(PUBLISHER);
			naming.setDescription(description);
			naming.addUniqueId().setType(NamingSystem.NamingSystemIdentifierType.URI).setValue(url).setPreferred(true);
			return naming;
		}
	}

	static final class CodeSystems implements IResourceProvider {

		private final Map<String, Supplier<CodeSystem>> all;

		CodeSystems(Map<String, Supplier<CodeSystem>> all) {
			this.all = all;
		}

		@Override
		public Class<CodeSystem> getResourceType() {
			return CodeSystem.class;
		}

		@Read
		public CodeSystem read(@IdParam IdType id) {
			Supplier<CodeSystem> found = all.get(id.getIdPart());
			if (found == null) {
				throw new ResourceNotFoundException(id);
			}
			return found.get();
		}

		@Search
		public List<CodeSystem> search() {
			return all.keySet().stream().sorted().map(all::get).map(Supplier::get).toList();
		}
	}

	static CodeSystem codeSystem(String id, String name, String url, String description) {
		CodeSystem system = new CodeSystem();
		system.setId(id);
		system.setUrl(url);
		system.setName(name);
		system.setStatus(PublicationStatus.ACTIVE);
		system.setPublisher(PUBLISHER);
		system.setDescription(description);
		system.setContent(CodeSystem.CodeSystemContentMode.COMPLETE);
		system.setCaseSensitive(true);
		return system;
	}

	static CodeSystem reasonCodes(ClaimAdjudication claims) {
		CodeSystem system = codeSystem("reason-codes", "ReasonCodes", Canonical.REASON_CODES,
				"Codes d'une ligne ou d'un dossier: décisions des règles de liquidation, notes de tarification, motifs de revue");
		claims.reasonCodes().forEach(r -> system.addConcept().setCode(r.code()).setDisplay(r.label())
			.setDefinition(r.kind() + " — " + r.source()));
		return system;
	}

	static CodeSystem longTermConditions(CareLimits limits) {
		CodeSystem system = codeSystem("long-term-conditions", "LongTermConditions", Canonical.LONG_TERM_CONDITIONS,
				"Affections de longue durée (ALD) et affections lourdes et coûteuses (ALC)");
		limits.conditions().forEach(c -> system.addConcept().setCode(Integer.toString(c.code())).setDisplay(c.label()));
		return system;
	}

	static CodeSystem rightsStatus() {
		CodeSystem system = codeSystem("rights-status", "RightsStatus", Canonical.RIGHTS_STATUS,
				"Où en sont les droits d'une personne à une date");
		for (RightsStatus status : RightsStatus.values()) {
			system.addConcept().setCode(status.name()).setDisplay("droits " + status.french());
		}
		return system;
	}
}
