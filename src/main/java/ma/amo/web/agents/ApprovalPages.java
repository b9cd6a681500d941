package ma.amo.web.agents;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

import ma.amo.approvals.Approval;
import ma.amo.approvals.PriorApprovals;
import ma.amo.audit.AuditEntry;
import ma.amo.audit.AuditTrail;
import ma.amo.shared.InvalidInput;
import ma.amo.shared.RuleBroken;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The medical reviewers' prior-approval queue: the pending requests, the earliest due first, each with the time left
 * on its legal clock (48 working hours, 7 days for dialysis, as the approvals module counts them), then one request
 * opened with its pre-check, estimate and medical note, and the reviewer's decision.
 */
@Controller
@RequestMapping("/agents/ententes-prealables")
class ApprovalPages {

	private static final String PURPOSE = "MEDICAL_REVIEW";
	private static final int QUEUE = 200;
	private static final Pattern REFERENCE = Pattern.compile("[A-Za-z0-9-]{1,40}");
	private static final BigDecimal AMOUNT_MAX = new BigDecimal("10000000");

	private final PriorApprovals approvals;
	private final AuditTrail trail;
	private final MessageSource messages;
	private final Clock clock;

	ApprovalPages(PriorApprovals approvals, AuditTrail trail, MessageSource messages, Clock clock) {
		this.approvals = approvals;
		this.trail = trail;
		this.messages = messages;
		this.clock = clock;
	}

	@GetMapping
	String queue(Model model) {
		List<PriorApprovals.Queued> queue = approvals.queue(LocalDateTime.now(clock), QUEUE);
		model.addAttribute("queue", queue);
		trail.record(PersonPages.actor(), AuditEntry.Action.READ, "PRIOR_APPROVAL",
				queue.stream().map(PriorApprovals.Queued::reference).toList(), PURPOSE);
		return "agents/approvals";
	}

	/** The decision form as typed: every field a string, checked here before the approvals module checks the rules. */
	record Form(String decision, String amount, String validFrom, String validUntil, String sessions, String reason) {
	}

	@GetMapping("/{reference}")
	String approval(@PathVariable String reference, Model model) {
		return show(approvals.approval(checked(reference)), new Form("", "", "", "", "", ""), List.of(), model);
	}

	@PostMapping("/{reference}")
	String decide(@PathVariable String reference, @RequestParam(required = false) String decision,
			@RequestParam(required = false) String amount, @RequestParam(required = false) String validFrom,
			@RequestParam(required = false) String validUntil, @RequestParam(required = false) String sessions,
			@RequestParam(required = false) String reason, Model model, Locale locale) {
		String ref = checked(reference);
		Form form = new Form(text(decision), text(amount), text(validFrom), text(validUntil), text(sessions), text(reason));
		try {
			PriorApprovals.Verdict verdict;
			try {
				verdict = PriorApprovals.Verdict.valueOf(form.decision());
			}
			catch (IllegalArgumentException unknown) {
				throw new InvalidInput("decision", "enum", "APPROVED, REJECTED or MORE_INFORMATION_REQUESTED");
			}
			if (form.reason().length() > 2_000) {
				throw new InvalidInput("reason", "max-length", "at most 2000 characters");
			}
			Approval.Grant grant = verdict == PriorApprovals.Verdict.APPROVED
					? new Approval.Grant(amount(form.amount()), date("validFrom", form.validFrom()),
							date("validUntil", form.validUntil()), sessions(form.sessions()))
					: null;
			approvals.decide(ref, new PriorApprovals.Decision(verdict, grant, form.reason().isEmpty() ? null : form.reason()));
			return "redirect:/agents/ententes-prealables/" + ref + "?decide=ok";
		}
		catch (InvalidInput invalid) {
			return show(approvals.approval(ref), form, Problems.of(invalid, messages, locale), model);
		}
		catch (RuleBroken broken) {
			return show(approvals.approval(ref), form, Problems.of(broken, messages, locale), model);
		}
	}

	private String show(Approval approval, Form form, List<Problems.Problem> problems, Model model) {
		model.addAttribute("approval", approval);
		model.addAttribute("form", form);
		model.addAttribute("problems", problems);
		model.addAttribute("verdicts", PriorApprovals.Verdict.values());
		trail.record(PersonPages.actor(), AuditEntry.Action.READ, "PRIOR_APPROVAL", approval.reference(), PURPOSE);
		return "agents/approval";
	}

	private static String checked(String reference) {
		if (!REFERENCE.matcher(reference).matches()) {
			throw new InvalidInput("reference", "reference", "letters, digits and hyphens, at most 40");
		}
		return reference;
	}

	private static String text(String value) {
		return value == null ? "" : value.strip();
	}

	private static BigDecimal amount(String typed) {
		if (typed.isEmpty()) {
			return null;
		}
		try {
			BigDecimal amount = new BigDecimal(typed.replace(',', '.').replace(" ", ""));
			if (amount.signum() <= 0 || amount.compareTo(AMOUNT_MAX) > 0 || amount.scale() > 2) {
				throw new InvalidInput("amount", "range", "between 0.01 and 10000000, two decimals at most");
			}
			return amount;
		}
		catch (NumberFormatException notANumber) {
			throw new InvalidInput("amount", "number", "an amount in dirhams");
		}
	}

	private static LocalDate date(String field, String typed) {
		if (typed.isEmpty()) {
			return null;
		}
		try {
			return LocalDate.parse(typed);
		}
		catch (DateTimeParseException notADate) {
			throw new InvalidInput(field, "date", "a date yyyy-MM-dd");
		}
	}

	private static Integer sessions(String typed) {
		if (typed.isEmpty()) {
			return null;
		}
		if (!typed.matches("\\d{1,3}") || Integer.parseInt(typed) < 1) {
			throw new InvalidInput("sessions", "range", "between 1 and 999");
		}
		return Integer.parseInt(typed);
	}
}
