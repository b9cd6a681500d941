package ma.amo.payments;

import java.util.Map;

/**
 * The French labels of the ISO 20022 status reason codes (ExternalStatusReason1Code / ExternalReturnReason1Code) banks
 * send most often with a rejected or returned transfer. A code outside the list is kept as the bank sent it, labelled
 * by its code: the external list grows and a return is never refused for a reason the platform does not know.
 */
final class BankReasons {

	private static final Map<String, String> LABELS = Map.ofEntries(
			Map.entry("AC01", "numéro de compte incorrect"),
			Map.entry("AC03", "numéro de compte du bénéficiaire invalide"),
			Map.entry("AC04", "compte clôturé"),
			Map.entry("AC06", "compte bloqué"),
			Map.entry("AG01", "opération interdite sur ce type de compte"),
			Map.entry("AG02", "code d'opération invalide"),
			Map.entry("AM04", "provision insuffisante"),
			Map.entry("AM05", "opération en double"),
			Map.entry("AM09", "montant erroné"),
			Map.entry("BE04", "adresse du bénéficiaire manquante"),
			Map.entry("FF01", "format de fichier invalide"),
			Map.entry("MD07", "titulaire du compte décédé"),
			Map.entry("MS02", "motif non précisé par le client"),
			Map.entry("MS03", "motif non précisé par la banque"),
			Map.entry("RC01", "identifiant de la banque incorrect"),
			Map.entry("RR04", "motif réglementaire"),
			Map.entry("NARR", "motif décrit en texte libre"));

	private BankReasons() {
	}

	static String label(String code) {
		if (code == null) {
			return "motif non précisé par la banque";
		}
		return LABELS.getOrDefault(code, "motif bancaire " + code);
	}
}
