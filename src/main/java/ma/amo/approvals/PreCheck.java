package ma.amo.approvals;

import java.time.LocalDate;
import java.time.Period;
import java.util.ArrayList;
import java.util.List;

import ma.amo.enrolment.Eligibility;
import ma.amo.enrolment.Rights;
import ma.amo.enrolment.RightsStatus;
import ma.amo.population.Person;
import ma.amo.population.PopulationRegister;
import ma.amo.providers.ProviderDirectory;
import ma.amo.shared.InvalidInput;
import ma.amo.shared.NotFound;
import ma.amo.tariffs.CareLimits;
import ma.amo.tariffs.Quotes;
import org.springframework.stereotype.Component;

/**
 * The automatic pre-check of a request before a medical reviewer sees it (amo-rules.md, "Procedures and deadlines":
 * the payer checks rights and the eligibility of the care): the patient's rights open on the day care starts, the
 * care one that needs approval (the act's flag in the tariff, or by its type), orthodontics for a patient up to the
 * age limit of the ceilings (16), and the estimate through the quote. Rights not open or a patient past the
 * orthodontics age reject the request at once, with the reason; the other findings inform the reviewer.
 */
@Component
class PreCheck {

	static final String RIGHTS_OPEN = "RIGHTS_OPEN";

	private final Eligibility eligibility;
	private final Quotes quotes;
	private final PopulationRegister register;
	private final ProviderDirectory providers;
	private final CareLimits limits;

	PreCheck(Eligibility eligibility, Quotes quotes, PopulationRegister register, ProviderDirectory providers,
			CareLimits limits) {
		this.eligibility = eligibility;
		this.quotes = quotes;
		this.register = register;
		this.providers = providers;
		this.limits = limits;
	}

	/** Whether the patient's rights are open on the day care starts, in French: "droits suspendus le …". */
	static Approval.Finding rightsFinding(Rights rights, LocalDate start) {
		return new Approval.Finding(RIGHTS_OPEN, rights.status() == RightsStatus.OPEN, "droits "
				+ rights.status().french() + " le " + start + (rights.reason() == null ? "" : ": " + rights.reason()));
	}

	/** The findings, the rights found and the estimate; {@code rejection} says why the request stops here. */
	record Result(List<Approval.Finding> findings, Rights rights, Quotes.Quotation estimate, String rejection) {
	}

	Result of(ApprovalRequest request) {
		String idcs = request.patientIdcs().strip();
		register.checkIdcs("patientIdcs", idcs);
		Person patient = register.person(idcs).orElseThrow(() -> new InvalidInput("patientIdcs", "known-person",
				"no person with IDCS " + idcs + " in the population register"));
		try {
			providers.establishment(request.establishmentInpe().strip());
		}
		catch (NotFound e) {
			throw new InvalidInput("establishmentInpe", "known-establishment",
					"no establishment with INPE " + request.establishmentInpe().strip() + " in the directory");
		}
		LocalDate start = request.expectedStart();
		List<Approval.Finding> findings = new ArrayList<>();
		String rejection = null;
		Rights rights = eligibility.of(idcs, start);
		boolean open = rights.status() == RightsStatus.OPEN;
		findings.add(rightsFinding(rights, start));
		if (!open) {
			rejection = "droits non ouverts le " + start;
		}
		if (request.careType() == CareType.ORTHODONTICS) {
			Integer maxAge = limits.ceilings(start).stream().filter(c -> c.item().equals("ORTHODONTICS"))
				.map(CareLimits.Ceiling::maxAge).filter(java.util.Objects::nonNull).findFirst().orElse(16);
			int age = Period.between(patient.birthDate(), start).getYears();
			boolean young = age <= maxAge;
			findings.add(new Approval.Finding("ORTHODONTICS_AGE", young, "patient de " + age + " ans, orthodontie "
					+ "prise en charge jusqu'à " + maxAge + " ans"));
			if (!young && rejection == null) {
				rejection = "orthodontie prise en charge jusqu'à " + maxAge + " ans: patient de " + age + " ans";
			}
		}
		Quotes.Quotation estimate = null;
		if (rights.regime() != null) {
			estimate = quotes.quote(new Quotes.Request(rights.regime(), start, request.establishmentInpe().strip(), null,
					false, request.lines().stream()
						.map(l -> new Quotes.Line(l.actCode(), l.coefficient(), l.medicineCode(), l.quantity(), l.billed()))
						.toList()));
			boolean flagged = estimate.lines().stream().anyMatch(l -> l.rules().contains("PRIOR_APPROVAL_REQUIRED"));
			findings.add(new Approval.Finding("CARE_NEEDS_APPROVAL", true, flagged
					? "acte soumis à accord préalable dans la nomenclature"
					: request.careType().label() + ": soumis à accord préalable par sa nature"));
			findings.add(new Approval.Finding("ESTIMATE", true, "devis " + estimate.billed().amount() + " DH, part "
					+ "prise en charge estimée " + estimate.covered().amount() + " DH (" + estimate.payerBody() + ")"));
		}
		else {
			findings.add(new Approval.Finding("ESTIMATE", false, "pas de régime: devis impossible"));
		}
		return new Result(List.copyOf(findings), rights, estimate, rejection);
	}
}
