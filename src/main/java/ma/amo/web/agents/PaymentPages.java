package ma.amo.web.agents;

import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import ma.amo.audit.AuditEntry;
import ma.amo.audit.AuditTrail;
import ma.amo.payments.PaymentBatch;
import ma.amo.payments.PaymentBatches;
import ma.amo.shared.InvalidInput;
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
 * The finance desk's payment batches: the latest batches, a form to prepare one (payer body and cut-off date; the form
 * carries its idempotency key, so a double click prepares one batch), a batch opened with its totals and transfers,
 * its approval by a second finance account (the preparer's own approval is refused and said so), and the links to
 * its bank files once approved (the API's downloads, which the signed-in session may call and which are audited).
 */
@Controller
@RequestMapping("/agents/paiements")
class PaymentPages {

	private static final String PURPOSE = "PAYMENT";
	private static final int LATEST = 50;

	private final PaymentBatches batches;
	private final AuditTrail trail;
	private final MessageSource messages;
	private final Clock clock;

	PaymentPages(PaymentBatches batches, AuditTrail trail, MessageSource messages, Clock clock) {
		this.batches = batches;
		this.trail = trail;
		this.messages = messages;
		this.clock = clock;
	}

	/** The preparation form as typed. */
	record Form(String key, String payerBody, String cutOff) {
	}

	@GetMapping
	String list(Model model) {
		return list(model, new Form(UUID.randomUUID().toString(), "CNSS", LocalDate.now(clock).toString()), List.of());
	}

	@PostMapping
	String prepare(@RequestParam(required = false) String key, @RequestParam(required = false) String payerBody,
			@RequestParam(required = false) String cutOff, Model model, Locale locale) {
		Form form = new Form(key == null ? "" : key.strip(), payerBody == null ? "" : payerBody.strip(),
				cutOff == null ? "" : cutOff.strip());
		try {
			if (!"CNSS".equals(form.payerBody()) && !"CNOPS".equals(form.payerBody())) {
				throw new InvalidInput("payerBody", "enum", "CNSS or CNOPS");
			}
			LocalDate day;
			try {
				day = LocalDate.parse(form.cutOff());
			}
			catch (DateTimeParseException notADate) {
				throw new InvalidInput("cutOff", "date", "a date yyyy-MM-dd");
			}
			long id = batches.create(Viewer.actingAccount(), form.key(), form.payerBody(), day).batch().id();
			return "redirect:/agents/paiements/" + id;
		}
		catch (InvalidInput invalid) {
			return list(model, form, Problems.of(invalid, messages, locale));
		}
		catch (RuleBroken broken) {
			return list(model, form, Problems.of(broken, messages, locale));
		}
	}

	@GetMapping("/{id}")
	String batch(@PathVariable long id, Model model) {
		return show(batches.batch(id), List.of(), model);
	}

	@PostMapping("/{id}/approbation")
	String approve(@PathVariable long id, Model model, Locale locale) {
		try {
			batches.approve(id, Viewer.actingAccount());
			return "redirect:/agents/paiements/" + id + "?approved=ok";
		}
		catch (RuleBroken broken) {
			return show(batches.batch(id), Problems.of(broken, messages, locale), model);
		}
	}

	private String list(Model model, Form form, List<Problems.Problem> problems) {
		List<PaymentBatch> latest = batches.latest(LATEST);
		model.addAttribute("batches", latest);
		model.addAttribute("form", form);
		model.addAttribute("problems", problems);
		trail.record(PersonPages.actor(), AuditEntry.Action.READ, "PAYMENT_BATCH",
				latest.stream().map(b -> Long.toString(b.id())).toList(), PURPOSE);
		return "agents/payments";
	}

	private String show(PaymentBatch batch, List<Problems.Problem> problems, Model model) {
		model.addAttribute("batch", batch);
		model.addAttribute("problems", problems);
		model.addAttribute("mine", batch.createdBy().equals(Viewer.actingAccount()));
		trail.record(PersonPages.actor(), AuditEntry.Action.READ, "PAYMENT_BATCH", Long.toString(batch.id()), PURPOSE);
		return "agents/payment";
	}
}
