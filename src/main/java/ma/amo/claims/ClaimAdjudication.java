package ma.amo.claims;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import ma.amo.claims.adjudication.Adjudicating;
import ma.amo.claims.adjudication.CoveredAct;
import ma.amo.claims.adjudication.LineDecision;
import ma.amo.claims.adjudication.ReasonCatalogue;
import ma.amo.claims.adjudication.Rules;
import ma.amo.enrolment.Eligibility;
import ma.amo.enrolment.Rights;
import ma.amo.payments.PaidClaimRevised;
import ma.amo.population.PopulationRegister;
import ma.amo.shared.IdempotencyKey;
import ma.amo.shared.InvalidInput;
import ma.amo.shared.Money;
import ma.amo.shared.NotFound;
import ma.amo.shared.PageOf;
import ma.amo.shared.RuleBroken;
import ma.amo.shared.Viewer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.core.NestedExceptionUtils;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

/**
 * Receives claims and adjudicates them. A submission is stored once per submitter and idempotency key (a repeat
 * returns the first claim; the same key with another content is refused). Adjudication runs the rules at the date of
 * care and stores each line's decision in the same transaction as the claim's new status, so a claim is adjudicated
 * exactly once whatever crashes in between. Then the claim goes to an agent (a rule asked for it, among them the review
 * rules: the amount threshold and the sample) or is decided: approved, partially approved or rejected.
 */
@Service
public class ClaimAdjudication {

	private static final Logger log = LoggerFactory.getLogger(ClaimAdjudication.class);
	private static final JsonMapper JSON = JsonMapper.builder().build();
	public static final String SYSTEM = "adjudication";
	private static final int CHUNK = 200;

	private final Claims claims;
	private final Rules rules;
	private final ReasonCatalogue catalogue;
	private final Eligibility eligibility;
	private final PopulationRegister register;
	private final TransactionTemplate transaction;
	private final SetAsideClaims setAside;
	private final FilingStanding filing;
	private final ApplicationEventPublisher events;
	private final ExemptedLines exemptedLines;

	ClaimAdjudication(Claims claims, Rules rules, ReasonCatalogue catalogue, Eligibility eligibility,
			PopulationRegister register, PlatformTransactionManager transactions,
			SetAsideClaims setAside, FilingStanding filing, ApplicationEventPublisher events, ExemptedLines exemptedLines) {
		this.events = events;
		this.exemptedLines = exemptedLines;
		this.catalogue = catalogue;
		this.filing = filing;
		this.transaction = new TransactionTemplate(transactions);
		this.setAside = setAside;
		this.claims = claims;
		this.rules = rules;
		this.eligibility = eligibility;
		this.register = register;
	}

	/** The stored claim, and whether this call stored it or found it under the same key. */
	public record Submitted(Claim claim, boolean repeated) {
	}

	@Transactional
	public Submitted submit(String submitter, String idempotencyKey, ClaimRequest request) {
		String hash = checked(submitter, idempotencyKey, request, () -> filing.require(Viewer.current().orElse(null)));
		claims.hold(submitter, idempotencyKey);
		Optional<Claims.Keyed> earlier = claims.byKey(submitter, idempotencyKey);
		if (earlier.isPresent()) {
			if (!earlier.get().hash().equals(hash)) {
				throw new RuleBroken("idempotencyKey", "idempotent-repeat", "the key " + idempotencyKey
						+ " was used for claim " + earlier.get().id() + " with different content");
			}
			return new Submitted(claim(earlier.get().id()), true);
		}
		long id = claims.insert(submitter.strip(), idempotencyKey, hash, request);
		ClaimMetrics.received();
		return new Submitted(claim(id), false);
	}

