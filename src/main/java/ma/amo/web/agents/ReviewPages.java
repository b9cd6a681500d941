package ma.amo.web.agents;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import ma.amo.audit.AuditEntry;
import ma.amo.audit.AuditTrail;
import ma.amo.claims.Claim;
import ma.amo.claims.ClaimAdjudication;
import ma.amo.claims.ClaimStatus;
import ma.amo.shared.InvalidInput;
import ma.amo.shared.PageOf;
import ma.amo.shared.RuleBroken;
import ma.amo.shared.Viewer;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The review queue: the claims the adjudication sent to an agent (oldest first, in the agent's payer body), each
 * claim with its lines' base, rate, covered amount and reasons in French, and the agent's decision — confirm the
 * adjudication or reject the claim, always with the reason — taken through the claims module under the signed-in
 * account (the account that filed a claim may not decide its review).
 */
@Controller
@RequestMapping("/agents/revision")
class ReviewPages {

	private static final String PURPOSE = "CLAIM_PROCESSING";
	static final int PAGE_SIZE = 20;
	static final int COMMENT_MAX = 1_000;

	private final ClaimAdjudication claims;
	private final AuditTrail trail;
	private final MessageSource messages;

	ReviewPages(ClaimAdjudication claims, AuditTrail trail, MessageSource messages) {
		this.claims = claims;
		this.trail = trail;
		this.messages = messages;
	}

	@GetMapping
	String queue(@RequestParam(defaultValue = "0") int page, @RequestParam(required = false) String patient,
			Model model) {
		if (page < 0 || page > 100_000) {
			throw new InvalidInput("page", "range", "must be between 0 and 100000");
		}
		// One person's claims in review, as their file links to them; otherwise the whole queue of the agent's scope.
		String idcs = patient == null || patient.isBlank() ? null : patient.strip();
		if (idcs != null && !idcs.matches("\\d{10}")) {
			throw new InvalidInput("patient", "idcs", "must have 10 digits");
		}
		PageOf<Claim.Summary> queue = claims.search(ClaimStatus.IN_REVIEW, idcs, null, null, page, PAGE_SIZE);
		model.addAttribute("patient", idcs);
		Map<String, String> labels = reasonLabels();
		model.addAttribute("queue", queue);
		model.addAttribute("why", queue.content().stream()
			.collect(java.util.stream.Collectors.toMap(Claim.Summary::id, c -> explained(c.reviewReasons(), labels))));
		trail.record(PersonPages.actor(), AuditEntry.Action.READ, "CLAIM",
				queue.content().stream().map(c -> Long.toString(c.id())).toList(), PURPOSE);
		return "agents/review-queue";
	}

	@GetMapping("/{id}")
	String claim(@PathVariable long id, Model model) {
		return show(claims.claim(id), new Decision("", ""), List.of(), model);
	}

	/** What the decision form sends: CONFIRM or REJECT, and why. */
	record Decision(String decision, String comment) {
	}

	@PostMapping("/{id}")
	String decide(@PathVariable long id, @RequestParam(required = false) String decision,
			@RequestParam(required = false) String comment, Model model, Locale locale) {
		Decision form = new Decision(decision == null ? "" : decision, comment == null ? "" : comment);
		if (!"CONFIRM".equals(form.decision()) && !"REJECT".equals(form.decision())) {
			return show(claims.claim(id), form, Problems.one("decision", "enum", messages, locale), model);
		}
		if (form.comment().length() > COMMENT_MAX) {
			return show(claims.claim(id), form, Problems.one("comment", "max-length", messages, locale), model);
		}
		if (form.comment().chars().anyMatch(c -> Character.isISOControl(c) && c != '\n' && c != '\r' && c != '\t')) {
			return show(claims.claim(id), form, Problems.one("comment", "charset", messages, locale), model);
		}
		try {
			claims.review(id, Viewer.actingAccount(), "CONFIRM".equals(form.decision()), form.comment());
			return "redirect:/agents/revision/" + id + "?decide=ok";
		}
		catch (InvalidInput invalid) {
			return show(claims.claim(id), form, Problems.of(invalid, messages, locale), model);
		}
		catch (RuleBroken broken) {
			return show(claims.claim(id), form, Problems.of(broken, messages, locale), model);
		}
	}

	private String show(Claim claim, Decision form, List<Problems.Problem> problems, Model model) {
		Map<String, String> labels = reasonLabels();
		model.addAttribute("claim", claim);
		model.addAttribute("lines", claim.lines().stream()
			.map(l -> new LineView(l, l.reasons().stream().map(r -> Reason.of(r, labels)).toList())).toList());
		model.addAttribute("reviewReasons", explained(claim.reviewReasons(), labels));
		model.addAttribute("form", form);
		model.addAttribute("problems", problems);
		// A page is not a JSON answer that @Audited sees: the read is recorded here.
		trail.record(PersonPages.actor(), AuditEntry.Action.READ, "CLAIM", Long.toString(claim.id()), PURPOSE);
		return "agents/review-claim";
	}

	/** The French label of each code of the reason catalogue, for the reasons shown as "CODE: figures". */
	private Map<String, String> reasonLabels() {
		Map<String, String> labels = new LinkedHashMap<>();
		claims.reasonCodes().forEach(r -> labels.put(r.code(), r.label()));
		return labels;
	}

	private static List<Reason> explained(List<String> stored, Map<String, String> labels) {
		return stored == null ? List.of() : stored.stream().map(r -> Reason.of(r, labels)).toList();
	}

	/** A claim line with its reasons explained. */
	record LineView(Claim.Line line, List<Reason> reasons) {
	}

	/**
	 * A reason as stored ("CODE: text"): its code, the catalogue's French label, and the reason's own text (the
	 * figures used) when it says more than the label.
	 */
	record Reason(String code, String label, String text) {

		static Reason of(String stored, Map<String, String> labels) {
			int colon = stored.indexOf(": ");
			String code = colon < 0 ? stored : stored.substring(0, colon);
			String text = colon < 0 ? "" : stored.substring(colon + 2);
			String label = labels.getOrDefault(code, code);
			return new Reason(code, label, text.equals(label) ? "" : text);
		}
	}
}
