package ma.amo.web.agents;

import java.io.ByteArrayInputStream;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;

import jakarta.annotation.PreDestroy;
import ma.amo.providers.EstablishmentImport;
import ma.amo.providers.Sector;
import ma.amo.shared.ImportProgress;
import ma.amo.shared.InvalidInput;
import ma.amo.tariffs.MedicineReferentials;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.concurrent.DelegatingSecurityContextRunnable;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

/**
 * The referential imports started from the agents' pages (a medicines referential proposed from the payer's file, a
 * list of establishments), each run on a thread of its own under the account that started it, so that its page can
 * follow the rows the importer has checked, then stored, and show every rejected row at the end. Both importers are
 * all or nothing: a rejected row leaves the referential unchanged. The latest imports are kept in memory only: the
 * stored referential is the record, the progress is for the person waiting.
 */
@Component
class ReferentialImports {

	private static final Logger log = LoggerFactory.getLogger(ReferentialImports.class);
	/** Imports remembered for the list; older finished ones are forgotten. */
	static final int KEPT = 50;

	enum Kind {
		MEDICINES, ESTABLISHMENTS
	}

	enum Status {
		RUNNING, COMPLETED, REJECTED, FAILED
	}

	/** A rejected row: its line in the file, the column and why. */
	record RowError(long line, String field, String reason) {
	}

	/** What a finished import made: the medicines version proposed and its size, or the establishments registered. */
	record Made(Long version, int medicines, int registered, int alreadyKnown) {
	}

	/** One import and what its importer has reported so far. */
	static final class Job implements ImportProgress {

		private final long id;
		private final Kind kind;
		private final String fileName;
		private final String startedBy;
		private final LocalDateTime createdAt;
		private volatile Status status = Status.RUNNING;
		private volatile int checked;
		private volatile int rows;
		private volatile int stored;
		private volatile int toStore;
		private volatile List<RowError> errors = List.of();
		private volatile Made outcome;

		Job(long id, Kind kind, String fileName, String startedBy, LocalDateTime createdAt) {
			this.id = id;
			this.kind = kind;
			this.fileName = fileName;
			this.startedBy = startedBy;
			this.createdAt = createdAt;
		}

		@Override
		public void checked(int rows, int total) {
			this.checked = rows;
			this.rows = total;
		}

		@Override
		public void stored(int rows, int total) {
			this.stored = rows;
			this.toStore = total;
		}

		/** Checking is the first half of the bar, storing the second; 100 once finished. */
		public int percent() {
			if (finished()) {
				return 100;
			}
			int checking = rows == 0 ? 0 : 50 * checked / rows;
			int storing = toStore == 0 ? 0 : 50 * stored / toStore;
			return Math.min(99, checking + storing);
		}

		public boolean finished() {
			return status != Status.RUNNING;
		}

		public long id() {
			return id;
		}

		public Kind kind() {
			return kind;
		}

		public String fileName() {
			return fileName;
		}

		public String startedBy() {
			return startedBy;
		}

		public LocalDateTime createdAt() {
			return createdAt;
		}

		public Status status() {
			return status;
		}

		public int checkedRows() {
			return checked;
		}

		public int rows() {
			return rows;
		}

		public int storedRows() {
			return stored;
		}

		public int rowsToStore() {
			return toStore;
		}

		public List<RowError> errors() {
			return errors;
		}

		/** What the import made: the version proposed, or the establishments registered and already known. */
		public Made outcome() {
			return outcome;
		}

		void end(Status status, Made outcome, List<RowError> errors) {
			this.errors = List.copyOf(errors);
			this.outcome = outcome;
			this.status = status;
		}
	}

	/** What an import of each kind needs besides its file. */
	record Request(Kind kind, String fileName, byte[] content, LocalDate date, Sector sector) {
	}

	private final MedicineReferentials medicines;
	private final EstablishmentImport establishments;
	private final Clock clock;
	private final Map<Long, Job> jobs = new ConcurrentHashMap<>();
	private final AtomicLong ids = new AtomicLong();
	private final ExecutorService runner = Executors.newSingleThreadExecutor(Thread.ofPlatform()
		.name("referential-import").daemon().factory());

	ReferentialImports(MedicineReferentials medicines, EstablishmentImport establishments, Clock clock) {
		this.medicines = medicines;
		this.establishments = establishments;
		this.clock = clock;
	}

	/** Starts the import under the signed-in account; imports run one after the other. */
	Job start(Request request, String account) {
		Job job = new Job(ids.incrementAndGet(), request.kind(), request.fileName(), account, LocalDateTime.now(clock));
		jobs.put(job.id(), job);
		forgetOldest();
		runner.execute(DelegatingSecurityContextRunnable.create(() -> run(job, request), SecurityContextHolder.getContext()));
		return job;
	}

	Optional<Job> job(long id) {
		return Optional.ofNullable(jobs.get(id));
	}

	List<Job> latest() {
		return jobs.values().stream().sorted(Comparator.comparingLong(Job::id).reversed()).toList();
	}

	private void run(Job job, Request request) {
		try {
			switch (request.kind()) {
				case MEDICINES -> {
					MedicineReferentials.Proposal proposal = medicines.propose(new ByteArrayInputStream(request.content()),
							request.fileName().toLowerCase(java.util.Locale.ROOT).endsWith(".xlsx"), request.fileName(),
							request.date(), job.startedBy(), job);
					if (proposal.referential() == null) {
						job.end(Status.REJECTED, null, proposal.rejected().stream()
							.map(r -> new RowError(r.line(), r.field(), r.reason())).toList());
					}
					else {
						job.end(Status.COMPLETED, new Made(proposal.referential().id(), proposal.referential().medicines(), 0,
								0), List.of());
					}
				}
				case ESTABLISHMENTS -> {
					EstablishmentImport.Outcome outcome = establishments.load(new ByteArrayInputStream(request.content()),
							request.fileName().toLowerCase(java.util.Locale.ROOT).endsWith(".xlsx")
									? EstablishmentImport.Format.XLSX : EstablishmentImport.Format.CSV,
							request.sector(), Set.of(), request.date(), job);
					if (!outcome.imported()) {
						job.end(Status.REJECTED, null, outcome.rejected().stream()
							.map(r -> new RowError(r.line(), r.field(), r.reason())).toList());
					}
					else {
						job.end(Status.COMPLETED, new Made(null, 0, outcome.registered(), outcome.alreadyKnown()),
								List.of());
					}
				}
			}
		}
		catch (InvalidInput invalid) {
			// The file itself (its header, its format) is refused: no row was stored.
			List<RowError> errors = new ArrayList<>();
			invalid.violations().forEach(v -> errors.add(new RowError(0, v.field(), v.message())));
			job.end(Status.REJECTED, null, errors);
		}
		catch (RuntimeException failure) {
			log.warn("Referential import {} ({}) failed", job.id(), job.fileName(), failure);
			job.end(Status.FAILED, null, List.of());
		}
	}

	private void forgetOldest() {
		List<Job> finished = latest().stream().filter(Job::finished).toList();
		for (int i = KEPT; i < finished.size(); i++) {
			jobs.remove(finished.get(i).id());
		}
	}

	@PreDestroy
	void stop() {
		runner.shutdownNow();
	}
}
