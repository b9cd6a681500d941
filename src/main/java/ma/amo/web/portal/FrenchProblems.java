package ma.amo.web.portal;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import ma.amo.shared.InvalidInput;
import ma.amo.shared.NotFound;
import ma.amo.shared.RuleBroken;
import ma.amo.shared.Violation;

/**
 * The refusals of the business services as the pages show them: beside the field they name, in French. The services
 * speak of fields by their API names ({@code patientIdcs}, {@code lines[2].actCode}); the forms use the same keys, so
 * a problem lands beside the field the person typed.
 */
final class FrenchProblems {

	private static final Pattern LINE = Pattern.compile("lines\\[(\\d+)]\\.(\\w+)");

	private static final Map<String, String> FIELDS = Map.ofEntries(Map.entry("idcs", "IDCS"),
			Map.entry("patientIdcs", "IDCS du patient"), Map.entry("careDate", "Date des soins"),
			Map.entry("date", "Date"), Map.entry("filedOn", "Date de dépôt"),
			Map.entry("executingInpe", "INPE de l'exécutant"), Map.entry("establishmentInpe", "INPE de l'établissement"),
			Map.entry("prescriberInpe", "INPE du prescripteur"), Map.entry("priorApproval", "Accord préalable"),
			Map.entry("careType", "Type de soins"), Map.entry("expectedStart", "Début prévu"),
			Map.entry("stayDays", "Durée du séjour"), Map.entry("sessions", "Nombre de séances"),
			Map.entry("protocol", "Protocole"), Map.entry("medicalNote", "Note médicale"), Map.entry("renews", "Renouvelle"),
			Map.entry("lines", "Lignes"), Map.entry("idempotencyKey", "Formulaire"), Map.entry("from", "Du"),
			Map.entry("to", "Au"), Map.entry("actCode", "Code"), Map.entry("medicineCode", "Code"), Map.entry("code", "Code"),
			Map.entry("coefficient", "Coefficient"), Map.entry("quantity", "Quantité"), Map.entry("billed", "Montant facturé"),
			Map.entry("regime", "Régime"), Map.entry("sector", "Secteur"));

	private static final Map<String, String> RULES = Map.ofEntries(Map.entry("required", "à renseigner"),
			Map.entry("max-length", "trop long"), Map.entry("range", "hors des limites admises"),
			Map.entry("inpe", "n'est pas un INPE valide"), Map.entry("idcs", "n'est pas un IDCS valide (9 à 12 chiffres et la clé)"),
			Map.entry("known-act", "acte inconnu du tarif en vigueur à la date des soins"),
			Map.entry("known-medicine", "médicament inconnu du référentiel à la date des soins"),
			Map.entry("named-act", "lettre clé et coefficient de plusieurs actes : saisir le code de l'acte"),
			Map.entry("positive", "doit être supérieur à 0"), Map.entry("one-code", "un code d'acte ou de médicament"),
			Map.entry("amount", "un montant positif, deux décimales au plus"),
			Map.entry("after-care", "ne peut précéder la date des soins"), Map.entry("not-empty", "au moins une ligne"),
			Map.entry("not-found", "introuvable"),
			Map.entry("idempotent-repeat", "ce formulaire a déjà été envoyé avec un autre contenu : rouvrez une saisie"),
			Map.entry("known-approval", "aucun accord sous cette référence"),
			Map.entry("from-before-to", "doit précéder la date de fin"), Map.entry("max-range", "366 jours au plus"),
			Map.entry("statement-size", "trop de dossiers sur la période : choisissez une période plus courte"));

	private FrenchProblems() {
	}

	static Map<String, String> of(InvalidInput invalid) {
		return of(invalid.violations());
	}

	static Map<String, String> of(RuleBroken broken) {
		return of(List.of(new Violation(broken.field(), broken.rule(), broken.getMessage())));
	}

	static Map<String, String> of(NotFound missing) {
		return of(List.of(new Violation(missing.field(), "not-found", missing.getMessage())));
	}

	static Map<String, String> of(List<Violation> violations) {
		Map<String, String> errors = new LinkedHashMap<>();
		for (Violation violation : violations) {
			String field = violation.field() == null ? "form" : violation.field();
			// A code problem is shown beside the line's one code field.
			String key = field.replace(".actCode", ".code").replace(".medicineCode", ".code");
			errors.merge(key, label(field) + " : " + RULES.getOrDefault(violation.rule(), "valeur non acceptée"),
					(a, b) -> a);
		}
		return errors;
	}

	/** The field's French name; a line's field is named with its line number as people count (from 1). */
	static String label(String field) {
		Matcher line = LINE.matcher(field);
		if (line.matches()) {
			return "Ligne " + (Integer.parseInt(line.group(1)) + 1) + ", " + FIELDS.getOrDefault(line.group(2), line.group(2));
		}
		return FIELDS.getOrDefault(field, field);
	}
}
