package ma.amo.enrolment.rights;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import ma.amo.enrolment.Dependant;
import ma.amo.enrolment.Dependant.Relation;
import ma.amo.enrolment.Enrolment;
import ma.amo.enrolment.Regime;
import ma.amo.enrolment.Rights;
import ma.amo.enrolment.RightsStatus;
import ma.amo.enrolment.Suspension;
import ma.amo.parameters.ParameterValues;
import ma.amo.population.Person;

/**
 * Decides a person's rights on a date from their cover file. Every threshold is read from the parameters in force on
 * the date it applies to. The person's own regime and each dependant link are decided separately; the best answer
 * wins (open, then waiting, then suspended, then closed), the person's own cover first among equals.
 */
public final class RightsEngine {

	private static final DateTimeFormatter FRENCH = DateTimeFormatter.ofPattern("dd/MM/yyyy");

	private final ParameterValues parameters;

	public RightsEngine(ParameterValues parameters) {
		this.parameters = parameters;
	}

	public Rights decide(CoverFile file, LocalDate date) {
		Person person = file.person();
		if (person.diedBefore(date)) {
			return closed(person, date, RightsRule.DEATH, "Décès le " + french(person.deathDate()));
		}
		List<Rights> answers = new ArrayList<>();
		Rights own = own(person, file.own(), date);
		if (own != null) {
			answers.add(own);
		}
		for (CoverFile.Link link : file.links()) {
			if (!link.dependant().startDate().isAfter(date)) {
				answers.add(asDependant(person, link, date));
			}
		}
		return answers.stream()
			.min(Comparator.comparingInt((Rights r) -> r.status().ordinal()))
			.orElseGet(() -> closed(person, date, RightsRule.NOT_ENROLLED, RightsRule.NOT_ENROLLED.label()));
	}

	/** The person's rights from their own regime periods, or null when they never had one before the date. */
	Rights own(Person person, List<CoverFile.Period> periods, LocalDate date) {
		CoverFile.Period current = periods.stream()
			.filter(p -> !p.enrolment().startDate().isAfter(date))
			.max(Comparator.comparing(p -> p.enrolment().startDate()))
			.orElse(null);
		if (current == null) {
			return null;
		}
		Enrolment enrolment = current.enrolment();
		if (enrolment.covers(date)) {
			return active(person, current, date);
		}
		LocalDate end = enrolment.endDate();
		int keepMonths = parameters.integer("rights.keep-months." + enrolment.regime(), end);
		if (enrolment.endReason() == Enrolment.EndReason.CONDITIONS_ENDED && keepMonths > 0
				&& active(person, current, end).status() == RightsStatus.OPEN) {
			LocalDate keptUntil = end.plusMonths(keepMonths);
			if (!date.isAfter(keptUntil)) {
				return rights(person, date, RightsStatus.OPEN, RightsRule.KEEP_RIGHTS,
						"Conditions terminées le " + french(end) + ", droits maintenus " + keepMonths
								+ " mois, jusqu'au " + french(keptUntil),
						current, "MEMBER", null, earliest(keptUntil, person.deathDate()));
			}
			return rights(person, date, RightsStatus.CLOSED, RightsRule.KEEP_RIGHTS,
					"Maintien des droits terminé le " + french(keptUntil), current, "MEMBER", null, keptUntil);
		}
		return rights(person, date, RightsStatus.CLOSED, RightsRule.REGIME_ENDED,
				"Période dans l'" + enrolment.regime().french() + " terminée le " + french(end) + " ("
						+ enrolment.endReason().french() + ")",
				current, "MEMBER", null, end);
	}

