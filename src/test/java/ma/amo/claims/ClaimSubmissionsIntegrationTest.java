package ma.amo.claims;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

import ma.amo.population.PopulationImports;
import ma.amo.providers.Profession;
import ma.amo.providers.ProviderDirectory;
import ma.amo.shared.InvalidInput;
import ma.amo.shared.RuleBroken;
import ma.amo.support.Api;
import ma.amo.support.IntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Claims submitted a batch at a time are checked, answered and stored exactly as if each had been submitted alone,
 * in the same order: the same refusals, the same repeats, the same rows.
 */
@IntegrationTest
class ClaimSubmissionsIntegrationTest {

	@Autowired
	ClaimSubmissions submissions;

	@Autowired
	ClaimAdjudication adjudication;

	@Autowired
	PopulationImports imports;

	@Autowired
	ProviderDirectory directory;

	@Autowired
	JdbcClient jdbc;

	@LocalServerPort
	int port;

	ClaimFixtures fixtures;
	String patient;
	String gp;

	@BeforeEach
	void people() {
		fixtures = new ClaimFixtures(new Api(port), imports, directory);
		patient = fixtures.insured("SALARIED_PRIVATE");
		gp = fixtures.doctor(Profession.GENERAL_PRACTITIONER, null);
	}

	ClaimRequest consultation(String idcs, String day, String billed) {
		return new ClaimRequest(ClaimKind.MEMBER_REIMBURSEMENT, idcs, LocalDate.parse(day), LocalDate.parse(day).plusDays(2),
				gp, null, null, null, null, false, null,
				List.of(new ClaimRequest.Attachment(ClaimRequest.AttachmentType.PRESCRIPTION, "ordonnance.pdf", 1, "R-1")),
				List.of(new ClaimRequest.Line("C", null, null, null, new BigDecimal(billed))));
	}

	/** The answer to one claim, without the numbers the database gave: what a client reads of it. */
	static String answer(ClaimSubmissions.Outcome outcome, List<ClaimSubmissions.Outcome> all) {
		if (outcome.accepted()) {
			int first = all.stream().map(ClaimSubmissions.Outcome::claimId).toList().indexOf(outcome.claimId());
			return "claim of entry " + first + (outcome.repeated() ? ", repeated" : "");
		}
		return refusal(outcome.refusal());
	}

	static String refusal(RuntimeException e) {
		return switch (e) {
			case InvalidInput invalid -> "invalid " + invalid.violations().stream().map(v -> v.field() + "/" + v.rule()).toList();
			case RuleBroken broken -> "rule " + broken.field() + "/" + broken.rule();
			default -> e.getClass().getSimpleName();
		};
	}

	/** What the submitter's claims store, key by key, in the columns both paths write. */
	List<Map<String, Object>> stored(String submitter) {
		return jdbc.sql("""
				select c.idempotency_key, c.kind, c.status, c.request_hash, c.patient_idcs, c.care_date, c.filed_on,
				  c.executing_inpe, c.referral, c.attachments, c.billed, c.referral_id, c.ald_code is null no_condition,
				  (select string_agg(l.line_no || ':' || coalesce(l.act_code, '') || ':' || coalesce(l.coefficient::text, '')
				     || ':' || l.billed, ',' order by l.line_no) from claim_line l where l.claim_id = c.id) lines,
				  (select string_agg(a.attachment_no || ':' || a.type || ':' || a.file_name || ':' || a.pages || ':' || a.reference,
				     ',' order by a.attachment_no) from claim_attachment a where a.claim_id = c.id) attached,
				  (select string_agg(e.status || ':' || (e.actor = c.submitter), ',' order by e.id) from claim_event e
				     where e.claim_id = c.id) history
				from claim c where c.submitter = ? order by c.idempotency_key""")
			.param(submitter).query().listOfRows();
	}

