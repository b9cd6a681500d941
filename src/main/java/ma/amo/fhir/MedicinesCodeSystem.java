package ma.amo.fhir;

import java.time.LocalDate;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import ma.amo.tariffs.Medicine;
import ma.amo.tariffs.MedicineReferentials;
import org.hl7.fhir.r4.model.BooleanType;
import org.hl7.fhir.r4.model.CodeSystem;
import org.hl7.fhir.r4.model.CodeSystem.PropertyType;
import org.hl7.fhir.r4.model.IntegerType;
import org.hl7.fhir.r4.model.StringType;

/**
 * The medicines CodeSystem: every medicine of the published reference list (GMR) in force on the day, by its EAN-13
 * code, named by its brand name, with its active substance (DCI), dosage, form, presentation, generic group, brand or
 * generic and reimbursement rate as properties. A published list never changes, so each version's CodeSystem is built
 * once and kept (a few thousand concepts; a read then costs a copy, not a query nor the mapping); a list published for
 * a later date replaces it on that date because the version in force is looked up at each read.
 */
final class MedicinesCodeSystem {

	static final String DCI = "dci";
	static final String DOSAGE = "dosage";
	static final String FORM = "form";
	static final String PRESENTATION = "presentation";
	static final String GENERIC_GROUP = "generic-group";
	static final String GENERIC = "generic";
	static final String RATE = "reimbursement-rate";

	private final MedicineReferentials referentials;
	private final Map<Long, CodeSystem> built = new ConcurrentHashMap<>();

	MedicinesCodeSystem(MedicineReferentials referentials) {
		this.referentials = referentials;
	}

	/** The CodeSystem of the list in force on {@code date}; a copy, so that nothing a read does reaches the cache. */
	CodeSystem on(LocalDate date) {
		return referentials.inForce(date).map(version -> built.computeIfAbsent(version.id(), id -> of(version)))
			.orElseGet(MedicinesCodeSystem::none).copy();
	}

	private static CodeSystem base() {
		CodeSystem system = Terminology.codeSystem("medicines", "Medicines", Canonical.MEDICINES,
				"Médicaments de la liste de référence (GMR) en vigueur, par leur code EAN-13: nom de marque, DCI, dosage, "
						+ "forme, présentation, groupe générique (DCI, dosage, forme et présentation), princeps ou générique "
						+ "et taux de remboursement");
		property(system, DCI, "Dénomination commune internationale (principe actif)", PropertyType.STRING);
		property(system, DOSAGE, "Dosage", PropertyType.STRING);
		property(system, FORM, "Forme galénique", PropertyType.STRING);
		property(system, PRESENTATION, "Présentation (conditionnement)", PropertyType.STRING);
		property(system, GENERIC_GROUP, "Groupe générique: DCI | dosage | forme | présentation; la base de "
				+ "remboursement d'un princeps se lit dans son groupe", PropertyType.STRING);
		property(system, GENERIC, "Vrai pour un générique (G), faux pour un princeps (P)", PropertyType.BOOLEAN);
		property(system, RATE, "Taux de remboursement en pourcentage (0: non remboursé)", PropertyType.INTEGER);
		return system;
	}

	static CodeSystem of(MedicineReferentials.InForce version) {
		CodeSystem system = base();
		system.setVersion(version.effectiveFrom().toString());
		system.setCount(version.medicines().size());
		for (Medicine m : version.medicines()) {
			CodeSystem.ConceptDefinitionComponent concept = system.addConcept().setCode(m.code()).setDisplay(m.name());
			text(concept, DCI, m.dci());
			text(concept, DOSAGE, m.dosage());
			text(concept, FORM, m.form());
			text(concept, PRESENTATION, m.presentation());
			text(concept, GENERIC_GROUP, String.join(" | ", m.dci(), m.dosage(), m.form(), m.presentation()));
			concept.addProperty().setCode(GENERIC).setValue(new BooleanType(m.generic()));
			concept.addProperty().setCode(RATE)
				.setValue(new IntegerType(m.reimbursementRate().percent()));
		}
		return system;
	}

	/** No list published in force yet: the CodeSystem says so rather than claiming an empty list complete. */
	private static CodeSystem none() {
		CodeSystem system = base();
		system.setContent(CodeSystem.CodeSystemContentMode.NOTPRESENT);
		system.setDescription(system.getDescription() + ". Aucune liste publiée n'est en vigueur à ce jour.");
		return system;
	}

	private static void property(CodeSystem system, String code, String description, PropertyType type) {
		system.addProperty().setCode(code).setDescription(description).setType(type);
	}

	private static void text(CodeSystem.ConceptDefinitionComponent concept, String code, String value) {
		if (value != null && !value.isBlank()) {
			concept.addProperty().setCode(code).setValue(new StringType(value));
		}
	}
}