	/** Rights within a regime period that covers the date: waiting period, suspension, or open. */
	private Rights active(Person person, CoverFile.Period period, LocalDate date) {
		Enrolment enrolment = period.enrolment();
		LocalDate coverEnd = earliest(enrolment.endDate(), person.deathDate());
		// The opening date is computed once: the salaried one walks every paid month.
		LocalDate opened = opening(period, date);
		Waiting waiting = waiting(period, date, opened);
		if (waiting != null) {
			return rights(person, date, RightsStatus.WAITING, waiting.rule(), waiting.reason(), period, "MEMBER",
					waiting.opensOn(), coverEnd);
		}
		for (Suspension suspension : period.suspensions()) {
			if (suspension.covers(date)) {
				return rights(person, date, RightsStatus.SUSPENDED, RightsRule.RIGHTS_SUSPENDED,
						"Droits suspendus depuis le " + french(suspension.startDate()) + ": " + suspension.reason()
								+ (suspension.endDate() == null ? "" : " (jusqu'au " + french(suspension.endDate()) + ")"),
						period, "MEMBER", opened, coverEnd);
			}
		}
		return rights(person, date, RightsStatus.OPEN, RightsRule.REGIME_RIGHTS_OPEN,
				"Droits ouverts depuis le " + french(opened) + " (" + enrolment.regime().french() + ")", period, "MEMBER",
				opened, coverEnd);
	}

	private record Waiting(RightsRule rule, String reason, LocalDate opensOn) {
	}

	/** The waiting period still running on the date, or null when rights are open by then ({@code opened}). */
	private Waiting waiting(CoverFile.Period period, LocalDate date, LocalDate opened) {
		Enrolment enrolment = period.enrolment();
		if (enrolment.waitingWaived()) {
			return null;
		}
		if (enrolment.regime() == Regime.ACHAMIL) {
			int months = parameters.integer("rights.achamil.waiting-months", enrolment.startDate());
			LocalDate opens = enrolment.startDate().plusMonths(months);
			return date.isBefore(opens) ? new Waiting(RightsRule.ACHAMIL_WAITING_PERIOD,
					"Stage de " + months + " mois jusqu'au " + french(opens.minusDays(1)), opens) : null;
		}
		if (enrolment.regime() == Regime.SALARIED_PRIVATE) {
			if (opened != null && !date.isBefore(opened)) {
				return null;
			}
			int required = parameters.integer("rights.salaried.waiting-days", date);
			int window = parameters.integer("rights.salaried.waiting-window-months", date);
			// Only completed months count: the current month's declaration is not due yet.
			LocalDate lastMonth = date.withDayOfMonth(1).minusMonths(1);
			int paid = daysIn(period, lastMonth.minusMonths(window - 1), lastMonth, date);
			return new Waiting(RightsRule.SALARIED_WAITING_PERIOD, paid + " jours déclarés et payés sur les " + window
					+ " derniers mois échus, " + required + " requis", null);
		}
		return null;
	}

	/**
	 * The first day salaried rights open, as known on {@code date}: for the first month M such that the days of M and
	 * the months before it, within the window, paid by that date, reach the required number, rights open on the first
	 * day of the month after M or on the day the last of those declarations was paid, whichever is later (the
	 * condition is known only once the month is over and its contributions are paid). Only months before the date's
	 * month count.
	 */
	private LocalDate salariedOpening(CoverFile.Period period, LocalDate date) {
		LocalDate dateMonth = date.withDayOfMonth(1);
		LocalDate previous = null;
		for (CoverFile.PaidDays paid : period.paidDays()) {
			LocalDate month = paid.month();
			if (!month.isBefore(dateMonth)) {
				break;
			}
			if (month.equals(previous) || paid.paidOn().isAfter(date)) {
				continue;
			}
			previous = month;
			LocalDate firstDay = month.plusMonths(1);
			int required = parameters.integer("rights.salaried.waiting-days", firstDay);
			int window = parameters.integer("rights.salaried.waiting-window-months", firstDay);
			LocalDate from = month.minusMonths(window - 1);
			if (daysIn(period, from, month, date) >= required) {
				LocalDate opens = latest(firstDay, lastPayment(period, from, month, date));
				return latest(opens, period.enrolment().startDate());
			}
		}
		return null;
	}