	@Test
	void aBatchWithGoodBadAndRepeatedClaimsIsAnsweredAndStoredAsTheSameClaimsSubmittedOneByOne() {
		List<String> answersInBatch = new ArrayList<>();
		List<String> answersAlone = new ArrayList<>();
		for (String way : List.of("batch", "alone")) {
			String submitter = way + "-" + UUID.randomUUID();
			ClaimRequest good = consultation(patient, "2025-04-01", "80");
			adjudication.submit(submitter, "k0", good);
			ClaimRequest noLines = new ClaimRequest(ClaimKind.MEMBER_REIMBURSEMENT, patient, LocalDate.of(2025, 4, 2),
					LocalDate.of(2025, 4, 3), gp, null, null, null, null, false, null, List.of(), List.of());
			List<ClaimSubmissions.Submission> entries = List.of(
					new ClaimSubmissions.Submission(submitter, "k1", consultation(patient, "2025-04-05", "80")),
					new ClaimSubmissions.Submission(submitter, "k2", noLines),
					new ClaimSubmissions.Submission(submitter, "k3", consultation(patient, "2025-04-06", "100")),
					// The key of the first entry again: the same content is the same claim, other content is refused.
					new ClaimSubmissions.Submission(submitter, "k1", consultation(patient, "2025-04-05", "80")),
					new ClaimSubmissions.Submission(submitter, "k1", consultation(patient, "2025-04-05", "90")),
					// The key of a claim submitted alone before the batch.
					new ClaimSubmissions.Submission(submitter, "k0", good),
					new ClaimSubmissions.Submission(submitter, "k4", consultation("123", "2025-04-07", "80")),
					// The key of the refused entry: nothing was stored under it, so this claim is new.
					new ClaimSubmissions.Submission(submitter, "k2", consultation(patient, "2025-04-08", "80")),
					new ClaimSubmissions.Submission(submitter, " ", consultation(patient, "2025-04-09", "80")),
					new ClaimSubmissions.Submission(" ", "k5", consultation(patient, "2025-04-10", "80")));
			List<ClaimSubmissions.Outcome> outcomes = new ArrayList<>();
			if (way.equals("batch")) {
				outcomes.addAll(submissions.submitAll(entries));
			}
			else {
				for (ClaimSubmissions.Submission entry : entries) {
					try {
						ClaimAdjudication.Submitted alone = adjudication.submit(entry.submitter(), entry.idempotencyKey(),
								entry.request());
						outcomes.add(new ClaimSubmissions.Outcome(alone.claim().id(), alone.repeated(), null));
					}
					catch (RuntimeException refused) {
						outcomes.add(new ClaimSubmissions.Outcome(null, false, refused));
					}
				}
			}
			(way.equals("batch") ? answersInBatch : answersAlone)
				.addAll(outcomes.stream().map(o -> answer(o, outcomes)).toList());
			if (way.equals("batch")) {
				assertThat(outcomes.get(3).claimId()).isEqualTo(outcomes.get(0).claimId());
				assertThat(outcomes.get(5).claimId()).isEqualTo(adjudication.search(null, patient, null, null, 0, 200)
					.content().stream().filter(c -> c.careDate().equals(LocalDate.of(2025, 4, 1))).findFirst().orElseThrow().id());
			}
		}
		assertThat(answersInBatch).containsExactly("claim of entry 0", "invalid [lines/not-empty]", "claim of entry 2",
				"claim of entry 0, repeated", "rule idempotencyKey/idempotent-repeat", "claim of entry 5, repeated",
				"invalid [patientIdcs/idcs]", "claim of entry 7", "invalid [idempotencyKey/required]",
				"invalid [submitter/required]");
		assertThat(answersInBatch).isEqualTo(answersAlone);
		String batchSubmitter = jdbc.sql("select submitter from claim where submitter like 'batch-%' order by id desc limit 1")
			.query(String.class).single();
		String aloneSubmitter = jdbc.sql("select submitter from claim where submitter like 'alone-%' order by id desc limit 1")
			.query(String.class).single();
		List<Map<String, Object>> inBatch = stored(batchSubmitter);
		assertThat(inBatch).extracting(row -> row.get("idempotency_key")).containsExactly("k0", "k1", "k2", "k3");
		assertThat(inBatch).isEqualTo(stored(aloneSubmitter));
		assertThat(inBatch.get(1).get("attached")).isEqualTo("1:PRESCRIPTION:ordonnance.pdf:1:R-1");
		assertThat(inBatch.get(1).get("history")).isEqualTo("RECEIVED:true");
	}

	@Test
	void aClaimTheDatabaseCannotStoreIsRefusedAloneAndTheOthersOfItsBatchAreStored() {
		String submitter = "batch-" + UUID.randomUUID();
		// An amount the form allows but the line's column cannot hold: only the write finds it out.
		List<ClaimSubmissions.Outcome> outcomes = submissions.submitAll(List.of(
				new ClaimSubmissions.Submission(submitter, "good-1", consultation(patient, "2025-05-01", "80")),
				new ClaimSubmissions.Submission(submitter, "too-big", consultation(patient, "2025-05-02", "12345678901.00")),
				new ClaimSubmissions.Submission(submitter, "good-2", consultation(patient, "2025-05-03", "80"))));

		assertThat(outcomes).extracting(ClaimSubmissions.Outcome::accepted).containsExactly(true, false, true);
		assertThat(jdbc.sql("select idempotency_key from claim where submitter = ? order by id").param(submitter)
			.query(String.class).list()).containsExactly("good-1", "good-2");
		assertThat(adjudication.claims(List.of(outcomes.get(0).claimId(), outcomes.get(2).claimId())))
			.extracting(Claim::status).containsOnly(ClaimStatus.RECEIVED);
	}

	@Test
	void twoBatchesSharingKeysAtTheSameTimeStoreEachClaimOnceAndBothGetItsNumber() {
		String submitter = "batch-" + UUID.randomUUID();
		List<ClaimSubmissions.Submission> entries = new ArrayList<>();
		for (int i = 0; i < 50; i++) {
			entries.add(new ClaimSubmissions.Submission(submitter, "shared-" + i,
					consultation(patient, LocalDate.of(2025, 6, 1).plusDays(i % 20).toString(), "80")));
		}
		CompletableFuture<List<ClaimSubmissions.Outcome>> one = CompletableFuture.supplyAsync(() -> submissions.submitAll(entries));
		CompletableFuture<List<ClaimSubmissions.Outcome>> two = CompletableFuture
			.supplyAsync(() -> submissions.submitAll(entries.reversed()));

		List<Long> first = one.join().stream().map(ClaimSubmissions.Outcome::claimId).toList();
		List<Long> second = two.join().reversed().stream().map(ClaimSubmissions.Outcome::claimId).toList();
		assertThat(first).doesNotContainNull().isEqualTo(second);
		assertThat(jdbc.sql("select count(*) from claim where submitter = ?").param(submitter).query(Long.class).single())
			.isEqualTo(50);
	}
}
