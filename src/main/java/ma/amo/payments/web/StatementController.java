package ma.amo.payments.web;

import java.time.LocalDate;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import ma.amo.audit.Audited;
import ma.amo.payments.StatementPdf;
import ma.amo.payments.Statements;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The statements, as JSON ({@code Accept: application/json}) or as a French PDF ({@code Accept: application/pdf}). */
@Tag(name = "Statements", description = "Members' décomptes de remboursement and payees' bordereaux of a transfer, JSON or PDF")
@RestController
@RequestMapping("/api/v1/statements")
class StatementController {

	private static final String MEMBER = "/members/{idcs}";
	private static final String TRANSFER = "/transfers/{batchId}/{payee}";

	private final Statements statements;
	private final StatementPdf pdf;

	StatementController(Statements statements, StatementPdf pdf) {
		this.statements = statements;
		this.pdf = pdf;
	}

	@Operation(summary = "A member's décompte de remboursement: each decided claim with care in the period, line by line, and the transfer that paid it",
			description = "Claims of the member and their dependants with care from `from` to `to` (the last 90 days when "
					+ "absent; at most 366 days). A member reads only theirs, an agent those of their payer body.")
	@ApiResponse(responseCode = "200", description = "The statement", content = {
			@Content(mediaType = "application/json", schema = @io.swagger.v3.oas.annotations.media.Schema(implementation = Statements.MemberStatement.class)),
			@Content(mediaType = "application/pdf") })
	@ApiResponse(responseCode = "400", description = "A malformed IDCS or date, from after to, or a period over 366 days")
	@ApiResponse(responseCode = "404", description = "No member with this IDCS")
	@ApiResponse(responseCode = "409", description = "More claims in the period than one statement lists: ask a shorter period")
	@Audited(record = "PERSON", id = "idcs", purpose = "STATEMENT")
	@GetMapping(path = MEMBER, produces = MediaType.APPLICATION_JSON_VALUE)
	Statements.MemberStatement member(@PathVariable String idcs,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to) {
		return statements.ofMember(idcs, from, to);
	}

	@Audited(record = "PERSON", id = "idcs", purpose = "STATEMENT")
	@GetMapping(path = MEMBER, produces = MediaType.APPLICATION_PDF_VALUE)
	ResponseEntity<byte[]> memberPdf(@PathVariable String idcs,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to) {
		Statements.MemberStatement statement = statements.ofMember(idcs, from, to);
		return asPdf(pdf.member(statement), "decompte-" + idcs + "-" + statement.from() + "-" + statement.to());
	}

	@Operation(summary = "The bordereau of a transfer: every claim a payee was paid for in the batch, the total and the account (masked)",
			description = "The payee is an establishment's INPE (or a member's IDCS). A provider reads only its own.")
	@ApiResponse(responseCode = "200", description = "The statement", content = {
			@Content(mediaType = "application/json", schema = @io.swagger.v3.oas.annotations.media.Schema(implementation = Statements.TransferStatement.class)),
			@Content(mediaType = "application/pdf") })
	@ApiResponse(responseCode = "400", description = "A payee that is neither an INPE nor an IDCS, or a malformed batch id")
	@ApiResponse(responseCode = "404", description = "No transfer to this payee in this batch")
	@Audited(record = "PAYMENT_BATCH", id = "batchId", purpose = "STATEMENT")
	@GetMapping(path = TRANSFER, produces = MediaType.APPLICATION_JSON_VALUE)
	Statements.TransferStatement transfer(@PathVariable long batchId, @PathVariable String payee) {
		return statements.ofTransfer(batchId, payee);
	}

	@Audited(record = "PAYMENT_BATCH", id = "batchId", purpose = "STATEMENT")
	@GetMapping(path = TRANSFER, produces = MediaType.APPLICATION_PDF_VALUE)
	ResponseEntity<byte[]> transferPdf(@PathVariable long batchId, @PathVariable String payee) {
		Statements.TransferStatement statement = statements.ofTransfer(batchId, payee);
		return asPdf(pdf.transfer(statement), "bordereau-" + statement.batchReference() + "-" + payee);
	}

	private static ResponseEntity<byte[]> asPdf(byte[] document, String name) {
		return ResponseEntity.ok().contentType(MediaType.APPLICATION_PDF)
			.header("Content-Disposition", "inline; filename=\"" + name + ".pdf\"").body(document);
	}
}