	/**
	 * Every check of a submission before its key is looked up, in the order a refusal names them: the form, the
	 * patient's number, the provider's standing ({@code filingStanding}, which a batch runs once for all its claims)
	 * and the viewer's scope. Returns the request's hash, which a resubmission under the same key must match.
	 */
	String checked(String submitter, String idempotencyKey, ClaimRequest request, Runnable filingStanding) {
		if (submitter == null || submitter.isBlank()) {
			throw new InvalidInput("submitter", "required", "is required");
		}
		IdempotencyKey.require(idempotencyKey);
		if (request == null) {
			throw new InvalidInput("request", "required", "is required");
		}
		request.check();
		register.checkIdcs("patientIdcs", request.patientIdcs());
		filingStanding.run();
		Viewer.current().ifPresent(viewer -> Viewer.require(covers(viewer, request.patientIdcs(), request.careDate(), null,
				null, request.executingInpe(), request.establishmentInpe(), request.prescriberInpe()),
				"a provider submits its own care, a member their family's"));
		return hash(request);
	}

	/** The provider's standing to file today, checked as a submission checks it. */
	void requireFilingStanding() {
		filing.require(Viewer.current().orElse(null));
	}

	/**
	 * The claim, if the viewer's scope covers it (a provider's claims, a member's and their family's, an agent's payer
	 * body's), without its diagnosis unless the viewer is a medical reviewer.
	 */
	public Claim claim(long id) {
		return visible(claims.find(id).orElseThrow(() -> new NotFound("claimId", "no claim " + id)));
	}

	/**
	 * The claims of {@code ids}, in that order, each as {@link #claim} reads it (the same scope), in four queries
	 * whatever their number: the answer to a Bundle of claims reads its 200 claims back in one go, not 800 queries.
	 */
	public List<Claim> claims(List<Long> ids) {
		Map<Long, Claim> found = new HashMap<>();
		claims.findAll(ids).forEach(c -> found.put(c.id(), c));
		return ids.stream().map(id -> {
			Claim claim = found.get(id);
			if (claim == null) {
				throw new NotFound("claimId", "no claim " + id);
			}
			return visible(claim);
		}).toList();
	}

	private Claim visible(Claim claim) {
		Viewer.current().ifPresent(viewer -> Viewer.require(covers(viewer, claim.patientIdcs(), claim.careDate(),
				claim.memberIdcs(), claim.payerBody(), claim.executingInpe(), claim.establishmentInpe(),
				claim.prescriberInpe()), "claim " + claim.id() + " is outside your scope"));
		return Viewer.seesDiagnoses() ? claim : claim.withoutDiagnosis();
	}

	private boolean covers(Viewer viewer, String patient, java.time.LocalDate careDate, String member, String payerBody,
			String... providers) {
		return switch (viewer.role()) {
			case PROVIDER -> java.util.Arrays.asList(providers).contains(viewer.inpe());
			case MEMBER -> viewer.idcs().equals(patient) || viewer.idcs().equals(member)
					|| member == null && viewer.idcs().equals(memberOf(patient, careDate));
			case PAYER_AGENT -> (payerBody == null || payerBody.equals(viewer.payerBody())) && (viewer.region() == null
					|| register.person(patient).map(p -> viewer.region().equals(p.region())).orElse(false));
			default -> true;
		};
	}

	/** The member the patient is covered through on the date, for a claim not adjudicated yet. */
	private String memberOf(String patient, java.time.LocalDate date) {
		try {
			return eligibility.of(patient, date).memberIdcs();
		}
		catch (NotFound | InvalidInput | ma.amo.shared.AccessRefused e) {
			return null;
		}
	}

	/** Claims under the filters given (all optional), oldest first. */
	public PageOf<Claim.Summary> search(ClaimStatus status, String patientIdcs, String executingInpe,
			String establishmentInpe, int page, int size) {
		return search(status, patientIdcs, executingInpe, establishmentInpe, null, null, page, size);
	}

