package ma.amo.complaints;

import java.time.LocalDate;

import ma.amo.parameters.ParameterValues;
import ma.amo.shared.InvalidInput;
import ma.amo.shared.NotFound;
import org.springframework.stereotype.Component;

/**
 * The due dates of décret 2-17-265: acknowledge within 15 days and answer within 60 days of filing. The decree says
 * days, not working days, so they are calendar days counted from the filing date (day 0): a complaint filed on 1 March
 * is acknowledged by 16 March and is late on 17 March. The delays are read at the filing date.
 */
@Component
class LegalClocks {

	static final String ACKNOWLEDGEMENT_DAYS = "complaints.acknowledgement-days";
	static final String ANSWER_DAYS = "complaints.answer-days";

	private final ParameterValues parameters;

	LegalClocks(ParameterValues parameters) {
		this.parameters = parameters;
	}

	record DueDates(LocalDate acknowledgement, LocalDate answer) {
	}

	DueDates dueDates(LocalDate filedOn) {
		try {
			return new DueDates(filedOn.plusDays(parameters.integer(ACKNOWLEDGEMENT_DAYS, filedOn)),
					filedOn.plusDays(parameters.integer(ANSWER_DAYS, filedOn)));
		}
		catch (NotFound e) {
			throw new InvalidInput("receivedOn", "legal-clock", "no legal delay for complaints is in force on " + filedOn);
		}
	}
}
