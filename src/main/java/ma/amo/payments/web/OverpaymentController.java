package ma.amo.payments.web;

import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import ma.amo.audit.AuditEntry.Action;
import ma.amo.audit.Audited;
import ma.amo.payments.Overpayments;
import ma.amo.shared.Viewer;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@Tag(name = "Payments", description = "Payment batches of approved claims")
@RestController
@RequestMapping("/api/v1/overpayments")
class OverpaymentController {

	private final Overpayments overpayments;

	OverpaymentController(Overpayments overpayments) {
		this.overpayments = overpayments;
	}

	@Operation(summary = "A payee's overpayments (indus): what was paid too much on each claim, what the next transfers recovered, what is left",
			description = "The payee is a member's IDCS or an establishment's INPE. Open ones only, unless `all=true`.")
	@ApiResponse(responseCode = "200", description = "The overpayments, oldest first (at most 1000)")
	@ApiResponse(responseCode = "400", description = "No payee, or one that is not an IDCS or an INPE")
	@Audited(record = "PERSON", id = "payee", purpose = "PAYMENT")
	@GetMapping
	List<Overpayments.Overpayment> list(@RequestParam(required = false) String payee,
			@RequestParam(defaultValue = "false") boolean all) {
		return overpayments.ofPayee(payee, all);
	}

	/** @param reason why the rest is not recovered (at most 500 characters) */
	record Cancellation(String reason) {
	}

	@Operation(summary = "Cancel an open overpayment with a reason: nothing more is netted from the payee's transfers",
			description = "What was recovered already stays recovered.")
	@ApiResponse(responseCode = "200", description = "The cancelled overpayment")
	@ApiResponse(responseCode = "400", description = "No reason, or one over 500 characters")
	@ApiResponse(responseCode = "404", description = "No such overpayment")
	@ApiResponse(responseCode = "409", description = "The overpayment is recovered or cancelled already")
	@Audited(record = "OVERPAYMENT", id = "id", action = Action.CHANGE, purpose = "PAYMENT")
	@PostMapping("/{id}/cancellation")
	Overpayments.Overpayment cancel(@PathVariable long id, @RequestBody(required = false) Cancellation request) {
		return overpayments.cancel(id, Viewer.actingAccount(), request == null ? null : request.reason());
	}
}
