package ma.amo.contributions.web;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.net.URI;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.PastOrPresent;
import jakarta.validation.constraints.Size;
import ma.amo.audit.Audited;
import ma.amo.audit.AuditEntry.Action;
import ma.amo.contributions.ContributionCalls;
import ma.amo.contributions.ContributionCalls.PayerKind;
import ma.amo.contributions.DeclarationImport;
import ma.amo.contributions.Payments;
import ma.amo.shared.InvalidInput;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

@Tag(name = "Contributions", description = "Declarations, calls, payments and arrears")
@RestController
@RequestMapping("/api/v1/contributions")
class LedgerController {

	private final DeclarationImport declarations;
	private final ContributionCalls calls;
	private final Payments payments;
	private final Clock clock;

	LedgerController(DeclarationImport declarations, ContributionCalls calls, Payments payments, Clock clock) {
		this.declarations = declarations;
		this.calls = calls;
		this.payments = payments;
		this.clock = clock;
	}

	record ImportAnswer(DeclarationImport.Result result, List<DeclarationImport.Rejection> rejections) {
	}

	@Operation(summary = "Import a file of monthly declarations (CSV: affiliation_number;month;registration_number;days;gross_salary)",
			description = "All or nothing: 201 with the declarations and calls created, or 422 with the rejected lines "
					+ "(line, field, rule, message) and nothing imported.")
	@io.swagger.v3.oas.annotations.responses.ApiResponse(responseCode = "201", description = "Every line imported, with the declarations and their calls")
	@io.swagger.v3.oas.annotations.responses.ApiResponse(responseCode = "422", description = "Rejected lines, nothing imported", useReturnTypeSchema = true)
	@PostMapping(path = "/declaration-imports", consumes = "multipart/form-data")
	ResponseEntity<ImportAnswer> importDeclarations(@RequestPart MultipartFile file) throws IOException {
		if (file.isEmpty()) {
			throw new InvalidInput("file", "required", "a non-empty file is required");
		}
		DeclarationImport.Result result;
		try (InputStream content = file.getInputStream()) {
			result = declarations.load(file.getOriginalFilename() == null ? "declarations.csv" : file.getOriginalFilename(),
					content);
		}
		URI location = URI.create("/api/v1/contributions/declaration-imports/" + result.id());
		boolean accepted = "ACCEPTED".equals(result.status());
		return ResponseEntity.status(accepted ? 201 : 422).location(location)
			.body(new ImportAnswer(result, accepted ? List.of() : declarations.rejections(result.id(), 100)));
	}

	@Operation(summary = "An import of declarations and its first rejected lines")
	@GetMapping("/declaration-imports/{id}")
	ImportAnswer declarationImport(@PathVariable long id, @RequestParam(defaultValue = "100") int limit) {
		return new ImportAnswer(declarations.result(id), declarations.rejections(id, Math.min(Math.max(limit, 1), 10_000)));
	}

	@Operation(summary = "Calls of a payer (EMPLOYER by affiliation number, MEMBER by registration number, STATE as ETAT)")
	@Audited(record = "CONTRIBUTION_ACCOUNT", id = "payer", purpose = "CONTRIBUTION_COLLECTION")
	@GetMapping("/calls")
	List<ContributionCalls.Call> calls(@RequestParam PayerKind payerKind, @RequestParam String payer) {
		return calls.ofPayer(payerKind, payer);
	}

	@GetMapping("/calls/{id}")
	ContributionCalls.Call call(@PathVariable long id) {
		return calls.call(id);
	}

	@Operation(summary = "Arrears of a payer on a date (today by default): unpaid calls past due with the penalty accrued, and unpaid penalties")
	@Audited(record = "CONTRIBUTION_ACCOUNT", id = "payer", purpose = "CONTRIBUTION_COLLECTION")
	@GetMapping("/arrears")
	ContributionCalls.Arrears arrears(@RequestParam PayerKind payerKind, @RequestParam String payer,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date) {
		return calls.arrears(payerKind, payer, date == null ? LocalDate.now(clock) : date);
	}

