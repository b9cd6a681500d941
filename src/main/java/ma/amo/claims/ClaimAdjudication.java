package ma.amo.claims;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

import ma.amo.claims.adjudication.Adjudicating;
import ma.amo.claims.adjudication.LineDecision;
import ma.amo.claims.adjudication.Rule;
import ma.amo.claims.adjudication.Rules;
import ma.amo.enrolment.Eligibility;
import ma.amo.enrolment.Rights;
import ma.amo.parameters.ParameterValues;
import ma.amo.population.PopulationRegister;
import ma.amo.shared.InvalidInput;
import ma.amo.shared.Money;
import ma.amo.shared.NotFound;
import ma.amo.shared.RuleBroken;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

/**
 * Receives claims and adjudicates them. A submission is stored once per submitter and idempotency key (a repeat
 * returns the first claim; the same key with another content is refused). Adjudication runs the rules at the date of
 * care and stores each line's decision in the same transaction as the claim's new status, so a claim is adjudicated
 * exactly once whatever crashes in between. Then the claim goes to an agent (a rule asked for it, its covered amount
 * reaches the threshold, or it is drawn in the sample) or is decided: approved, partially approved or rejected.
 */
@Service
public class ClaimAdjudication {

	private static final JsonMapper JSON = JsonMapper.builder().build();
	public static final String SYSTEM = "adjudication";

	private final Claims claims;
	private final Rules rules;
	private final Eligibility eligibility;
	private final PopulationRegister register;
	private final ParameterValues parameters;
	private final TransactionTemplate transaction;

	ClaimAdjudication(Claims claims, Rules rules, Eligibility eligibility, PopulationRegister register,
			ParameterValues parameters, PlatformTransactionManager transactions) {
		this.transaction = new TransactionTemplate(transactions);
		this.claims = claims;
		this.rules = rules;
		this.eligibility = eligibility;
		this.register = register;
		this.parameters = parameters;
	}

	/** The stored claim, and whether this call stored it or found it under the same key. */
	public record Submitted(Claim claim, boolean repeated) {
	}

	@Transactional
	public Submitted submit(String submitter, String idempotencyKey, ClaimRequest request) {
		if (submitter == null || submitter.isBlank()) {
			throw new InvalidInput("submitter", "required", "is required");
		}
		if (idempotencyKey == null || idempotencyKey.isBlank() || idempotencyKey.length() > 100) {
			throw new InvalidInput("idempotencyKey", "required", "an idempotency key of 1 to 100 characters is required");
		}
		request.check();
		String hash = hash(request);
		Optional<Claims.Keyed> earlier = claims.byKey(submitter, idempotencyKey);
		if (earlier.isPresent()) {
			if (!earlier.get().hash().equals(hash)) {
				throw new RuleBroken("idempotencyKey", "idempotent-repeat", "the key " + idempotencyKey
						+ " was used for claim " + earlier.get().id() + " with different content");
			}
			return new Submitted(claim(earlier.get().id()), true);
		}
		return new Submitted(claim(claims.insert(submitter.strip(), idempotencyKey, hash, request)), false);
	}

	public Claim claim(long id) {
		return claims.find(id).orElseThrow(() -> new NotFound("claimId", "no claim " + id));
	}

	public List<Claim.Event> history(long id) {
		claim(id);
		return claims.history(id);
	}

	/** The reason codes, their French labels and sources, in the order the rules run. */
	public List<Rule> reasonCodes() {
		return rules.catalogue();
	}

	/**
	 * Adjudicates a received claim in one transaction of its own; empty when it is not (or no longer) waiting, e.g.
	 * another worker has it.
	 */
	public Optional<Claim> adjudicate(long id) {
		return adjudicateOnce(id) ? Optional.of(claim(id)) : Optional.empty();
	}

	/** Whether this call adjudicated the claim. */
	private boolean adjudicateOnce(long id) {
		// An explicit transaction: the batch calls this method from within the class, where an annotation would not
		// apply, and the lock taken on the claim must last until its decisions are committed.
		return Boolean.TRUE.equals(transaction.execute(tx -> adjudicateLocked(id)));
	}

