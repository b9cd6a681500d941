package ma.amo.claims;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import ma.amo.shared.InvalidInput;
import ma.amo.shared.RuleBroken;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.NestedExceptionUtils;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Claims submitted a batch at a time (a FHIR batch Bundle, the demo's year of care), under the same rules as
 * {@link ClaimAdjudication#submit}: each claim is checked on its own, in the same order, and a refusal is that claim's
 * own answer with nothing stored for it; a key used before (in an earlier batch, alone, or earlier in the same batch)
 * returns the claim first filed under it, or is refused if the content differs. The accepted claims are then written
 * together in one transaction (one COPY per table) instead of one transaction of several statements each. If that
 * write fails, the batch's claims are stored again one at a time, so that only the claim at fault is refused.
 */
@Service
public class ClaimSubmissions {

	private static final Logger log = LoggerFactory.getLogger(ClaimSubmissions.class);

	/** More claims than a FHIR batch Bundle holds, few enough that the batch stays one short transaction. */
	public static final int MOST_CLAIMS = 1000;

	private final ClaimAdjudication adjudication;
	private final ClaimInserts inserts;
	private final TransactionTemplate transaction;

	ClaimSubmissions(ClaimAdjudication adjudication, ClaimInserts inserts, PlatformTransactionManager transactions) {
		this.adjudication = adjudication;
		this.inserts = inserts;
		this.transaction = new TransactionTemplate(transactions);
	}

	/** A claim of a batch: who submits it, under which key. */
	public record Submission(String submitter, String idempotencyKey, ClaimRequest request) {
	}

	/**
	 * The answer to one claim of a batch: the claim stored (or found under its key: {@code repeated}), or the refusal,
	 * which is what submitting the claim alone would have thrown.
	 */
	public record Outcome(Long claimId, boolean repeated, RuntimeException refusal) {

		static Outcome stored(long id, boolean repeated) {
			return new Outcome(id, repeated, null);
		}

		static Outcome refused(RuntimeException refusal) {
			return new Outcome(null, false, refusal);
		}

		public boolean accepted() {
			return refusal == null;
		}
	}

	/**
	 * Submits the claims, in their order, as the signed-in account (if any) submits each alone; one outcome per claim,
	 * in the same order. Not adjudicated: the caller adjudicates the new ones (e.g. together, with
	 * {@link ClaimAdjudication#adjudicateTogether}) or leaves them to the queue.
	 */
	public List<Outcome> submitAll(List<Submission> submissions) {
		if (submissions.size() > MOST_CLAIMS) {
			throw new InvalidInput("submissions", "size", MOST_CLAIMS + " claims at most in one batch");
		}
		Outcome[] outcomes = new Outcome[submissions.size()];
		// The provider's standing is the same for every claim of the batch: read once, its refusal given to each
		// claim at the place a claim alone meets it (after the checks of its form).
		RuntimeException standing = null;
		try {
			adjudication.requireFilingStanding();
		}
		catch (RuntimeException refused) {
			standing = refused;
		}
		RuntimeException notStanding = standing;
		Map<Integer, ClaimInserts.New> checked = new LinkedHashMap<>();
		for (int i = 0; i < submissions.size(); i++) {
			Submission s = submissions.get(i);
			try {
				String hash = adjudication.checked(s.submitter(), s.idempotencyKey(), s.request(), () -> {
					if (notStanding != null) {
						throw notStanding;
					}
				});
				checked.put(i, new ClaimInserts.New(new ClaimInserts.Key(s.submitter(), s.idempotencyKey()), hash,
						s.request()));
			}
			catch (RuntimeException refused) {
				outcomes[i] = Outcome.refused(refused);
			}
		}
		if (!checked.isEmpty()) {
			try {
				transaction.executeWithoutResult(tx -> store(checked, outcomes));
			}
			catch (RuntimeException batchFailed) {
				if (TransactionSynchronizationManager.isActualTransactionActive()) {
					// The caller's transaction is spoilt: a claim alone could not be stored in it either.
					throw batchFailed;
				}
				log.warn("A batch of {} claims stored one by one, its write failed: {}", checked.size(),
						NestedExceptionUtils.getMostSpecificCause(batchFailed).getMessage());
				oneByOne(submissions, checked, outcomes);
			}
		}
		return List.of(outcomes);
	}

	/** The batch's keys held, their earlier uses read, the new claims written: one transaction, a few round trips. */
	private void store(Map<Integer, ClaimInserts.New> checked, Outcome[] outcomes) {
		List<ClaimInserts.Key> keys = checked.values().stream().map(ClaimInserts.New::key).distinct().toList();
		inserts.hold(keys);
		Map<ClaimInserts.Key, Claims.Keyed> earlier = new HashMap<>(inserts.byKeys(keys));
		List<ClaimInserts.New> fresh = new ArrayList<>();
		List<Integer> freshAt = new ArrayList<>();
		Map<ClaimInserts.Key, Integer> firstAt = new HashMap<>();
		for (Map.Entry<Integer, ClaimInserts.New> entry : checked.entrySet()) {
			ClaimInserts.New claim = entry.getValue();
			if (earlier.containsKey(claim.key()) || firstAt.containsKey(claim.key())) {
				continue;
			}
			firstAt.put(claim.key(), fresh.size());
			fresh.add(claim);
			freshAt.add(entry.getKey());
		}
		List<Long> ids = inserts.ids(fresh.size());
		for (int n = 0; n < fresh.size(); n++) {
			earlier.put(fresh.get(n).key(), new Claims.Keyed(ids.get(n), fresh.get(n).hash()));
			outcomes[freshAt.get(n)] = Outcome.stored(ids.get(n), false);
		}
		// A key met again, earlier in the batch or before it: the same claim if the content is the same, as alone.
		for (Map.Entry<Integer, ClaimInserts.New> entry : checked.entrySet()) {
			if (outcomes[entry.getKey()] != null) {
				continue;
			}
			ClaimInserts.New claim = entry.getValue();
			Claims.Keyed first = earlier.get(claim.key());
			outcomes[entry.getKey()] = first.hash().equals(claim.hash()) ? Outcome.stored(first.id(), true)
					: Outcome.refused(new RuleBroken("idempotencyKey", "idempotent-repeat", "the key "
							+ claim.key().key() + " was used for claim " + first.id() + " with different content"));
		}
		inserts.insert(fresh, ids);
		fresh.forEach(c -> ClaimMetrics.received());
	}

	/** Each checked claim submitted alone, in its own transaction: only the one at fault is refused. */
	private void oneByOne(List<Submission> submissions, Map<Integer, ClaimInserts.New> checked, Outcome[] outcomes) {
		for (int i : checked.keySet()) {
			Submission s = submissions.get(i);
			try {
				ClaimAdjudication.Submitted submitted = adjudication.submit(s.submitter(), s.idempotencyKey(), s.request());
				outcomes[i] = Outcome.stored(submitted.claim().id(), submitted.repeated());
			}
			catch (RuntimeException refused) {
				outcomes[i] = Outcome.refused(refused);
			}
		}
	}
}
