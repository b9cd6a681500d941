package ma.amo.contributions.web;

import java.time.LocalDate;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.PastOrPresent;
import jakarta.validation.constraints.Size;
import ma.amo.audit.Audited;
import ma.amo.audit.AuditEntry.Action;
import ma.amo.contributions.ContributionCalls;
import ma.amo.contributions.Deadlines;
import ma.amo.contributions.DirectDebits;
import ma.amo.contributions.MonthlyCalls;
import ma.amo.contributions.SelfEmployedCategories;
import ma.amo.contributions.SelfEmployedCategory;
import ma.amo.shared.InvalidInput;
import ma.amo.shared.Months;
import ma.amo.shared.NotFound;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@Tag(name = "Contributions", description = "Self-employed, Achamil and Tadamon calls, deadlines")
@RestController
@RequestMapping("/api/v1/contributions")
class RegimeCallsController {

	private final MonthlyCalls monthly;
	private final Deadlines deadlines;
	private final SelfEmployedCategories categories;
	private final DirectDebits debits;
	private final ContributionCalls calls;

	RegimeCallsController(MonthlyCalls monthly, Deadlines deadlines, SelfEmployedCategories categories,
			DirectDebits debits, ContributionCalls calls) {
		this.monthly = monthly;
		this.deadlines = deadlines;
		this.categories = categories;
		this.debits = debits;
		this.calls = calls;
	}

	@Operation(summary = "Issue the calls of a month (yyyy-MM): self-employed, Achamil instalments, Tadamon statement",
			description = "Issuing a month again issues nothing more.")
	@PostMapping("/monthly-calls/{month}")
	MonthlyCalls.Issued issue(@PathVariable String month) {
		return monthly.issue(Months.firstDay("month", month));
	}

	@Operation(summary = "Apply the deadlines passed by a date: lapse unpaid calls, suspend Achamil and self-employed rights",
			description = "Runs every night by itself; running a date again changes nothing.")
	@PostMapping("/deadlines")
	Deadlines.Lapsed deadlines(@RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date) {
		return deadlines.apply(date);
	}

	@Operation(summary = "The State's Tadamon statement of a month (yyyy-MM): beneficiaries, amount, what is paid")
	@GetMapping("/tadamon-statements/{month}")
	ContributionCalls.Call tadamonStatement(@PathVariable String month) {
		LocalDate first = Months.firstDay("month", month);
		return calls.ofPayer(ContributionCalls.PayerKind.STATE, MonthlyCalls.STATE).stream()
			.filter(c -> c.month().equals(first)).findFirst()
			.orElseThrow(() -> new NotFound("month", "no Tadamon statement issued for " + month));
	}

	@Operation(summary = "Self-employed categories, every version")
	@GetMapping("/self-employed-categories")
	List<SelfEmployedCategory> categories() {
		return categories.all();
	}

	@Operation(summary = "Add a self-employed category or a new version of one from a date")
	@PostMapping("/self-employed-categories")
	ResponseEntity<SelfEmployedCategory> define(@RequestBody SelfEmployedCategory category) {
		return ResponseEntity.status(201).body(categories.define(category));
	}

	@Operation(summary = "Set the category a self-employed member contributes in")
	@Audited(record = "MEMBER", id = "registrationNumber", action = Action.CHANGE, purpose = "CONTRIBUTION_COLLECTION")
	@PutMapping("/self-employed/{registrationNumber}")
	SelfEmployedCategories.Activity classify(@PathVariable String registrationNumber, @RequestBody Classification body) {
		if (body.category() == null) {
			throw new InvalidInput("category", "required", "is required");
		}
		return categories.classify(registrationNumber, body.category(), body.pensioner(), body.since());
	}

	@Operation(summary = "Record an Achamil member's direct-debit mandate (RIB of 24 digits)")
	@Audited(record = "MEMBER", id = "registrationNumber", action = Action.CHANGE, purpose = "CONTRIBUTION_COLLECTION")
	@PutMapping("/achamil/{registrationNumber}/mandate")
	DirectDebits.Mandate mandate(@PathVariable String registrationNumber, @RequestBody MandateBody body) {
		return debits.mandate(registrationNumber, body.account(), body.signedOn());
	}

	@Operation(summary = "The direct debits to present for a month's Achamil instalments (yyyy-MM)")
	@GetMapping("/achamil/direct-debits/{month}")
	List<DirectDebits.Debit> directDebits(@PathVariable String month) {
		return debits.schedule(Months.firstDay("month", month));
	}

	record Classification(@Size(max = 20) String category, Boolean pensioner, LocalDate since) {
	}

	record MandateBody(@Size(max = 34) String account, @PastOrPresent LocalDate signedOn) {
	}
}
