package ma.amo.claims;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import ma.amo.claims.adjudication.ReasonCatalogue;
import ma.amo.payments.StatementClaims;
import ma.amo.shared.Money;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The decided claims as payments' statements show them: each line's amounts and its reasons with their French
 * labels from the {@link ReasonCatalogue}, the one list of codes the adjudication gives.
 */
@Service
class ClaimStatements implements StatementClaims {

	private static final String CLAIM = """
			select id, kind, status, payer_body, patient_idcs, member_idcs, care_date, filed_on, executing_inpe,
			  establishment_inpe, billed, covered, patient_share from claim
			""";

	private final JdbcClient jdbc;
	private final Map<String, String> labels;

	ClaimStatements(JdbcClient jdbc, ReasonCatalogue catalogue) {
		this.jdbc = jdbc;
		this.labels = catalogue.reasons().stream()
			.collect(Collectors.toMap(ReasonCatalogue.Reason::code, ReasonCatalogue.Reason::label, (a, b) -> a));
	}

	@Override
	@Transactional(readOnly = true)
	public List<DecidedClaim> ofMember(String memberIdcs, LocalDate from, LocalDate to, String payerBody, int max) {
		List<DecidedClaim> claims = jdbc.sql(CLAIM + """
				where member_idcs = ? and care_date between ? and ?
				  and status in ('APPROVED', 'PARTIALLY_APPROVED', 'REJECTED', 'PAID')
				  and (cast(? as text) is null or payer_body = ?)
				order by care_date, id limit ?""")
			.params(memberIdcs, from, to, payerBody, payerBody, max)
			.query(this::claim).list();
		return withLines(claims);
	}

	@Override
	@Transactional(readOnly = true)
	public List<DecidedClaim> byIds(List<Long> ids) {
		if (ids.isEmpty()) {
			return List.of();
		}
		Map<Long, DecidedClaim> found = withLines(jdbc.sql(CLAIM + " where id = any(?)")
			.param(ids.toArray(Long[]::new)).query(this::claim).list()).stream()
			.collect(Collectors.toMap(DecidedClaim::id, Function.identity()));
		return ids.stream().filter(found::containsKey).map(found::get).toList();
	}

	private List<DecidedClaim> withLines(List<DecidedClaim> claims) {
		if (claims.isEmpty()) {
			return claims;
		}
		Long[] ids = claims.stream().map(DecidedClaim::id).toArray(Long[]::new);
		Map<List<Object>, List<Reason>> reasons = new LinkedHashMap<>();
		jdbc.sql("select claim_id, line_no, code, text from claim_line_reason where claim_id = any(?) order by claim_id, line_no, position")
			.param(ids)
			.query((rs, n) -> reasons.computeIfAbsent(List.of(rs.getLong(1), rs.getInt(2)), k -> new ArrayList<>())
				.add(new Reason(rs.getString(3), labels.getOrDefault(rs.getString(3), rs.getString(3)), rs.getString(4))))
			.list();
		Map<Long, List<Line>> lines = new LinkedHashMap<>();
		jdbc.sql("""
				select claim_id, line_no, act_code, medicine_code, quantity, outcome, billed, base, rate, covered, patient_share
				from claim_line where claim_id = any(?) order by claim_id, line_no""")
			.param(ids)
			.query((rs, n) -> lines.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>())
				.add(new Line(rs.getInt(2), rs.getString(3), rs.getString(4), (Integer) rs.getObject(5), rs.getString(6),
						money(rs.getBigDecimal(7)), money(rs.getBigDecimal(8)), (Integer) rs.getObject(9),
						money(rs.getBigDecimal(10)), money(rs.getBigDecimal(11)),
						reasons.getOrDefault(List.<Object>of(rs.getLong(1), rs.getInt(2)), List.of()))))
			.list();
		return claims.stream().map(c -> new DecidedClaim(c.id(), c.kind(), c.status(), c.payerBody(), c.patientIdcs(),
				c.memberIdcs(), c.careDate(), c.filedOn(), c.executingInpe(), c.establishmentInpe(), c.billed(), c.covered(),
				c.patientShare(), List.copyOf(lines.getOrDefault(c.id(), List.of())))).toList();
	}

	private DecidedClaim claim(ResultSet rs, int n) throws SQLException {
		return new DecidedClaim(rs.getLong("id"), rs.getString("kind"), rs.getString("status"), rs.getString("payer_body"),
				rs.getString("patient_idcs"), rs.getString("member_idcs"), rs.getObject("care_date", LocalDate.class),
				rs.getObject("filed_on", LocalDate.class), rs.getString("executing_inpe"), rs.getString("establishment_inpe"),
				money(rs.getBigDecimal("billed")), money(rs.getBigDecimal("covered")),
				money(rs.getBigDecimal("patient_share")), List.of());
	}

	private static Money money(BigDecimal amount) {
		return amount == null ? null : new Money(amount);
	}
}
