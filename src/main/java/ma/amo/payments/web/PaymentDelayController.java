package ma.amo.payments.web;

import java.time.LocalDate;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import ma.amo.audit.Audited;
import ma.amo.payments.PaymentDeadlines;
import ma.amo.payments.Timeliness;
import ma.amo.shared.PageOf;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@Tag(name = "Payment delays", description = "Claims paid or waiting beyond their legal delay, and the share paid in time")
@RestController
@RequestMapping("/api/v1/payments")
class PaymentDelayController {

	private final PaymentDeadlines deadlines;
	private final Timeliness timeliness;

	PaymentDelayController(PaymentDeadlines deadlines, Timeliness timeliness) {
		this.deadlines = deadlines;
		this.timeliness = timeliness;
	}

	@Operation(summary = "Invoices of establishments and pharmacies beyond their delay of payment on a date (today when absent)",
			description = "Approved and unpaid, or paid late within the year up to the date; the most days late first. "
					+ "Delays: parameters payments.deadline-days.ESTABLISHMENT (60) and .PHARMACY (30) at the filing date. "
					+ "An agent sees only their payer body's.")
	@ApiResponse(responseCode = "200", description = "A page of late claims")
	@ApiResponse(responseCode = "400", description = "A malformed date, payer body, payee INPE or page")
	@ApiResponse(responseCode = "403", description = "Not finance, an administrator or an agent; or another payer body than the agent's")
	@Audited(record = "CLAIM", returned = "claimId", purpose = "PAYMENT")
	@GetMapping("/late")
	PageOf<PaymentDeadlines.LateClaim> late(
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate at,
			@RequestParam(required = false) @Schema(allowableValues = { "CNSS", "CNOPS" }) String payerBody,
			@RequestParam(required = false) @Schema(description = "An establishment's INPE") String payee,
			@RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "50") int size) {
		return deadlines.late(at, payerBody, payee, page, size);
	}

	@Operation(summary = "Share of the payments made within their delay, by count and amount, per month, payer body and payee kind",
			description = "Payments made from `from` to `to` (at most 366 days). A member's own claims have no published "
					+ "delay: they are counted without a share in time.")
	@ApiResponse(responseCode = "200", description = "One row per month, payer body and payee kind")
	@ApiResponse(responseCode = "400", description = "A missing or malformed date, from after to, a period over 366 days, or an unknown payer body")
	@ApiResponse(responseCode = "403", description = "Not finance, an administrator or an agent; or another payer body than the agent's")
	@GetMapping("/timeliness")
	List<Timeliness.Month> timeliness(@RequestParam(required = false) @Schema(allowableValues = { "CNSS", "CNOPS" }) String payerBody,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to) {
		return timeliness.between(payerBody, from, to);
	}
}
