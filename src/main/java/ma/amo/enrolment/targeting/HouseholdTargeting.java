package ma.amo.enrolment.targeting;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import ma.amo.enrolment.AchamilBands;
import ma.amo.enrolment.RightsEvents;
import ma.amo.parameters.Parameters;
import ma.amo.shared.InvalidInput;
import ma.amo.shared.NotFound;
import ma.amo.shared.PageOf;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Tadamon targeting in bulk (amo-rules.md, "Tadamon enrolment flow"): the households of the Interior ministry's file
 * are registered or rejected with the reason; after each RSU extract and each change of the threshold, every household
 * that applied is targeted again, those now below the threshold entering and those now above leaving with an Achamil
 * offer. Passes run one at a time (a lock of the database), each in one transaction; the members' rights are then
 * recomputed in rounds under one rights event that names the file, the extract or the threshold.
 */
@Service
public class HouseholdTargeting {

	private static final Logger log = LoggerFactory.getLogger(HouseholdTargeting.class);
	private static final String THRESHOLD = "tadamon.rsu-threshold";
	/** Members recomputed per transaction: bounds memory and lock time whatever the size of the pass. */
	private static final int ROUND = 5_000;
	/** Passes take this lock so that a file and an extract never target the same household at once. */
	private static final long PASS_LOCK = 0x7A4D_0019L;

	private final TargetingPass pass;
	private final TargetingRuns runs;
	private final RightsEvents events;
	private final Parameters parameters;
	private final JdbcClient jdbc;
	private final TransactionTemplate transaction;
	private final Clock clock;

	HouseholdTargeting(JdbcClient jdbc, TargetingRuns runs, RightsEvents events, Parameters parameters,
			PlatformTransactionManager transactions, Clock clock) {
		this.pass = new TargetingPass(jdbc);
		this.jdbc = jdbc;
		this.runs = runs;
		this.events = events;
		this.parameters = parameters;
		this.clock = clock;
		this.transaction = new TransactionTemplate(transactions);
		this.transaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
	}

	/** What a threshold change would do: the households that would enter and leave Tadamon. */
	@io.swagger.v3.oas.annotations.media.Schema(name = "ThresholdChangeEffect")
	public record ThresholdEffect(LocalDate effectiveFrom, BigDecimal currentThreshold, BigDecimal proposedThreshold,
			long entering, long leaving) {
	}

	/** Registers or rejects the households of a household file; nothing when that file was already targeted. */
	public void targetFile(long importJobId) {
		LocalDate today = LocalDate.now(clock);
		claim(TargetingRun.Cause.HOUSEHOLD_FILE, importJobId, null, null).ifPresent(run -> execute(run,
				TargetingPass.Scope.file(importJobId), today, "TADAMON_HOUSEHOLD_FILE",
				"Ciblage AMO Tadamon du fichier des foyers du ministère de l'Intérieur (import n° " + importJobId + ")"));
	}

	/** Targets every household that applied again on today's scores, after an RSU extract. */
	public void retargetAfterRsu(long importJobId) {
		LocalDate today = LocalDate.now(clock);
		claim(TargetingRun.Cause.RSU_EXTRACT, importJobId, today, parameters.decimal(THRESHOLD, today))
			.ifPresent(run -> execute(run, TargetingPass.Scope.everyone(today, null, null), today, "RSU_RETARGETING",
					"Re-ciblage AMO Tadamon sur l'extrait du registre social unifié (import n° " + importJobId + ")"));
	}

	/** Counts, without changing anything, who a new threshold from {@code effectiveFrom} would move in and out. */
	public ThresholdEffect dryRun(LocalDate effectiveFrom, BigDecimal value) {
		check(effectiveFrom, value);
		Map<String, Long> counts = transaction.execute(tx -> {
			tx.setRollbackOnly();
			return pass.count(TargetingPass.Scope.everyone(effectiveFrom, value, effectiveFrom));
		});
		return new ThresholdEffect(effectiveFrom, parameters.decimal(THRESHOLD, effectiveFrom), value,
				counts.get("entering"), counts.get("leaving"));
	}

	/**
	 * Records the new threshold from {@code effectiveFrom} and targets every household that applied on that date: a
	 * household leaving does so the day before, one entering from that day.
	 */
	public TargetingRun changeThreshold(LocalDate effectiveFrom, BigDecimal value) {
		check(effectiveFrom, value);
		parameters.define(THRESHOLD, effectiveFrom, value.toPlainString());
		long run = claim(TargetingRun.Cause.THRESHOLD_CHANGE, null, effectiveFrom, value).orElseThrow();
		execute(run, TargetingPass.Scope.everyone(effectiveFrom, null, effectiveFrom), effectiveFrom, "TADAMON_THRESHOLD",
				"Nouveau seuil AMO Tadamon " + value.toPlainString() + " à compter du " + effectiveFrom);
		return run(run);
	}

