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
		// Prepared only: a second finance account approves it before it is paid (POST /{id}/approval).
		PaymentBatches.Created created = batches.create(Viewer.actingAccount(), key, request.payerBody(), request.cutOff());
		return ResponseEntity.status(created.repeated() ? 200 : 201)
			.location(URI.create("/api/v1/payment-batches/" + created.batch().id())).body(created.batch());
	}

	@Operation(summary = "Approve a prepared batch (four eyes): from then it cannot change, its bank file may leave and its claims are paid",
			description = "By a finance account other than the one that prepared it. A repeat finds the batch approved and changes nothing.")
	@io.swagger.v3.oas.annotations.responses.ApiResponse(responseCode = "200", description = "The approved batch")
	@io.swagger.v3.oas.annotations.responses.ApiResponse(responseCode = "404", description = "No such batch")
	@io.swagger.v3.oas.annotations.responses.ApiResponse(responseCode = "409", description = "Approved by the account that prepared it (rule four-eyes), or cancelled")
	@Audited(record = "PAYMENT_BATCH", id = "id", action = Action.CHANGE, purpose = "PAYMENT")
	@PostMapping("/{id}/approval")
	PaymentBatch approve(@PathVariable long id) {
		return batches.approve(id, Viewer.actingAccount()).batch();
	}

	@Operation(summary = "Cancel a prepared batch: its claims are released for the next batch")
	@io.swagger.v3.oas.annotations.responses.ApiResponse(responseCode = "200", description = "The cancelled batch")
	@io.swagger.v3.oas.annotations.responses.ApiResponse(responseCode = "404", description = "No such batch")
	@io.swagger.v3.oas.annotations.responses.ApiResponse(responseCode = "409", description = "The batch is approved and cannot change")
	@Audited(record = "PAYMENT_BATCH", id = "id", action = Action.CHANGE, purpose = "PAYMENT")
	@PostMapping("/{id}/cancellation")
	PaymentBatch cancel(@PathVariable long id) {
		return batches.cancel(id, Viewer.actingAccount()).batch();
	}

	@Operation(summary = "A batch: its status, counts and amounts (total, per payee kind, held back, rejected) and each transfer with what the bank said of it")
	@io.swagger.v3.oas.annotations.responses.ApiResponse(responseCode = "200", description = "The batch")
	@io.swagger.v3.oas.annotations.responses.ApiResponse(responseCode = "404", description = "No such batch")
	@Audited(record = "PAYMENT_BATCH", id = "id", purpose = "PAYMENT")
	@GetMapping("/{id}")
	PaymentBatch batch(@PathVariable long id) {
		return batches.batch(id);
	}

	@Operation(summary = "The bank file of the batch's transfers (CSV)", description = "Only for an approved batch.")
	@io.swagger.v3.oas.annotations.responses.ApiResponse(responseCode = "200", description = "The CSV file")
	@io.swagger.v3.oas.annotations.responses.ApiResponse(responseCode = "404", description = "No such batch")
	@io.swagger.v3.oas.annotations.responses.ApiResponse(responseCode = "409", description = "The batch is not approved")
	@Audited(record = "PAYMENT_BATCH", id = "id", purpose = "PAYMENT")
	@GetMapping("/{id}/transfers.csv")
	ResponseEntity<String> transfers(@PathVariable long id) {
		// Answered as a body (not written to the response) so that the audit trail records who took the bank file.
		java.io.StringWriter file = new java.io.StringWriter();
		batches.writeTransfers(id, file);
		PaymentBatch batch = batches.batch(id);
		return ResponseEntity.ok()
			.contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
			.header("Content-Disposition", "attachment; filename=\"" + batch.reference() + ".csv\"")
			.body(file.toString());
	}

	@Operation(summary = "The bank file of the batch's transfers as an ISO 20022 credit transfer initiation (pain.001.001.09)",
			description = "One payment block debiting the payer body's account, one credit transfer per payee to the IBAN "
					+ "recorded in the batch, identified end to end by the batch reference and the payee. Only for an approved "
					+ "batch; the same file each time (dated by the approval).")
	@io.swagger.v3.oas.annotations.responses.ApiResponse(responseCode = "200", description = "The pain.001.001.09 file")
	@io.swagger.v3.oas.annotations.responses.ApiResponse(responseCode = "404", description = "No such batch")
	@io.swagger.v3.oas.annotations.responses.ApiResponse(responseCode = "409", description = "The batch is not approved, a transfer of the batch has no IBAN (batch made before bank accounts were recorded), an end-to-end identifier would exceed the 35 characters ISO 20022 allows, or overpayments netted every transfer (nothing to send)")
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
