package ma.amo.claims;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import ma.amo.claims.adjudication.Adjudicating;
import ma.amo.claims.adjudication.LineDecision;
import ma.amo.shared.FieldCipher;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The lines the patients of a chunk of claims had covered under a long-term condition, read in one query for the chunk
 * (from the first day of the year of its earliest care, the longest period a protocol counts over), then kept up to
 * date with the lines the chunk's own claims cover, so that a claim sees those decided before it exactly as if they
 * had been stored. The condition of a claim is encrypted: it is read back here, never compared in SQL.
 */
@Component
class ExemptedLines {

	private final JdbcClient jdbc;
	private final FieldCipher cipher;

	ExemptedLines(JdbcClient jdbc, FieldCipher cipher) {
		this.jdbc = jdbc;
		this.cipher = cipher;
	}

	private record Line(long claimId, String patientIdcs, int condition, Adjudicating.EarlierLine line) {
	}

	/** The history of the chunk's patients under their conditions. */
	final class OfChunk {

		private final Map<String, List<Line>> byPatient = new HashMap<>();

		private OfChunk(List<Line> stored) {
			stored.forEach(l -> byPatient.computeIfAbsent(l.patientIdcs(), k -> new ArrayList<>()).add(l));
		}

		/** What a claim of the chunk sees: the other claims' lines for a condition, care from a date to its own. */
		Adjudicating.ConditionHistory of(Claim claim) {
			return (condition, from) -> byPatient.getOrDefault(claim.patientIdcs(), List.of()).stream()
				.filter(l -> l.claimId() != claim.id() && l.condition() == condition
						&& !l.line().careDate().isBefore(from) && !l.line().careDate().isAfter(claim.careDate()))
				.map(Line::line).toList();
		}

		/** A claim of the chunk decided: its covered lines under its condition count for the claims after it. */
		void decided(Claim claim, List<LineDecision> lines) {
			if (claim.aldCode() == null) {
				return;
			}
			Map<Integer, Claim.Line> requested = claim.lines().stream().collect(Collectors.toMap(Claim.Line::line, l -> l));
			for (LineDecision decision : lines) {
				Claim.Line line = requested.get(decision.line());
				if (line != null && decision.outcome() != Claim.Outcome.REJECTED) {
					byPatient.computeIfAbsent(claim.patientIdcs(), k -> new ArrayList<>()).add(new Line(claim.id(),
							claim.patientIdcs(), claim.aldCode(),
							new Adjudicating.EarlierLine(claim.careDate(), line.actCode(), line.medicineCode())));
				}
			}
		}
	}

	OfChunk of(List<Claim> claims) {
		List<Claim> exempted = claims.stream().filter(c -> c.aldCode() != null).toList();
		if (exempted.isEmpty()) {
			return new OfChunk(List.of());
		}
		Set<String> patients = exempted.stream().map(Claim::patientIdcs).collect(Collectors.toSet());
		LocalDate from = exempted.stream().map(Claim::careDate).min(Comparator.naturalOrder()).orElseThrow().withDayOfYear(1);
		LocalDate to = exempted.stream().map(Claim::careDate).max(Comparator.naturalOrder()).orElseThrow();
		List<Line> stored = new ArrayList<>();
		jdbc.sql("""
				select c.id, c.patient_idcs, c.ald_code, c.care_date, l.act_code, l.medicine_code
				from claim c join claim_line l on l.claim_id = c.id
				where c.patient_idcs = any (?) and c.care_date between ? and ? and c.ald_code is not null
				  and c.status not in ('RECEIVED', 'REJECTED') and l.outcome <> 'REJECTED'""")
			.params(patients.toArray(String[]::new), from, to)
			.query((RowCallbackHandler) rs -> {
				String condition = cipher.decrypt(rs.getString(3));
				if (condition != null) {
					stored.add(new Line(rs.getLong(1), rs.getString(2), Integer.parseInt(condition),
							new Adjudicating.EarlierLine(rs.getObject(4, LocalDate.class), rs.getString(5), rs.getString(6))));
				}
			});
		return new OfChunk(stored);
	}
}
