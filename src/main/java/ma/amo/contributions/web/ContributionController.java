package ma.amo.contributions.web;

import java.math.BigDecimal;
import java.time.LocalDate;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Size;
import ma.amo.contributions.ContributionRates;
import ma.amo.contributions.ContributionRates.Contribution;
import ma.amo.shared.InvalidInput;
import ma.amo.shared.Money;
import ma.amo.shared.Months;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@Tag(name = "Contributions", description = "Monthly contributions and their shares")
@RestController
@RequestMapping("/api/v1/contributions")
class ContributionController {

	private final ContributionRates rates;

	ContributionController(ContributionRates rates) {
		this.rates = rates;
	}

	@Operation(summary = "The contribution of a month (yyyy-MM) for a basis: SALARIED, SALARIED_PENSIONER, PUBLIC_SECTOR or PUBLIC_PENSIONER")
	@PostMapping("/computations")
	Contribution compute(@RequestBody Computation body) {
		if (body.amount() == null) {
			throw new InvalidInput("amount", "required", "is required");
		}
		LocalDate month = Months.firstDay("month", body.month());
		Money amount = new Money(body.amount());
		return switch (body.basis() == null ? "" : body.basis()) {
			case "SALARIED" -> rates.salaried(amount, month);
			case "SALARIED_PENSIONER" -> rates.salariedPensioner(amount, month);
			case "PUBLIC_SECTOR" -> rates.publicSector(amount, month);
			case "PUBLIC_PENSIONER" -> rates.publicPensioner(amount, month);
			default -> throw new InvalidInput("basis", "enum",
					"must be SALARIED, SALARIED_PENSIONER, PUBLIC_SECTOR or PUBLIC_PENSIONER");
		};
	}

	record Computation(@Size(max = 20) String basis, @Digits(integer = 10, fraction = 2) BigDecimal amount,
			@Size(max = 7) String month) {
	}
}
