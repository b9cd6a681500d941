package ma.amo.payments;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import ma.amo.payments.PayableClaims.PayeeKind;
import ma.amo.shared.Money;
import ma.amo.shared.NotFound;
import ma.amo.shared.Viewer;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The transfers of payment batches to establishments, each with the claims it pays: what an establishment reads of
 * its own payments (tiers payant), and the payer body's staff of theirs. A provider sees only the transfers to its
 * INPE, an agent or a finance officer bound to a payer body only that body's batches; members are paid through their
 * own transfers, not read here.
 */
@Service
public class ProviderPayments {

	/** The most transfers one search answers. */
	public static final int MAX = 100;

	private static final String SELECT = """
			select b.id, b.reference, b.payer_body, b.cut_off, b.created_at, o.payee, o.claims, o.amount
			from payment_order o join payment_batch b on b.id = o.batch_id
			where o.payee_kind = 'ESTABLISHMENT'""";

	private final JdbcClient jdbc;

	ProviderPayments(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** One claim a transfer pays, and the payer body's share of it paid. */
	public record PaidClaim(long claimId, Money amount) {
	}

	/**
	 * One transfer of a batch to an establishment: the batch (id, reference, payer body, cut-off, when it was made),
	 * the establishment's INPE, how many claims for how much, and the claims themselves. The end-to-end identifier is
	 * the one the bank file gives the transfer.
	 */
	public record ProviderPayment(long batchId, String reference, String payerBody, LocalDate cutOff, Instant createdAt,
			String inpe, int claimCount, Money amount, List<PaidClaim> claims) {

		public String endToEndId() {
			return reference + "-" + inpe;
		}
	}

	/**
	 * The transfer of the batch to the establishment; refused (403) when the viewer may not see it, empty when there is
	 * none.
	 */
	@Transactional(readOnly = true)
	public Optional<ProviderPayment> payment(long batchId, String inpe) {
		Optional<ProviderPayment> found = jdbc.sql(SELECT + " and o.batch_id = ? and o.payee = ?").params(batchId, inpe)
			.query(ProviderPayments::row).optional();
		found.ifPresent(p -> Viewer.current().ifPresent(viewer -> Viewer.require(sees(viewer, p.inpe(), p.payerBody()),
				"an establishment reads its own payments, an agent those of its payer body")));
		return found.map(p -> withClaims(List.of(p)).getFirst());
	}

	/**
	 * The transfers to the establishment ({@code inpe}, or every one when null) made in {@code [from, to)} (either
	 * open when null), newest first, at most {@code limit} ({@value #MAX} at most). A provider's search is kept to its
	 * own INPE and refused for another's; an agent's to its payer body.
	 */
	@Transactional(readOnly = true)
	public List<ProviderPayment> search(String inpe, Instant from, Instant to, int limit) {
		Optional<Viewer> viewer = Viewer.current();
		String payee = inpe;
		String payerBody = null;
		if (viewer.isPresent()) {
			Viewer v = viewer.get();
			Viewer.require(v.role() != Viewer.Role.MEMBER, "a member's reimbursements are not payments to providers");
			if (v.role() == Viewer.Role.PROVIDER) {
				Viewer.require(payee == null || payee.equals(v.inpe()), "an establishment reads its own payments");
				payee = v.inpe();
			}
			else if (v.role() != Viewer.Role.ADMINISTRATOR) {
				payerBody = v.payerBody();
			}
		}
		StringBuilder sql = new StringBuilder(SELECT);
		List<Object> params = new ArrayList<>();
		if (payee != null) {
			sql.append(" and o.payee = ?");
			params.add(payee);
		}
		if (payerBody != null) {
			sql.append(" and b.payer_body = ?");
			params.add(payerBody);
		}
		if (from != null) {
			sql.append(" and b.created_at >= ?");
			params.add(java.sql.Timestamp.from(from));
		}
		if (to != null) {
			sql.append(" and b.created_at < ?");
			params.add(java.sql.Timestamp.from(to));
		}
		sql.append(" order by b.created_at desc, b.id desc, o.payee limit ?");
		params.add(Math.clamp(limit, 1, MAX));
		List<ProviderPayment> found = jdbc.sql(sql.toString()).params(params).query(ProviderPayments::row).list();
		return found.isEmpty() ? found : withClaims(found);
	}

	private static boolean sees(Viewer viewer, String inpe, String payerBody) {
		return switch (viewer.role()) {
			case PROVIDER -> inpe.equals(viewer.inpe());
			case MEMBER -> false;
			case ADMINISTRATOR -> true;
			default -> viewer.payerBody() == null || viewer.payerBody().equals(payerBody);
		};
	}

	/** The claims of each transfer, in one query for all of them. */
	private List<ProviderPayment> withClaims(List<ProviderPayment> payments) {
		Map<String, List<PaidClaim>> claims = new LinkedHashMap<>();
		jdbc.sql("""
				select c.batch_id, c.payee, c.claim_id, c.amount from payment_batch_claim c
				where c.payee_kind = ? and c.batch_id = any(?) and c.payee = any(?) order by c.claim_id""")
			.params(PayeeKind.ESTABLISHMENT.name(),
					payments.stream().map(ProviderPayment::batchId).distinct().toArray(Long[]::new),
					payments.stream().map(ProviderPayment::inpe).distinct().toArray(String[]::new))
			.query(rs -> {
				claims.computeIfAbsent(rs.getLong(1) + "/" + rs.getString(2), k -> new ArrayList<>())
					.add(new PaidClaim(rs.getLong(3), new Money(rs.getBigDecimal(4))));
			});
		return payments.stream().map(p -> new ProviderPayment(p.batchId(), p.reference(), p.payerBody(), p.cutOff(),
				p.createdAt(), p.inpe(), p.claimCount(), p.amount(),
				List.copyOf(claims.getOrDefault(p.batchId() + "/" + p.inpe(), List.of())))).toList();
	}

	private static ProviderPayment row(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
		return new ProviderPayment(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getObject(4, LocalDate.class),
				rs.getTimestamp(5).toInstant(), rs.getString(6), rs.getInt(7), new Money(rs.getBigDecimal(8)), List.of());
	}

	/** Refuses a batch that does not exist, so that an unknown batch reads as such and not as a missing transfer. */
	public void requireBatch(long batchId) {
		if (!jdbc.sql("select exists (select 1 from payment_batch where id = ?)").param(batchId).query(Boolean.class)
			.single()) {
			throw new NotFound("batchId", "no payment batch " + batchId);
		}
	}
}