	@Operation(summary = "Record a payment (header Idempotency-Key): settles the payer's calls oldest first, or the call named",
			description = "201 with the allocations; a repeat with the same key returns the first payment (200); the "
					+ "same key with other content is refused (409).")
	@Audited(record = "CONTRIBUTION_ACCOUNT", returned = "payer", action = Action.CHANGE, purpose = "CONTRIBUTION_COLLECTION")
	@io.swagger.v3.oas.annotations.responses.ApiResponse(responseCode = "201", description = "The payment recorded and allocated")
	@io.swagger.v3.oas.annotations.responses.ApiResponse(responseCode = "200", description = "The payment first recorded under this key")
	@io.swagger.v3.oas.annotations.responses.ApiResponse(responseCode = "409", description = "The key used for another payment")
	@PostMapping("/payments")
	ResponseEntity<Payments.Payment> pay(@RequestHeader(name = "Idempotency-Key", required = false) String key,
			@RequestBody PaymentBody body) {
		Payments.Means means = means(body.means());
		Payments.Recorded recorded = payments.pay(key, new Payments.Request(body.payerKind(), body.payer(), body.amount(),
				body.paidOn(), means, body.reference(), body.callId()));
		Payments.Payment payment = recorded.payment();
		return ResponseEntity.status(recorded.repeated() ? 200 : 201)
			.location(URI.create("/api/v1/contributions/payments/" + payment.id())).body(payment);
	}

	@Operation(summary = "Record a bank statement's payments in one transaction, under one rights event",
			description = "Each payment carries its idempotency key; payments already recorded are skipped. The working "
					+ "days of every declaration settled are credited together and the members' rights recomputed in "
					+ "one pass. One bad payment refuses the statement, naming its index.")
	@io.swagger.v3.oas.annotations.responses.ApiResponse(responseCode = "201", description = "The statement's payments recorded")
	@io.swagger.v3.oas.annotations.responses.ApiResponse(responseCode = "409", description = "A key of the statement used for another payment")
	@PostMapping("/payment-statements")
	ResponseEntity<Payments.Statement> statement(@RequestBody StatementBody body) {
		if (body.name() == null || body.name().isBlank()) {
			throw new InvalidInput("name", "required", "is required");
		}
		if (body.receivedOn() == null) {
			throw new InvalidInput("receivedOn", "required", "is required");
		}
		if (body.payments() == null || body.payments().isEmpty()) {
			throw new InvalidInput("payments", "required", "at least one payment is required");
		}
		List<Payments.Keyed> payments = body.payments().stream()
			.map(p -> new Payments.Keyed(p.idempotencyKey(), new Payments.Request(p.payerKind(), p.payer(), p.amount(),
					p.paidOn(), means(p.means()), p.reference(), p.callId())))
			.toList();
		return ResponseEntity.status(201).body(this.payments.recordStatement(body.name().strip(), body.receivedOn(), payments));
	}

	@GetMapping("/payments/{id}")
	Payments.Payment payment(@PathVariable long id) {
		return payments.payment(id);
	}

	private static Payments.Means means(String value) {
		if (value == null) {
			return null;
		}
		try {
			return Payments.Means.valueOf(value);
		}
		catch (IllegalArgumentException e) {
			throw new InvalidInput("means", "enum", "must be TRANSFER, DIRECT_DEBIT or COUNTER");
		}
	}

	record PaymentBody(PayerKind payerKind, @Size(max = 20) String payer,
			@Digits(integer = 10, fraction = 2) BigDecimal amount, LocalDate paidOn, @Size(max = 20) String means,
			@Size(max = 100) String reference, Long callId) {
	}

	record StatementPayment(String idempotencyKey, PayerKind payerKind, @Size(max = 20) String payer,
			@Digits(integer = 10, fraction = 2) BigDecimal amount, LocalDate paidOn, @Size(max = 20) String means,
			@Size(max = 100) String reference, Long callId) {
	}

	record StatementBody(@Size(max = 200) String name, @PastOrPresent LocalDate receivedOn,
			@Size(max = 10_000) List<@Valid StatementPayment> payments) {
	}
}
