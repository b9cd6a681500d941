package ma.amo.approvals;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import ma.amo.shared.Viewer;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * Prior approvals for the claim benchmark, filed and decided through {@link PriorApprovals} as they are in use: the
 * establishment's information system asks in its own name (idempotency key, pre-check, due date), then a medical
 * reviewer grants what the pre-check estimated (times the sessions of a series), from the day care starts for a month.
 * A request the pre-check rejects (rights not open on that day) stays rejected, and the invoice citing it is refused.
 */
public final class BenchmarkApprovals {

	private static final Viewer REVIEWER = new Viewer("medecin-conseil-benchmark", Viewer.Role.MEDICAL_REVIEWER, null,
			null, null, null);

	/** Care to approve: the patient, the establishment, the care type, its first day, the length of a stay or the
	 * sessions of a series, the acts to estimate, and the last day the approval is valid. */
	public record Wanted(String patientIdcs, String establishmentInpe, CareType careType, LocalDate start,
			Integer stayDays, Integer sessions, List<ApprovalRequest.Line> lines, LocalDate validUntil) {
	}

	private final PriorApprovals service;
	private final JdbcClient jdbc;
	private final Clock clock;

	public BenchmarkApprovals(ApplicationContext context) {
		this.service = context.getBean(PriorApprovals.class);
		this.jdbc = context.getBean(JdbcClient.class);
		this.clock = context.getBean(Clock.class);
	}

	/**
	 * Files and decides every wanted approval with {@code workers} threads, each request and each decision its own
	 * transaction; answers the references in the order wanted.
	 */
	public List<String> approve(List<Wanted> wanted, int workers) throws Exception {
		String[] references = new String[wanted.size()];
		AtomicInteger next = new AtomicInteger();
		ExecutorService pool = Executors.newFixedThreadPool(workers);
		try {
			List<Future<?>> done = new ArrayList<>();
			for (int w = 0; w < workers; w++) {
				done.add(pool.submit(() -> {
					int i;
					while ((i = next.getAndIncrement()) < wanted.size()) {
						references[i] = approve(wanted.get(i));
					}
					return null;
				}));
			}
			for (Future<?> f : done) {
				f.get();
			}
		}
		finally {
			pool.shutdown();
		}
		return List.of(references);
	}

	private String approve(Wanted w) {
		try {
			as(new Viewer("si-" + w.establishmentInpe(), Viewer.Role.PROVIDER, null, null, w.establishmentInpe(), null));
			Approval filed = service.request(UUID.randomUUID().toString(), new ApprovalRequest(w.patientIdcs(),
					w.establishmentInpe(), w.careType(), w.start(), w.stayDays(), w.sessions(), null, w.lines(),
					"Indication posée en consultation, compte rendu joint", List.of(new ApprovalRequest.Attachment(
							ApprovalRequest.AttachmentType.MEDICAL_REPORT, "compte-rendu.pdf", 2, null)), null))
				.approval();
			if (filed.status() != ApprovalStatus.PENDING) {
				return filed.reference();
			}
			as(REVIEWER);
			BigDecimal amount = filed.estimateCovered().amount()
				.multiply(BigDecimal.valueOf(w.sessions() == null ? 1 : w.sessions()));
			service.decide(filed.reference(), new PriorApprovals.Decision(PriorApprovals.Verdict.APPROVED,
					new Approval.Grant(amount, w.start(), w.validUntil(), w.sessions()), null));
			return filed.reference();
		}
		finally {
			SecurityContextHolder.clearContext();
		}
	}

	private static void as(Viewer viewer) {
		SecurityContextHolder.getContext()
			.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(viewer, null, List.of()));
	}

	/** The registry's rows after adjudication: approvals by status, history steps, uses and what they deducted. */
	public void printRegistry() {
		System.out.println("prior approvals registry (business clock " + LocalDateTime.now(clock).toLocalDate() + "):");
		jdbc.sql("select status, count(*), coalesce(sum(amount_used), 0), coalesce(sum(sessions_used), 0) "
				+ "from prior_approval group by status order by 1")
			.query((rs, n) -> {
				System.out.printf("  prior_approval %-28s %,9d rows, used %,14.2f DH and %,7d sessions%n", rs.getString(1),
						rs.getLong(2), rs.getBigDecimal(3), rs.getLong(4));
				return null;
			})
			.list();
		long steps = jdbc.sql("select count(*) from prior_approval_step").query(Long.class).single();
		System.out.printf("  prior_approval_step %,9d rows%n", steps);
		jdbc.sql("select count(*), count(distinct approval_id), coalesce(sum(amount), 0), coalesce(sum(sessions), 0) "
				+ "from prior_approval_use")
			.query((rs, n) -> {
				System.out.printf("  prior_approval_use  %,9d rows on %,d approvals, %,.2f DH and %,d sessions deducted%n",
						rs.getLong(1), rs.getLong(2), rs.getBigDecimal(3), rs.getLong(4));
				return null;
			})
			.list();
	}
}