	private static int daysIn(CoverFile.Period period, LocalDate fromMonth, LocalDate toMonth, LocalDate asOf) {
		int sum = 0;
		for (CoverFile.PaidDays paid : period.paidDays()) {
			if (!paid.month().isBefore(fromMonth) && !paid.month().isAfter(toMonth) && !paid.paidOn().isAfter(asOf)) {
				sum += paid.days();
			}
		}
		return sum;
	}

	private static LocalDate lastPayment(CoverFile.Period period, LocalDate fromMonth, LocalDate toMonth,
			LocalDate asOf) {
		LocalDate last = null;
		for (CoverFile.PaidDays paid : period.paidDays()) {
			if (!paid.month().isBefore(fromMonth) && !paid.month().isAfter(toMonth) && !paid.paidOn().isAfter(asOf)
					&& paid.days() > 0) {
				last = latest(last, paid.paidOn());
			}
		}
		return last;
	}

	private LocalDate opening(CoverFile.Period period, LocalDate date) {
		Enrolment enrolment = period.enrolment();
		if (enrolment.waitingWaived()) {
			return enrolment.startDate();
		}
		return switch (enrolment.regime()) {
			case ACHAMIL -> enrolment.startDate()
				.plusMonths(parameters.integer("rights.achamil.waiting-months", enrolment.startDate()));
			case SALARIED_PRIVATE -> salariedOpening(period, date);
			default -> enrolment.startDate();
		};
	}

	/** Rights as a dependant: the link's own limits first, then the member's rights. */
	private Rights asDependant(Person person, CoverFile.Link link, LocalDate date) {
		Dependant dependant = link.dependant();
		String relation = dependant.relation().name();
		LocalDate ageLimit = childLimit(person, dependant, date);
		if (ageLimit != null && !date.isBefore(ageLimit)) {
			return linked(person, link, date, RightsStatus.CLOSED, RightsRule.CHILD_AGE_LIMIT,
					"Limite d'âge atteinte le " + french(ageLimit), null, ageLimit.minusDays(1));
		}
		LocalDate ageEnd = ageLimit == null ? null : ageLimit.minusDays(1);
		if (!dependant.activeOn(date)) {
			LocalDate end = dependant.endDate();
			if (dependant.endReason() == Dependant.EndReason.DIVORCE) {
				int months = parameters.integer("rights.divorced-spouse.keep-months", end);
				LocalDate keptUntil = end.plusMonths(months);
				Rights atDivorce = memberRights(link, end);
				if (!date.isAfter(keptUntil) && atDivorce.status() == RightsStatus.OPEN) {
					return linked(person, link, date, RightsStatus.OPEN, RightsRule.DIVORCED_SPOUSE,
							"Divorce le " + french(end) + ", couverture maintenue jusqu'au " + french(keptUntil),
							atDivorce.coveredSince(), earliest(keptUntil, person.deathDate()));
				}
				return linked(person, link, date, RightsStatus.CLOSED, RightsRule.DIVORCED_SPOUSE,
						"Divorce le " + french(end) + ", maintien terminé le " + french(keptUntil), null, keptUntil);
			}
			return linked(person, link, date, RightsStatus.CLOSED, RightsRule.DEPENDANT_ENDED,
					"Rattachement terminé le " + french(end), null, end);
		}
		Person member = link.memberPerson();
		if (member.diedBefore(date)) {
			LocalDate death = member.deathDate();
			int months = parameters.integer("rights.survivors.keep-months", death);
			LocalDate keptUntil = death.plusMonths(months);
			Rights atDeath = memberRights(link, death);
			if (!date.isAfter(keptUntil) && atDeath.status() == RightsStatus.OPEN) {
				return linked(person, link, date, RightsStatus.OPEN, RightsRule.SURVIVORS,
						"Assuré décédé le " + french(death) + ", couverture maintenue jusqu'au " + french(keptUntil),
						atDeath.coveredSince(), earliest(earliest(keptUntil, ageEnd), person.deathDate()));
			}
			return linked(person, link, date, RightsStatus.CLOSED, RightsRule.SURVIVORS,
					"Assuré décédé le " + french(death) + ", maintien terminé le " + french(keptUntil), null, keptUntil);
		}
		Rights memberRights = memberRights(link, date);
		LocalDate coverEnd = earliest(earliest(earliest(memberRights.coverEnd(), dependant.endDate()), ageEnd),
				person.deathDate());
		return linked(person, link, date, memberRights.status(),
				memberRights.status() == RightsStatus.OPEN ? RightsRule.DEPENDANT_OF_MEMBER
						: RightsRule.valueOf(memberRights.rule()),
				(relation.equals("SPOUSE") ? "Conjoint" : "Enfant") + " de l'assuré "
						+ link.member().registrationNumber() + ": " + memberRights.reason(),
				memberRights.coveredSince(), coverEnd);
	}