	/**
	 * The same, also bounded by the instant each claim was decided (adjudicated, or received while it waits):
	 * {@code decidedFrom} included, {@code decidedBefore} excluded, either null for no bound.
	 */
	public PageOf<Claim.Summary> search(ClaimStatus status, String patientIdcs, String executingInpe,
			String establishmentInpe, java.time.Instant decidedFrom, java.time.Instant decidedBefore, int page,
			int size) {
		PageOf.check(page, size, 200);
		return claims.search(Viewer.current().orElse(null), status, patientIdcs, executingInpe, establishmentInpe,
				decidedFrom, decidedBefore, page, size);
	}

	public List<Claim.Event> history(long id) {
		claim(id);
		return claims.history(id);
	}

	/**
	 * Every code a line or a claim in review can carry, with its kind, French label and source: the rules' decisions in
	 * the order they run, then the pricing notes, then the reasons for review.
	 */
	public List<ReasonCatalogue.Reason> reasonCodes() {
		return catalogue.reasons();
	}

	/**
	 * Adjudicates a received claim in one transaction of its own; empty when it is not (or no longer) waiting, e.g.
	 * another worker has it.
	 */
	public Optional<Claim> adjudicate(long id) {
		Taken taken = oneByOne(List.of(id));
		return taken.total() == 1 ? Optional.of(claim(id)) : Optional.empty();
	}

	/**
	 * Adjudicates the given received claims together, in the order they came and in one transaction, as a chunk of the
	 * queue is (a batch of claims from one provider's system costs one round of reads and writes, not one per claim);
	 * if one of them cannot be decided, each is adjudicated on its own and only that one is set aside. Returns how
	 * many this call took off the queue; those another worker holds or already decided are left to it.
	 */
	public int adjudicateTogether(List<Long> ids) {
		if (ids.isEmpty()) {
			return 0;
		}
		try {
			return inTransaction(() -> claims.lockReceived(ids));
		}
		catch (TransientDataAccessException | DataAccessResourceFailureException e) {
			throw e;
		}
		catch (RuntimeException chunkFailed) {
			return oneByOne(ids).total();
		}
	}

	/**
	 * Adjudicates up to {@code limit} received claims, oldest first; returns how many this call adjudicated. A claim
	 * that cannot be decided is set aside and the run goes on.
	 */
	public int adjudicateReceived(int limit) {
		int taken = 0;
		int decided = 0;
		Taken round;
		while (taken < limit && (round = takeChunk(0, 1, Math.min(CHUNK, limit - taken))).total() > 0) {
			taken += round.total();
			decided += round.decided();
		}
		return decided;
	}

	/**
	 * Adjudicates the next chunk of at most {@code size} received claims of worker {@code worker} out of
	 * {@code workers}, in one transaction; returns how many it took off the queue, decided or set aside (0 when the
	 * worker's share is done).
	 */
	public int adjudicateChunk(int worker, int workers, int size) {
		return takeChunk(worker, workers, size).total();
	}

	/** The received claims set aside because their adjudication failed, each with its error. */
	public PageOf<SetAsideClaim> setAside(int page, int size) {
		PageOf.check(page, size, 200);
		return setAside.list(page, size);
	}

	/** How many claims are set aside, and how many wait in the queue (set-aside ones not counted). */
	public record Queue(long waiting, long setAside) {
	}

	public Queue queue() {
		return new Queue(setAside.waiting(), setAside.count());
	}

	/** Puts a set-aside claim back in the queue, once the cause of its failure is corrected. */
	@Transactional
	public Claim putBack(long id) {
		claim(id).putBack();
		String actor = Viewer.current().map(Viewer::name).orElse(SYSTEM);
		if (!setAside.putBack(id, actor)) {
			throw new RuleBroken("status", "set-aside", "claim " + id + " is not set aside");
		}
		return claim(id);
	}

	private record Taken(int decided, int setAside) {
		int total() {
			return decided + setAside;
		}
	}

