package ma.amo.conventions;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Which convention covers a provider's tiers-payant care, for many providers at once: the signed conventions of the
 * establishments and the adherences of the professionals, read in two queries for all of them, then answered for
 * each claim in memory. The batch adjudication reads them once for a chunk of claims instead of once per claim; a
 * single question ({@link Conventions#coverOn}) is answered by the same code, so the two cannot disagree.
 */
@Service
public class ConventionCovers {

	private final JdbcClient jdbc;

	ConventionCovers(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** A signed convention's period, and for an adherence the provider's own dates within it. */
	private record Period(String inpe, String payerBody, String number, Long tariffVersionId, LocalDate start,
			LocalDate end, LocalDate adheredOn, LocalDate withdrawnOn) {

		boolean inForce(LocalDate date) {
			return !start.isAfter(date) && (end == null || !end.isBefore(date));
		}

		boolean adheringOn(LocalDate date) {
			return !adheredOn.isAfter(date) && (withdrawnOn == null || withdrawnOn.isAfter(date));
		}
	}

	/** The conventions of these providers (establishments and professionals), ready to answer {@link Covers#on}. */
	public Covers of(Collection<String> inpes) {
		List<String> asked = inpes.stream().filter(Objects::nonNull).distinct().toList();
		Map<String, List<Period>> establishments = new HashMap<>();
		Map<String, List<Period>> adherences = new HashMap<>();
		if (asked.isEmpty()) {
			return new Covers(establishments, adherences);
		}
		String[] array = asked.toArray(String[]::new);
		jdbc.sql("""
				select establishment_inpe, payer_body, number, tariff_version_id, start_date, end_date
				  from convention_register where establishment_inpe = any(?) and status = 'SIGNED'
				  order by establishment_inpe, start_date, number""")
			.param(array)
			.query((rs, n) -> new Period(rs.getString(1), rs.getString(2), rs.getString(3), (Long) rs.getObject(4),
					rs.getObject(5, LocalDate.class), rs.getObject(6, LocalDate.class), null, null))
			.list().forEach(p -> establishments.computeIfAbsent(p.inpe(), k -> new ArrayList<>()).add(p));
		jdbc.sql("""
				select a.inpe, r.payer_body, r.number, r.tariff_version_id, r.start_date, r.end_date, a.adhered_on,
				       a.withdrawn_on
				  from convention_adherence a join convention_record r on r.id = a.convention_id
				  where a.inpe = any(?) and r.status = 'SIGNED' order by a.inpe, r.start_date, r.number, a.adhered_on""")
			.param(array)
			.query((rs, n) -> new Period(rs.getString(1), rs.getString(2), rs.getString(3), (Long) rs.getObject(4),
					rs.getObject(5, LocalDate.class), rs.getObject(6, LocalDate.class), rs.getObject(7, LocalDate.class),
					rs.getObject(8, LocalDate.class)))
			.list().forEach(p -> adherences.computeIfAbsent(p.inpe(), k -> new ArrayList<>()).add(p));
		return new Covers(establishments, adherences);
	}

	/** The conventions read for a set of providers. */
	public static final class Covers {

		private final Map<String, List<Period>> establishments;
		private final Map<String, List<Period>> adherences;

		private Covers(Map<String, List<Period>> establishments, Map<String, List<Period>> adherences) {
			this.establishments = establishments;
			this.adherences = adherences;
		}

		/**
		 * The convention in force on the date for the payer body: the establishment's own (when the care is given in
		 * one), else the executing professional's adherence to a convention of their professional body. Both must be
		 * among the providers read.
		 */
		public Optional<Convention.Cover> on(String executingInpe, String establishmentInpe, String payerBody,
				LocalDate date) {
			if (establishmentInpe != null) {
				for (Period p : establishments.getOrDefault(establishmentInpe, List.of())) {
					if (p.payerBody().equals(payerBody) && p.inForce(date)) {
						return Optional.of(new Convention.Cover(p.number(), p.tariffVersionId(), p.inpe(), false));
					}
				}
			}
			for (Period p : adherences.getOrDefault(executingInpe, List.of())) {
				if (p.payerBody().equals(payerBody) && p.inForce(date) && p.adheringOn(date)) {
					return Optional.of(new Convention.Cover(p.number(), p.tariffVersionId(), p.inpe(), true));
				}
			}
			return Optional.empty();
		}
	}
}
