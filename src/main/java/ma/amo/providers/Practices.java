package ma.amo.providers;

import java.time.LocalDate;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Where professionals practise, with the dates of each period: the directory's answer to "who works in which
 * establishment, since when and until when", for those who publish it (the FHIR PractitionerRole). What a claim checks
 * is {@link ProviderDirectory#staff} on the day of care; this reads every period, past ones included.
 */
@Service
public class Practices {

	/** The most periods one answer carries: an establishment's staff over the years stays well below. */
	public static final int LIMIT = 500;

	private static final String SELECT = "select x.professional_inpe, x.establishment_inpe, x.start_date, x.end_date, "
			+ "p.last_name, p.first_name, p.profession, p.specialty, e.name from practice x "
			+ "join professional p on p.inpe = x.professional_inpe join establishment e on e.inpe = x.establishment_inpe ";

	private final JdbcClient jdbc;

	Practices(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** A period during which a professional practises in an establishment; {@code end} null while it lasts. */
	public record Practice(String professionalInpe, String establishmentInpe, LocalDate start, LocalDate end,
			String professionalName, Profession profession, String specialty, String establishmentName) {

		/** Whether the period covers {@code day}. */
		public boolean coversOn(LocalDate day) {
			return !start.isAfter(day) && (end == null || !end.isBefore(day));
		}
	}

	/** The periods of the professional in the establishment, latest first; INPEs checked. */
	public List<Practice> of(String professionalInpe, String establishmentInpe) {
		check(professionalInpe);
		check(establishmentInpe);
		return query("where x.professional_inpe = ? and x.establishment_inpe = ?", professionalInpe, establishmentInpe);
	}

	/** Every period of the professional, in any establishment, latest first. */
	public List<Practice> ofProfessional(String inpe) {
		check(inpe);
		return query("where x.professional_inpe = ?", inpe);
	}

	/** Every period of every professional in the establishment, latest first. */
	public List<Practice> atEstablishment(String inpe) {
		check(inpe);
		return query("where x.establishment_inpe = ?", inpe);
	}

	private List<Practice> query(String where, Object... params) {
		return jdbc.sql(SELECT + where + " order by x.start_date desc, x.professional_inpe, x.establishment_inpe limit "
				+ LIMIT)
			.params(params)
			.query((rs, n) -> new Practice(rs.getString(1), rs.getString(2), rs.getObject(3, LocalDate.class),
					rs.getObject(4, LocalDate.class), rs.getString(6) + " " + rs.getString(5),
					Profession.valueOf(rs.getString(7)), rs.getString(8), rs.getString(9)))
			.list();
	}

	private static void check(String inpe) {
		String problem = Inpe.problem(inpe);
		if (problem != null) {
			throw new ma.amo.shared.InvalidInput("inpe", "inpe", problem);
		}
	}
}