	/**
	 * The first day a child is no longer covered: the 21st birthday, the 26th while a student certificate runs (and
	 * the day after it ends), none for a disabled child. Null for spouses and disabled children.
	 */
	private LocalDate childLimit(Person child, Dependant dependant, LocalDate date) {
		if (dependant.relation() != Relation.CHILD || dependant.disabled()) {
			return null;
		}
		LocalDate limit = child.birthDate().plusYears(parameters.integer("rights.child.age-limit", date));
		LocalDate studentUntil = dependant.studentUntil();
		if (studentUntil != null && studentUntil.isAfter(limit.minusDays(1))) {
			LocalDate studentLimit = child.birthDate()
				.plusYears(parameters.integer("rights.child.student-age-limit", date));
			LocalDate certificateEnd = studentUntil.plusDays(1);
			limit = certificateEnd.isBefore(studentLimit) ? certificateEnd : studentLimit;
		}
		return limit;
	}

	private Rights memberRights(CoverFile.Link link, LocalDate date) {
		Rights rights = own(link.memberPerson(), link.memberPeriods(), date);
		return rights != null ? rights
				: closed(link.memberPerson(), date, RightsRule.NOT_ENROLLED, RightsRule.NOT_ENROLLED.label());
	}

	private Rights linked(Person person, CoverFile.Link link, LocalDate date, RightsStatus status, RightsRule rule,
			String reason, LocalDate since, LocalDate coverEnd) {
		Regime regime = link.memberPeriods().stream()
			.filter(p -> !p.enrolment().startDate().isAfter(date))
			.max(Comparator.comparing(p -> p.enrolment().startDate()))
			.map(p -> p.enrolment().regime())
			.orElse(null);
		return new Rights(person.idcs(), date, status, rule.name(), reason, regime, link.member().payerBody(),
				link.member().registrationNumber(), link.member().idcs(), link.dependant().relation().name(), since,
				coverEnd);
	}

	private static Rights rights(Person person, LocalDate date, RightsStatus status, RightsRule rule, String reason,
			CoverFile.Period period, String relation, LocalDate since, LocalDate coverEnd) {
		return new Rights(person.idcs(), date, status, rule.name(), reason, period.enrolment().regime(),
				period.member().payerBody(), period.member().registrationNumber(), period.member().idcs(), relation,
				since, coverEnd);
	}

	private static Rights closed(Person person, LocalDate date, RightsRule rule, String reason) {
		return new Rights(person.idcs(), date, RightsStatus.CLOSED, rule.name(), reason, null, null, null, null, null,
				null, person.deathDate());
	}

	private static LocalDate latest(LocalDate a, LocalDate b) {
		if (a == null) {
			return b;
		}
		return b == null || a.isAfter(b) ? a : b;
	}

	private static LocalDate earliest(LocalDate a, LocalDate b) {
		if (a == null) {
			return b;
		}
		return b == null || a.isBefore(b) ? a : b;
	}

	private static String french(LocalDate date) {
		return date == null ? "?" : FRENCH.format(date);
	}

}