	private Taken takeChunk(int worker, int workers, int size) {
		try {
			return new Taken(inTransaction(() -> claims.lockReceived(worker, workers, size)), 0);
		}
		catch (TransientDataAccessException | DataAccessResourceFailureException e) {
			throw e;
		}
		catch (RuntimeException chunkFailed) {
			// One claim of the chunk cannot be decided and the chunk's transaction is rolled back: the same claims,
			// one transaction each, so that only the failing one is set aside.
			return oneByOne(setAside.receivedIds(worker, workers, size));
		}
	}

	private Taken oneByOne(List<Long> ids) {
		int decided = 0;
		int aside = 0;
		for (long id : ids) {
			try {
				decided += inTransaction(() -> claims.lockReceived(id).stream().toList());
			}
			catch (TransientDataAccessException | DataAccessResourceFailureException e) {
				// Not the claim's fault (a lock wait, the database away): it stays in the queue for the next run.
				throw e;
			}
			catch (RuntimeException failed) {
				String reason = String.valueOf(NestedExceptionUtils.getMostSpecificCause(failed).getMessage());
				if (setAside.setAside(id, reason, SYSTEM)) {
					log.warn("Claim {} set aside, its adjudication failed: {}", id, reason);
					aside++;
				}
			}
		}
		return new Taken(decided, aside);
	}

	private int inTransaction(java.util.function.Supplier<List<Claim>> lock) {
		// An explicit transaction: the locks taken on the claims must last until their decisions are committed, and a
		// crash before the commit leaves them all received, to be adjudicated again from scratch.
		List<ClaimStatus> reached = transaction.execute(tx -> {
			List<Claim> locked = lock.get();
			List<Claims.Adjudicated> decided = new Chunk(locked).decide();
			claims.saveAdjudications(decided, SYSTEM);
			Map<Long, String> cited = new HashMap<>();
			locked.stream().filter(c -> c.priorApproval() != null).forEach(c -> cited.put(c.id(), c.priorApproval()));
			decided.stream().filter(a -> a.next().decided()).forEach(a -> events.publishEvent(new ClaimDecided(a.id(),
					a.next(), a.payerBody(), a.covered(), a.stateShare(), cited.get(a.id()))));
			return decided.stream().map(Claims.Adjudicated::next).toList();
		});
		if (reached == null) {
			return 0;
		}
		ClaimMetrics.adjudicated(reached);
		return reached.size();
	}

	/**
	 * Claims adjudicated together: the covered codes of other claims are read once for all of them, and what a claim
	 * of the chunk covers is seen by the claims after it (duplicates, consultations of the day, ceilings), exactly as
	 * if each had been stored before the next was checked.
	 */
	private final class Chunk {

		private final List<Claim> locked;
		private final Map<Claims.SameDay, List<CoveredAct>> stored;
		private final Map<Object, Object> lookups = new HashMap<>();
		private final List<Covered> coveredHere = new ArrayList<>();
		private final ExemptedLines.OfChunk exempted;
		private final List<Rights> rights;

		private record Covered(String patientIdcs, LocalDate careDate, Claims.SameDay day, CoveredAct act, Money amount) {
		}

		Chunk(List<Claim> locked) {
			this.locked = locked;
			this.stored = claims.coveredCodes(locked);
			this.exempted = exemptedLines.of(locked);
			// The patients' rights on their dates of care, their cover files read in one query for the chunk.
			this.rights = eligibility.of(locked.stream().map(Claim::patientIdcs).toList(),
					locked.stream().map(Claim::careDate).toList());
			rules.prepare(locked, lookups);
		}

		List<Claims.Adjudicated> decide() {
			List<Claims.Adjudicated> decided = new ArrayList<>(locked.size());
			for (int i = 0; i < locked.size(); i++) {
				Claim claim = locked.get(i);
				Claims.Adjudicated a = decide(claim, rights.get(i));
				decided.add(a);
				exempted.decided(claim, a.lines());
				for (LineDecision line : a.lines()) {
					if (line.outcome() != Claim.Outcome.REJECTED) {
						coveredHere.add(new Covered(claim.patientIdcs(), claim.careDate(), Claims.SameDay.of(claim),
								line.act(), line.covered()));
					}
				}
			}
			return decided;
		}

