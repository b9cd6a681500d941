package ma.amo.payments.web;

import java.net.URI;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import ma.amo.audit.AuditEntry.Action;
import ma.amo.audit.Audited;
import ma.amo.payments.BankReturnRefused;
import ma.amo.payments.BankReturns;
import ma.amo.shared.Viewer;
import ma.amo.shared.Violation;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@Tag(name = "Payments", description = "Payment batches of approved claims")
@RestController
@RequestMapping("/api/v1/payment-returns")
class PaymentReturnController {

	private final BankReturns returns;

	PaymentReturnController(BankReturns returns) {
		this.returns = returns;
	}

	@Operation(summary = "Import a bank's return: an ISO 20022 pain.002.001.10 status report or camt.054.001.08 notification",
			description = "The file as the bank sent it (application/xml, at most 50 MB, no document type declaration). "
					+ "Each transfer is marked settled or rejected with the bank's reason; a rejected transfer's claims are "
					+ "paid by the next batch. The whole file or nothing: a statement that matches no transfer sent "
					+ "(batch, end-to-end identifier, amount, currency, batch never exported) refuses it (422) naming the "
					+ "entry. The same file again changes nothing (200, alreadyImported).")
	@io.swagger.v3.oas.annotations.responses.ApiResponse(responseCode = "201", description = "The file imported, with what it changed")
	@io.swagger.v3.oas.annotations.responses.ApiResponse(responseCode = "200", description = "The same file was already imported: nothing changed")
	@io.swagger.v3.oas.annotations.responses.ApiResponse(responseCode = "400", description = "Not well-formed XML, a document type declaration, a value out of bounds or a required element missing")
	@io.swagger.v3.oas.annotations.responses.ApiResponse(responseCode = "409", description = "Busy with the same file")
	@io.swagger.v3.oas.annotations.responses.ApiResponse(responseCode = "413", description = "Over 50 MB")
	@io.swagger.v3.oas.annotations.responses.ApiResponse(responseCode = "415", description = "Not application/xml")
	@io.swagger.v3.oas.annotations.responses.ApiResponse(responseCode = "422", description = "An unknown file type, or a statement that does not match a transfer sent, named by its place in the file")
	@Audited(record = "PAYMENT_RETURN", returned = "id", action = Action.CHANGE, purpose = "PAYMENT")
	@PostMapping(consumes = { "application/xml", "text/xml" })
	ResponseEntity<BankReturns.Imported> importFile(@RequestBody byte[] file) {
		BankReturns.Imported imported = returns.importFile(Viewer.actingAccount(), file);
		return ResponseEntity.status(imported.alreadyImported() ? 200 : 201)
			.location(URI.create("/api/v1/payment-returns?page=0")).body(imported);
	}

	@Operation(summary = "The bank return files imported, newest first: who imported each, when, and what it changed")
	@io.swagger.v3.oas.annotations.responses.ApiResponse(responseCode = "200", description = "The imports")
	@io.swagger.v3.oas.annotations.responses.ApiResponse(responseCode = "400", description = "Page or size out of range")
	@GetMapping
	List<BankReturns.Imported> list(@RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "50") int size) {
		return returns.list(page, size);
	}

	@ExceptionHandler(BankReturnRefused.class)
	ResponseEntity<ProblemDetail> refused(BankReturnRefused e) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.UNPROCESSABLE_CONTENT, e.getMessage());
		problem.setTitle("Bank return refused");
		problem.setType(URI.create("https://amo.ma/problems/422"));
		problem.setProperty("errors", List.of(new Violation(e.field(), e.rule(), e.getMessage())));
		return ResponseEntity.unprocessableContent().body(problem);
	}
}
