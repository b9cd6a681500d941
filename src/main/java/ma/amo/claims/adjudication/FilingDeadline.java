package ma.amo.claims.adjudication;

import java.time.temporal.ChronoUnit;

import ma.amo.claims.ClaimKind;
import ma.amo.parameters.ParameterValues;
import org.springframework.stereotype.Component;

/**
 * A member claim is filed within 60 days of the care, a provider invoice within 90 (amo-rules.md, "Procedures and
 * deadlines": the feuille de soins within 60 days of the first act; the establishment invoices within 90 days). One
 * parameter per kind, read at the date of care: {@code claims.filing-deadline-days} for member claims,
 * {@code claims.invoice-filing-deadline-days} for invoices. Filed on the last day it is examined, the day after rejected.
 */
@Component
class FilingDeadline implements Rule {

	private final ParameterValues parameters;

	FilingDeadline(ParameterValues parameters) {
		this.parameters = parameters;
	}

	public String code() {
		return "LATE_FILING";
	}

	public String label() {
		return "Dossier déposé après le délai de dépôt";
	}

	public String source() {
		return "amo-rules.md, Procedures and deadlines";
	}

	public void apply(Adjudicating claim) {
		boolean invoice = claim.claim().kind() == ClaimKind.PROVIDER_INVOICE;
		int deadline = parameters.integer(invoice ? "claims.invoice-filing-deadline-days" : "claims.filing-deadline-days",
				claim.careDate());
		long days = ChronoUnit.DAYS.between(claim.careDate(), claim.claim().filedOn());
		if (days > deadline) {
			claim.rejectAll(this, "déposé " + days + " jours après les soins du " + Dates.french(claim.careDate())
					+ ", délai de dépôt " + (invoice ? "d'une facture " : "d'une feuille de soins ") + deadline + " jours");
		}
	}
}