		/** {@code rights}: the patient's on the date of care, null when the patient is not in the register. */
		private Claims.Adjudicated decide(Claim claim, Rights rights) {
			Claims.SameDay day = Claims.SameDay.of(claim);
			List<CoveredAct> coveredThatDay = new ArrayList<>(stored.getOrDefault(day, List.of()));
			coveredHere.stream().filter(c -> c.day().equals(day)).forEach(c -> coveredThatDay.add(c.act()));
			Adjudicating adjudicating = new Adjudicating(claim, rights,
					() -> register.person(claim.patientIdcs()).orElse(null), coveredThatDay,
					(code, from) -> claims.coveredSince(claim.id(), claim.patientIdcs(), code, from, claim.careDate())
						.plus(coveredHere.stream()
							.filter(c -> c.patientIdcs().equals(claim.patientIdcs()) && c.act().code().equals(code)
									&& !c.careDate().isBefore(from) && !c.careDate().isAfter(claim.careDate()))
							.map(Covered::amount).reduce(Money.ZERO, Money::plus)),
					exempted.of(claim), lookups);
			rules.apply(adjudicating);
			Money covered = sum(adjudicating.lines().stream().map(LineDecision::covered).toList());
			List<String> review = adjudicating.reviewReasons();
			ClaimStatus next = claim.adjudicated(adjudicating.lines().stream().map(LineDecision::outcome).toList(), review);
			boolean enrolled = rights != null && rights.regime() != null;
			return new Claims.Adjudicated(claim.id(), enrolled ? rights.regime().name() : null,
					enrolled ? rights.regime().payerBody().name() : null, enrolled ? rights.memberIdcs() : null,
					adjudicating.lines(),
					covered, sum(adjudicating.lines().stream().map(LineDecision::patientShare).toList()),
					sum(adjudicating.lines().stream().map(LineDecision::stateShare).toList()), review, next,
					review.isEmpty() ? null : String.join("; ", review));
		}
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
		ClaimStatus decided = confirm ? claim.confirmed() : claim.rejected();
		// Maker-checker: the account that filed a claim does not decide its review.
		if (claim.submitter().equals(agent.strip())) {
			throw new RuleBroken("agent", "maker-checker", "the account that submitted claim " + id + " cannot review it");
		}
		if (claims.paidBeforeReview(id)) {
			return revisedAfterPayment(claim, decided, agent.strip(), comment.strip());
		}
		claims.moved(claim, decided, agent.strip(), comment.strip());
		events.publishEvent(new ClaimDecided(id, decided, claim.payerBody(), claim.covered(), claim.stateShare(),
				claim.priorApproval()));
		return claim(id);
	}

	/**
	 * The review of a claim contested after it was paid. Confirmed, the payment stood: the claim is PAID again and
	 * nothing is owed. Rejected, all it was paid is found paid too much: {@link PaidClaimRevised} tells payments,
	 * which recovers it from the payee's next transfers.
	 */
	private Claim revisedAfterPayment(Claim claim, ClaimStatus decided, String agent, String comment) {
		if (decided != ClaimStatus.REJECTED) {
			claims.moved(claim, ClaimStatus.PAID, agent, "Paiement confirmé après contestation : " + comment);
			return claim(claim.id());
		}
		claims.moved(claim, decided, agent, comment);
		events.publishEvent(new ClaimDecided(claim.id(), decided, claim.payerBody(), claim.covered(), claim.stateShare(),
				claim.priorApproval()));
		Money covered = claim.covered() == null ? Money.ZERO : claim.covered();
		if (covered.amount().signum() > 0) {
			events.publishEvent(new PaidClaimRevised(claim.id(), covered, Money.ZERO, agent, comment,
					claims.now()));
		}
		return claim(claim.id());
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
		claims.moved(claim, claim.contested(), by.strip(), "Contestation: " + comment.strip());
		return claim(id);
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