	public TargetingRun run(long id) {
		return runs.find(id).orElseThrow(() -> new NotFound("id", "no targeting run " + id));
	}

	/** The pass of an import job (a household file or an RSU extract), once it started. */
	public TargetingRun runOfJob(long importJobId) {
		return runs.ofJob(importJobId)
			.orElseThrow(() -> new NotFound("id", "import job " + importJobId + " has not been targeted (yet)"));
	}

	public PageOf<TargetingRun> runs(int page, int size) {
		return PageOf.of(runs.page(page, size), page, size, runs.count());
	}

	/**
	 * A change of threshold applies from today on (a retroactive one would reopen periods already paid) and at most a
	 * year ahead; its value is a score of the RSU (above 0, below 100).
	 */
	private void check(LocalDate effectiveFrom, BigDecimal value) {
		LocalDate today = LocalDate.now(clock);
		if (effectiveFrom == null) {
			throw new InvalidInput("effectiveFrom", "required", "is required");
		}
		if (effectiveFrom.isBefore(today) || effectiveFrom.isAfter(today.plusYears(1))) {
			throw new InvalidInput("effectiveFrom", "range", "must be between " + today + " and " + today.plusYears(1));
		}
		if (value == null) {
			throw new InvalidInput("value", "required", "is required");
		}
		if (value.signum() <= 0 || value.compareTo(BigDecimal.valueOf(100)) >= 0) {
			throw new InvalidInput("value", "range", "must be above 0 and below 100");
		}
		// The dry run takes what the parameter would: as many decimals as any decimal parameter recorded through the API.
		String problem = ma.amo.shared.InputBounds.decimalProblem(value);
		if (problem != null) {
			throw new InvalidInput("value", "number", problem);
		}
	}

	private void execute(long run, TargetingPass.Scope scope, LocalDate eventDate, String eventKind, String summary) {
		long started = System.nanoTime();
		try {
			LocalDate on = scope.runDate() == null ? eventDate : scope.runDate();
			int childLimit = parameters.integer("rights.child.age-limit", on);
			AchamilBands bands = AchamilBands.parse(parameters.text("achamil.bands", on));
			Applied applied = transaction.execute(tx -> {
				jdbc.sql("select pg_advisory_xact_lock(?)").param(PASS_LOCK).query(Object.class).single();
				TargetingPass.Outcome outcome = pass.apply(scope, run, childLimit, bands);
				RightsEvents.Event event = outcome.members().isEmpty() ? null
						: events.record(eventKind, summary + ": " + outcome.registered() + " foyer(s) immatriculé(s), "
								+ outcome.left() + " sorti(s)", eventDate);
				runs.counted(run, outcome, event == null ? null : event.id());
				return new Applied(outcome, event);
			});
			long passed = System.nanoTime();
			List<Long> members = applied.outcome().members();
			for (int from = 0; from < members.size(); from += ROUND) {
				List<Long> round = members.subList(from, Math.min(members.size(), from + ROUND));
				transaction.executeWithoutResult(tx -> events.recompute(applied.event(), round, applied.outcome().from()));
			}
			transaction.executeWithoutResult(tx -> runs.completed(run));
			log.info("Targeting run {} ({}): {} registered, {} rejected, {} left Tadamon in {} ms; rights of {} members "
					+ "recomputed in {} ms", run, eventKind, applied.outcome().registered(), applied.outcome().rejected(),
					applied.outcome().left(), (passed - started) / 1_000_000, members.size(),
					(System.nanoTime() - passed) / 1_000_000);
		}
		catch (RuntimeException e) {
			transaction.executeWithoutResult(tx -> runs.failed(run, "the pass changed nothing: " + e.getMessage()));
			log.error("Targeting run {} ({}) failed", run, eventKind, e);
			throw e;
		}
	}

	/**
	 * The pass's row is committed at once, apart from the listener's transaction: the pass's own transactions refer to
	 * it, and its failure must stay recorded when the listener's transaction rolls back.
	 */
	private java.util.Optional<Long> claim(TargetingRun.Cause cause, Long importJobId, LocalDate on, BigDecimal threshold) {
		return transaction.execute(tx -> runs.claim(cause, importJobId, on, threshold));
	}

	private record Applied(TargetingPass.Outcome outcome, RightsEvents.Event event) {
	}
}
