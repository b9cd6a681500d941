package ma.amo.claims.web;

import java.net.URI;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import ma.amo.audit.AuditEntry.Action;
import ma.amo.audit.Audited;
import ma.amo.claims.Claim;
import ma.amo.claims.ClaimAdjudication;
import ma.amo.claims.ClaimRequest;
import ma.amo.claims.ClaimStatus;
import ma.amo.claims.SetAsideClaim;
import ma.amo.shared.InvalidInput;
import ma.amo.shared.PageOf;
import ma.amo.shared.Viewer;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@Tag(name = "Claims", description = "Member claims and provider invoices, adjudicated line by line")
@RestController
@RequestMapping("/api/v1/claims")
class ClaimController {

	private final ClaimAdjudication claims;

	ClaimController(ClaimAdjudication claims) {
		this.claims = claims;
	}

	@Operation(summary = "Submit a member claim or a provider invoice (header Idempotency-Key)",
			description = "201 with the claim RECEIVED, submitted by the authenticated account; a repeat of that account's "
					+ "key returns the first claim (200); the same key with another content is refused (409). Add "
					+ "adjudicate=true to adjudicate it at once.")
	@io.swagger.v3.oas.annotations.responses.ApiResponse(responseCode = "201", description = "The claim stored (RECEIVED, or adjudicated with adjudicate=true)")
	@io.swagger.v3.oas.annotations.responses.ApiResponse(responseCode = "200", description = "The claim first stored under this key")
	@io.swagger.v3.oas.annotations.responses.ApiResponse(responseCode = "409", description = "The key used for a claim with another content")
	@Audited(record = "CLAIM", returned = "id", action = Action.CHANGE, purpose = "CLAIM_PROCESSING")
	@PostMapping
	ResponseEntity<Claim> submit(@RequestHeader(name = "Idempotency-Key", required = false) String key,
			@RequestParam(defaultValue = "false") boolean adjudicate, @RequestBody ClaimRequest request) {
		ClaimAdjudication.Submitted submitted = claims.submit(Viewer.actingAccount(), key, request);
		Claim claim = submitted.claim();
		if (adjudicate && !submitted.repeated()) {
			claim = claims.adjudicate(claim.id()).orElse(claims.claim(claim.id()));
		}
		return ResponseEntity.status(submitted.repeated() ? 200 : 201)
			.location(URI.create("/api/v1/claims/" + claim.id())).body(claim);
	}

	@Operation(summary = "Claims by status, patient, executing provider or establishment, oldest first (e.g. status=IN_REVIEW: the agents' work list)")
	@Audited(record = "CLAIM", returned = "id", purpose = "CLAIM_PROCESSING")
	@GetMapping
	PageOf<Claim.Summary> search(@RequestParam(required = false) ClaimStatus status,
			@RequestParam(required = false) String patientIdcs, @RequestParam(required = false) String executingInpe,
			@RequestParam(required = false) String establishmentInpe, @RequestParam(defaultValue = "0") int page,
			@RequestParam(defaultValue = "20") int size) {
		return claims.search(status, patientIdcs, executingInpe, establishmentInpe, page, size);
	}

	@Audited(record = "CLAIM", id = "id", purpose = "CLAIM_PROCESSING")
	@GetMapping("/{id}")
	Claim claim(@PathVariable long id) {
		return claims.claim(id);
	}

	@Operation(summary = "The claim's history: each status reached, by whom and why")
	@Audited(record = "CLAIM", id = "id", purpose = "CLAIM_PROCESSING")
	@GetMapping("/{id}/history")
	List<Claim.Event> history(@PathVariable long id) {
		return claims.history(id);
	}

	@Operation(summary = "Adjudicate a received claim now")
	@Audited(record = "CLAIM", id = "id", action = Action.CHANGE, purpose = "CLAIM_PROCESSING")
	@PostMapping("/{id}/adjudication")
	Claim adjudicate(@PathVariable long id) {
		return claims.adjudicate(id).orElse(claims.claim(id));
	}

