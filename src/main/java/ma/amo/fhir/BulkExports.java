package ma.amo.fhir;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.parser.IParser;
import ma.amo.audit.AuditEntry;
import ma.amo.audit.AuditTrail;
import ma.amo.enrolment.Eligibility;
import ma.amo.population.PopulationRegister;
import ma.amo.shared.NotFound;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Isolation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The beneficiary feed (FHIR Bulk Data {@code $export} of Patient and Coverage): a job row keeps what was asked, and
 * each file is streamed from the population register and the enrolment tables when it is downloaded, never stored.
 * So the kick-off is complete at once, a file costs no disk, and a 100,000-person export holds one person at a time.
 * The instants ({@code transactionTime}, {@code _since}) are the database's: the change stamps are written by it, so
 * that the next export {@code _since} this one's {@code transactionTime} misses no change whatever the servers' clocks.
 * A Patient changed after {@code transactionTime} waits for the next export; a Coverage is the person's cover on the
 * business day of the kick-off.
 */
@Service
class BulkExports {

	/** A job's files can be downloaded for this long; past it the client asks again. */
	static final Duration KEPT = Duration.ofHours(24);

	/** The audit trail's purpose of the feed (loi 09-08: the hospitals' copy of the beneficiaries). */
	static final String PURPOSE = "BENEFICIARY_SYNC";

	private static final String COLUMNS = "id, account, types, since, transaction_time, rights_date, request, cancelled_at, "
			+ "array(select p.idcs from bulk_export_patient p where p.export_id = bulk_export.id order by p.idcs)";

	private final JdbcClient jdbc;
	private final PopulationRegister register;
	private final Eligibility eligibility;
	private final AuditTrail trail;
	private final FhirContext fhir;
	private final Clock clock;

	BulkExports(JdbcClient jdbc, PopulationRegister register, Eligibility eligibility, AuditTrail trail,
			FhirContext fhir, Clock clock) {
		this.jdbc = jdbc;
		this.register = register;
		this.eligibility = eligibility;
		this.trail = trail;
		this.fhir = fhir;
		this.clock = clock;
	}

	/** The database's time, the reference of {@code _since} and {@code transactionTime}. */
	Instant now() {
		return jdbc.sql("select statement_timestamp()").query(OffsetDateTime.class).single().toInstant();
	}

	/**
	 * The export's {@code transactionTime}: now, or the start of the oldest transaction still running if earlier. A
	 * transaction stamps its rows with its own start ({@code now()}) and may commit after this export is read; the
	 * next export {@code _since} this instant still finds its rows, where it would miss them if the instant were later.
	 */
	Instant transactionTime() {
		return jdbc.sql("""
				select least(statement_timestamp(), min(xact_start)) from pg_stat_activity
				where backend_type = 'client backend' and state <> 'idle' and pid <> pg_backend_pid()""")
			.query(OffsetDateTime.class).single().toInstant();
	}

	/**
	 * Records the job of {@code account}, and the patients it is limited to, in one transaction; the request URL is the
	 * one the manifest repeats.
	 */
	@Transactional
	public BulkExportJob start(String account, BulkExportRequest asked, Instant transactionTime, String request) {
		BulkExportJob job = new BulkExportJob(UUID.randomUUID(), account, asked.types(), asked.since(), transactionTime,
				LocalDate.now(clock), request, false, asked.patients());
		jdbc.sql("insert into bulk_export (id, account, types, since, transaction_time, rights_date, request) "
				+ "values (?, ?, ?, ?, ?, ?, ?)")
			.params(job.id(), account, String.join(",", job.types()), utc(job.since()), utc(transactionTime),
					job.rightsDate(), request)
			.update();
		if (!job.patients().isEmpty()) {
			jdbc.sql("insert into bulk_export_patient (export_id, idcs) select ?, unnest(?)")
				.params(job.id(), job.patients().toArray(String[]::new)).update();
		}
		return job;
	}

