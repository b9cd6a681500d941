package ma.amo.payments.web;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import ma.amo.audit.AuditEntry.Action;
import ma.amo.audit.Audited;
import ma.amo.payments.CreditTransferFile;
import ma.amo.payments.PaymentBatch;
import ma.amo.payments.PaymentBatches;
import ma.amo.shared.Viewer;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@Tag(name = "Payments", description = "Payment batches of approved claims")
@RestController
@RequestMapping("/api/v1/payment-batches")
class PaymentBatchController {

	private final PaymentBatches batches;
	private final CreditTransferFile creditTransfers;

	PaymentBatchController(PaymentBatches batches, CreditTransferFile creditTransfers) {
		this.batches = batches;
		this.creditTransfers = creditTransfers;
	}

	/** @param payerBody CNSS or CNOPS; @param cutOff claims decided by the end of this day are paid */
	record NewBatch(@io.swagger.v3.oas.annotations.media.Schema(allowableValues = { "CNSS", "CNOPS" }) String payerBody,
			LocalDate cutOff) {
	}

	@Operation(summary = "Pay the payer body's approved claims decided by the cut-off date, one transfer per payee",
			description = "Header Idempotency-Key. The batch is created by the authenticated account; a repeat of that account's key "
					+ "returns the first batch (200); "
					+ "the key with another payer body or cut-off is refused (409), as is a batch with nothing to pay.")
	@io.swagger.v3.oas.annotations.responses.ApiResponse(responseCode = "201", description = "The batch created, with its transfers")
	@io.swagger.v3.oas.annotations.responses.ApiResponse(responseCode = "200", description = "The batch first created under this key")
	@io.swagger.v3.oas.annotations.responses.ApiResponse(responseCode = "409", description = "The key used for another batch, or nothing to pay")
	@Audited(record = "PAYMENT_BATCH", returned = "id", action = Action.CHANGE, purpose = "PAYMENT")
	@PostMapping
	ResponseEntity<PaymentBatch> create(@RequestHeader(name = "Idempotency-Key", required = false) String key,
			@RequestBody NewBatch request) {
		PaymentBatches.Created created = batches.create(Viewer.actingAccount(), key, request.payerBody(), request.cutOff());
		return ResponseEntity.status(created.repeated() ? 200 : 201)
			.location(URI.create("/api/v1/payment-batches/" + created.batch().id())).body(created.batch());
	}

	@Audited(record = "PAYMENT_BATCH", id = "id", purpose = "PAYMENT")
	@GetMapping("/{id}")
	PaymentBatch batch(@PathVariable long id) {
		return batches.batch(id);
	}

	@Operation(summary = "The bank file of the batch's transfers (CSV)")
	@Audited(record = "PAYMENT_BATCH", id = "id", purpose = "PAYMENT")
	@GetMapping("/{id}/transfers.csv")
	ResponseEntity<String> transfers(@PathVariable long id) {
		// Answered as a body (not written to the response) so that the audit trail records who took the bank file.
		PaymentBatch batch = batches.batch(id);
		java.io.StringWriter file = new java.io.StringWriter();
		batches.writeTransfers(id, file);
		return ResponseEntity.ok()
			.contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
			.header("Content-Disposition", "attachment; filename=\"" + batch.reference() + ".csv\"")
			.body(file.toString());
	}

	@Operation(summary = "The bank file of the batch's transfers as an ISO 20022 credit transfer initiation (pain.001.001.09)",
			description = "One payment block debiting the payer body's account, one credit transfer per payee to the IBAN "
					+ "recorded in the batch, identified end to end by the batch reference and the payee.")
	@io.swagger.v3.oas.annotations.responses.ApiResponse(responseCode = "200", description = "The pain.001.001.09 file")
	@io.swagger.v3.oas.annotations.responses.ApiResponse(responseCode = "404", description = "No such batch")
	@io.swagger.v3.oas.annotations.responses.ApiResponse(responseCode = "409", description = "A transfer of the batch has no IBAN (batch made before bank accounts were recorded), or an end-to-end identifier would exceed the 35 characters ISO 20022 allows")
	@Audited(record = "PAYMENT_BATCH", id = "id", purpose = "PAYMENT")
	@GetMapping("/{id}/transfers.xml")
	ResponseEntity<String> creditTransfers(@PathVariable long id) {
		// Answered as a body, like the CSV, so that the audit trail records who took the bank file.
		java.io.StringWriter file = new java.io.StringWriter();
		creditTransfers.write(id, file);
		return ResponseEntity.ok()
			.contentType(new MediaType("application", "xml", StandardCharsets.UTF_8))
			.header("Content-Disposition", "attachment; filename=\"" + batches.batch(id).reference() + ".xml\"")
			.body(file.toString());
	}
}