	private boolean adjudicateLocked(long id) {
		Optional<Claim> locked = claims.lockReceived(id);
		if (locked.isEmpty()) {
			return false;
		}
		Claim claim = locked.get();
		Rights rights;
		try {
			rights = eligibility.of(claim.patientIdcs(), claim.careDate());
		}
		catch (NotFound | InvalidInput e) {
			rights = null;
		}
		Adjudicating adjudicating = new Adjudicating(claim, rights,
				() -> register.person(claim.patientIdcs()).orElse(null),
				claims.coveredCodes(id, claim.patientIdcs(), claim.executingInpe(), claim.careDate()),
				(code, from) -> claims.coveredSince(id, claim.patientIdcs(), code, from, claim.careDate()));
		rules.apply(adjudicating);
		Money covered = sum(adjudicating.lines().stream().map(LineDecision::covered).toList());
		Money patientShare = sum(adjudicating.lines().stream().map(LineDecision::patientShare).toList());
		Money stateShare = sum(adjudicating.lines().stream().map(LineDecision::stateShare).toList());
		List<String> review = new java.util.ArrayList<>(adjudicating.reviewReasons());
		BigDecimal threshold = parameters.decimal("claims.review.amount-threshold", claim.careDate());
		if (covered.amount().compareTo(threshold) >= 0) {
			review.add("AMOUNT_THRESHOLD: montant pris en charge " + covered.amount() + " DH, seuil de revue " + threshold
					+ " DH");
		}
		if (sampled(id, parameters.integer("claims.review.sample-percent", claim.careDate()))) {
			review.add("RANDOM_SAMPLE: dossier tiré au sort pour contrôle");
		}
		claims.saveAdjudication(id, rights == null || rights.regime() == null ? null : rights.regime().name(),
				adjudicating.lines(), new Claims.Totals(covered, patientShare, stateShare), review);
		ClaimStatus next = review.isEmpty() ? outcome(adjudicating.lines().stream().map(LineDecision::outcome).toList())
				: ClaimStatus.IN_REVIEW;
		claims.adjudicated(id, next, SYSTEM, review.isEmpty() ? null : String.join("; ", review));
		return true;
	}

	/** An agent's decision on a claim in review: confirm the adjudication, or reject the claim. */
	@Transactional
	public Claim review(long id, String agent, boolean confirm, String comment) {
		if (agent == null || agent.isBlank()) {
			throw new InvalidInput("agent", "required", "is required");
		}
		if (comment == null || comment.isBlank()) {
			throw new InvalidInput("comment", "required", "a review says why");
		}
		Claim claim = claim(id);
		if (claim.status() != ClaimStatus.IN_REVIEW) {
			throw new RuleBroken("status", "in-review", "claim " + id + " is " + claim.status() + ", not IN_REVIEW");
		}
		ClaimStatus decided = confirm ? outcome(claim.lines().stream().map(Claim.Line::outcome).toList())
				: ClaimStatus.REJECTED;
		claims.status(id, decided, agent.strip(), comment.strip());
		return claim(id);
	}

	/** A member's or provider's contest of a decided claim sends it back to an agent. */
	@Transactional
	public Claim contest(long id, String by, String comment) {
		if (by == null || by.isBlank()) {
			throw new InvalidInput("by", "required", "is required");
		}
		if (comment == null || comment.isBlank()) {
			throw new InvalidInput("comment", "required", "a contest says why");
		}
		Claim claim = claim(id);
		if (!claim.status().decided()) {
			throw new RuleBroken("status", "decided", "claim " + id + " is " + claim.status()
					+ ": only an approved, partially approved or rejected claim can be contested");
		}
		claims.status(id, ClaimStatus.IN_REVIEW, by.strip(), "Contestation: " + comment.strip());
		return claim(id);
	}

	/** Adjudicates up to {@code limit} received claims, oldest first; returns how many this call adjudicated. */
	public int adjudicateReceived(int limit) {
		int done = 0;
		for (long id : claims.received(limit)) {
			if (adjudicateOnce(id)) {
				done++;
			}
		}
		return done;
	}

	/** Rejected when every line is, approved when every line is accepted as billed, partially approved otherwise. */
	private static ClaimStatus outcome(List<Claim.Outcome> lines) {
		if (lines.stream().allMatch(o -> o == Claim.Outcome.REJECTED)) {
			return ClaimStatus.REJECTED;
		}
		return lines.stream().allMatch(o -> o == Claim.Outcome.ACCEPTED) ? ClaimStatus.APPROVED
				: ClaimStatus.PARTIALLY_APPROVED;
	}

	/** The same claim is always in or out of the sample: the draw is a hash of its id, not a random number. */
	private static boolean sampled(long id, int percent) {
		return Math.floorMod(Long.hashCode(id * 0x9E3779B97F4A7C15L), 100) < percent;
	}

	private static Money sum(List<Money> amounts) {
		return amounts.stream().reduce(Money.ZERO, Money::plus);
	}

	private static String hash(ClaimRequest request) {
		try {
			byte[] digest = MessageDigest.getInstance("SHA-256")
				.digest(JSON.writeValueAsString(request).getBytes(StandardCharsets.UTF_8));
			return HexFormat.of().formatHex(digest);
		}
		catch (NoSuchAlgorithmException e) {
			throw new IllegalStateException(e);
		}
	}
}