	/**
	 * The job, if it is {@code account}'s, not cancelled and not expired. Another account's job is answered as
	 * missing: its existence is none of the asker's business.
	 */
	BulkExportJob job(UUID id, String account) {
		return jdbc.sql("select " + COLUMNS + " from bulk_export where id = ? and account = ? and cancelled_at is null "
				+ "and transaction_time > statement_timestamp() - make_interval(secs => ?)")
			.params(id, account, KEPT.toSeconds())
			.query(BulkExports::job).optional()
			.orElseThrow(() -> new NotFound("_jobId", "no export " + id + " of this account (cancelled, expired or never asked)"));
	}

	/**
	 * Refuses, naming the parameter, a {@code patient} the register does not hold; the references are checked for their
	 * form by the request, their check digit here.
	 */
	void checkPatients(List<String> patients) {
		patients.forEach(idcs -> register.checkIdcs(BulkExportRequest.PATIENT, idcs));
		java.util.Set<String> known = register.known(patients);
		List<String> unknown = patients.stream().filter(p -> !known.contains(p)).toList();
		if (!unknown.isEmpty()) {
			throw new ma.amo.shared.InvalidInput("patient", "unknown", "no such patient in the population register: "
					+ String.join(", ", unknown.stream().limit(10).map(p -> "Patient/" + p).toList())
					+ (unknown.size() > 10 ? " and " + (unknown.size() - 10) + " more" : ""));
		}
	}

	/** Cancels the job: its status and files answer 404 from now on. */
	void cancel(UUID id, String account) {
		job(id, account);
		jdbc.sql("update bulk_export set cancelled_at = statement_timestamp() where id = ?").param(id).update();
	}

	/**
	 * Writes the job's resources of {@code type} as NDJSON, one per line, and records the export in the audit trail as
	 * one entry with the count of records (also when the client goes away midway: what was sent is recorded). One
	 * read-only, repeatable-read transaction: the cursor and the cover files read meanwhile see one snapshot.
	 */
	@Transactional(readOnly = true, isolation = Isolation.REPEATABLE_READ)
	public long write(BulkExportJob job, String type, Writer out) {
		IParser parser = fhir.newJsonParser().setPrettyPrint(false);
		long[] count = {0};
		try {
			switch (type) {
				case "Patient" -> register.changed(job.since(), job.transactionTime(), job.patients(),
						person -> line(parser, PatientProvider.patient(person), out, count));
				case "Coverage" -> eligibility.coversChanged(job.since(), job.rightsDate(), job.patients(), rights -> {
					if (Cover.exists(rights)) {
						line(parser, Cover.coverage(rights), out, count);
					}
				});
				default -> throw new NotFound("_type", "this export has no " + type + " file");
			}
			out.flush();
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
		finally {
			trail.record(job.account(), AuditEntry.Action.READ, type.toUpperCase() + "_EXPORT",
					List.of("export " + job.id() + ": " + count[0] + " records"), PURPOSE);
		}
		return count[0];
	}

	private static void line(IParser parser, IBaseResource resource, Writer out, long[] count) {
		try {
			parser.encodeResourceToWriter(resource, out);
			out.write('\n');
			count[0]++;
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	private static BulkExportJob job(ResultSet rs, int n) throws SQLException {
		OffsetDateTime since = rs.getObject(4, OffsetDateTime.class);
		return new BulkExportJob(rs.getObject(1, UUID.class), rs.getString(2), List.of(rs.getString(3).split(",")),
				since == null ? null : since.toInstant(), rs.getObject(5, OffsetDateTime.class).toInstant(),
				rs.getObject(6, LocalDate.class), rs.getString(7), rs.getObject(8, OffsetDateTime.class) != null,
				List.of((String[]) rs.getArray(9).getArray()));
	}

	static Optional<UUID> id(String value) {
		try {
			return value == null || value.length() != 36 ? Optional.empty() : Optional.of(UUID.fromString(value));
		}
		catch (IllegalArgumentException e) {
			return Optional.empty();
		}
	}

	private static OffsetDateTime utc(Instant at) {
		return at == null ? null : OffsetDateTime.ofInstant(at, ZoneOffset.UTC);
	}
}
