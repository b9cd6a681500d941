package ma.amo.payments.web;

import java.net.URI;
import java.time.LocalDate;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Size;
import ma.amo.audit.AuditEntry.Action;
import ma.amo.audit.Audited;
import ma.amo.payments.BankAccount;
import ma.amo.payments.BankAccounts;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@Tag(name = "Bank accounts", description = "The accounts members and establishments are paid to")
@RestController
@RequestMapping("/api/v1/bank-accounts/{payeeKind}/{payee}")
class BankAccountController {

	private final BankAccounts accounts;

	BankAccountController(BankAccounts accounts) {
		this.accounts = accounts;
	}

	/**
	 * @param rib the RIB (24 digits) or the IBAN (MA and 26 digits), spaces allowed between groups
	 * @param validFrom the first day transfers go to this account, today when absent
	 */
	record NewBankAccount(@Size(max = 40) @Schema(example = "MA64 0115 1900 0001 2050 0053 4921") String rib,
			LocalDate validFrom) {
	}

	@Operation(summary = "Record the payee's bank account from a date",
			description = "payeeKind MEMBER (payee: the member's IDCS) or ESTABLISHMENT (payee: its INPE). The number is "
					+ "checked by its RIB key (and IBAN check digits); the same account from the same date as the latest is a "
					+ "repeat (200), another account replaces the latest from its date. Recorded under the signed-in account.")
	@io.swagger.v3.oas.annotations.responses.ApiResponse(responseCode = "201", description = "The account recorded")
	@io.swagger.v3.oas.annotations.responses.ApiResponse(responseCode = "200", description = "The same account was already recorded from that date")
	@io.swagger.v3.oas.annotations.responses.ApiResponse(responseCode = "404", description = "No such member or establishment")
	@Audited(record = "BANK_ACCOUNT", id = "payee", action = Action.CHANGE, purpose = "PAYMENT")
	@PostMapping
	ResponseEntity<BankAccount> record(@PathVariable String payeeKind, @PathVariable String payee,
			@RequestBody NewBankAccount request) {
		BankAccounts.Recorded recorded = accounts.record(payeeKind, payee, request.rib(), request.validFrom());
		return ResponseEntity.status(recorded.repeated() ? 200 : 201)
			.location(URI.create("/api/v1/bank-accounts/" + payeeKind + "/" + payee))
			.body(recorded.account());
	}

	@Operation(summary = "The payee's bank accounts, the latest first, each with the date it applies from")
	@io.swagger.v3.oas.annotations.responses.ApiResponse(responseCode = "200", description = "The accounts, none when none was recorded")
	@io.swagger.v3.oas.annotations.responses.ApiResponse(responseCode = "404", description = "No such member or establishment")
	@Audited(record = "BANK_ACCOUNT", id = "payee", purpose = "PAYMENT")
	@GetMapping
	List<BankAccount> accounts(@PathVariable String payeeKind, @PathVariable String payee) {
		return accounts.accounts(payeeKind, payee);
	}
}
