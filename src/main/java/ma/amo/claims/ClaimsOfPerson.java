package ma.amo.claims;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The claims filed for a patient, with their lines, read-only: what the platform holds on a person, e.g. for an access
 * request under loi 09-08. Its own records, so that the claims' internal model can change without breaking the export.
 */
@Service
public class ClaimsOfPerson {

	private final JdbcClient jdbc;

	ClaimsOfPerson(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	public record PatientClaim(long id, String kind, String status, LocalDate careDate, LocalDate filedOn,
			String executingInpe, String prescriberInpe, String establishmentInpe, BigDecimal billed, BigDecimal covered,
			BigDecimal patientShare, Instant receivedAt, List<Line> lines) {
	}

	@io.swagger.v3.oas.annotations.media.Schema(name = "PersonalDataClaimLine")
	public record Line(int lineNo, String actCode, String medicineCode, Integer quantity, BigDecimal billed,
			String outcome, BigDecimal covered, String reasons) {
	}

	/** The patient's claims, oldest care first. */
	@Transactional(readOnly = true)
	public List<PatientClaim> of(String patientIdcs) {
		Map<Long, PatientClaim> claims = new LinkedHashMap<>();
		jdbc.sql("""
				select id, kind, status, care_date, filed_on, executing_inpe, prescriber_inpe, establishment_inpe, billed,
				  covered, patient_share, received_at
				from claim where patient_idcs = ? order by care_date, id""")
			.param(patientIdcs)
			.query((rs, n) -> new PatientClaim(rs.getLong(1), rs.getString(2), rs.getString(3),
					rs.getObject(4, LocalDate.class), rs.getObject(5, LocalDate.class), rs.getString(6), rs.getString(7),
					rs.getString(8), rs.getBigDecimal(9), rs.getBigDecimal(10), rs.getBigDecimal(11),
					rs.getTimestamp(12).toInstant(), new ArrayList<>()))
			.list()
			.forEach(c -> claims.put(c.id(), c));
		if (claims.isEmpty()) {
			return List.of();
		}
		jdbc.sql("""
				select l.claim_id, l.line_no, l.act_code, l.medicine_code, l.quantity, l.billed, l.outcome, l.covered,
				  (select string_agg(r.code || coalesce(': ' || r.text, ''), E'\n' order by r.position) from claim_line_reason r
				   where r.claim_id = l.claim_id and r.line_no = l.line_no)
				from claim_line l join claim c on c.id = l.claim_id where c.patient_idcs = ? order by l.claim_id, l.line_no""")
			.param(patientIdcs)
			.query((rs, n) -> {
				claims.get(rs.getLong(1)).lines().add(new Line(rs.getInt(2), rs.getString(3), rs.getString(4),
						(Integer) rs.getObject(5), rs.getBigDecimal(6), rs.getString(7), rs.getBigDecimal(8),
						rs.getString(9)));
				return null;
			})
			.list();
		return List.copyOf(claims.values());
	}
}