	@Operation(summary = "Adjudicate the received claims, oldest first (at most limit)")
	@PostMapping("/adjudication-runs")
	AdjudicationRun run(@RequestParam(defaultValue = "1000") int limit) {
		if (limit < 1 || limit > 100_000) {
			throw new InvalidInput("limit", "range", "must be between 1 and 100000");
		}
		int adjudicated = claims.adjudicateReceived(limit);
		ClaimAdjudication.Queue queue = claims.queue();
		return new AdjudicationRun(adjudicated, queue.waiting(), queue.setAside());
	}

	@Operation(summary = "The received claims set aside because their adjudication failed, each with its error; the queue goes on without them")
	@Audited(record = "CLAIM", returned = "id", purpose = "CLAIM_PROCESSING")
	@GetMapping("/set-aside")
	PageOf<SetAsideClaim> setAside(@RequestParam(defaultValue = "0") int page,
			@RequestParam(defaultValue = "20") int size) {
		return claims.setAside(page, size);
	}

	@Operation(summary = "Put a set-aside claim back in the adjudication queue, once the cause of its failure is corrected")
	@io.swagger.v3.oas.annotations.responses.ApiResponse(responseCode = "200", description = "The claim back in the queue (RECEIVED)")
	@io.swagger.v3.oas.annotations.responses.ApiResponse(responseCode = "409", description = "The claim is not set aside")
	@Audited(record = "CLAIM", id = "id", action = Action.CHANGE, purpose = "CLAIM_PROCESSING")
	@PostMapping("/{id}/put-back")
	Claim putBack(@PathVariable long id) {
		return claims.putBack(id);
	}

	@Operation(summary = "An agent's review of a claim IN_REVIEW: CONFIRM the adjudication or REJECT the claim")
	@io.swagger.v3.oas.annotations.responses.ApiResponse(responseCode = "200", description = "The claim decided")
	@io.swagger.v3.oas.annotations.responses.ApiResponse(responseCode = "409", description = "The claim is not in review")
	@Audited(record = "CLAIM", id = "id", action = Action.CHANGE, purpose = "CLAIM_PROCESSING")
	@PostMapping("/{id}/review")
	Claim review(@PathVariable long id, @RequestBody Review body) {
		if (!"CONFIRM".equals(body.decision()) && !"REJECT".equals(body.decision())) {
			throw new InvalidInput("decision", "enum", "must be CONFIRM or REJECT");
		}
		return claims.review(id, Viewer.actingAccount(), "CONFIRM".equals(body.decision()), body.comment());
	}

	@Operation(summary = "Contest a decided claim (by the member or the provider): it goes back to review")
	@io.swagger.v3.oas.annotations.responses.ApiResponse(responseCode = "200", description = "The claim back in review")
	@io.swagger.v3.oas.annotations.responses.ApiResponse(responseCode = "409", description = "The claim is not decided")
	@Audited(record = "CLAIM", id = "id", action = Action.CHANGE, purpose = "CLAIM_PROCESSING")
	@PostMapping("/{id}/contest")
	Claim contest(@PathVariable long id, @RequestBody Contest body) {
		return claims.contest(id, Viewer.actingAccount(), body.comment());
	}

	@Operation(summary = "Every code a claim line or a claim in review can carry, with its French label and source",
			description = "DECISION: a rule of adjudication, in the order the rules run; NOTE: how a line was priced or "
					+ "why a rule did not apply (tariff version, base, rate...); REVIEW: why a claim goes to an agent.")
	@GetMapping("/reason-codes")
	List<ReasonCode> reasonCodes() {
		return claims.reasonCodes().stream().map(r -> new ReasonCode(r.code(), r.kind().name(), r.label(), r.source()))
			.toList();
	}

	/** Claims adjudicated by this run, still waiting after it, and set aside (waiting for an agent). */
	record AdjudicationRun(int adjudicated, long waiting, long setAside) {
	}

	record Review(@io.swagger.v3.oas.annotations.media.Schema(allowableValues = { "CONFIRM", "REJECT" }) String decision,
			String comment) {
	}

	record Contest(String comment) {
	}

	record ReasonCode(String code, @io.swagger.v3.oas.annotations.media.Schema(allowableValues = { "DECISION", "NOTE",
			"REVIEW" }) String kind, String label, String source) {
	}
}
