package ma.amo.tariffs.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import ma.amo.tariffs.Quotes;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@Tag(name = "Quote", description = "What will be reimbursed for care, for a regime, on a date, and why")
@RestController
@RequestMapping("/api/v1/tariffs/quote")
class QuoteController {

	private final Quotes quotes;

	QuoteController(Quotes quotes) {
		this.quotes = quotes;
	}

	@Operation(summary = "Price care lines: base, rate, covered amount, patient share and the rules applied per line")
	@PostMapping
	Quotes.Quotation quote(@RequestBody Quotes.Request request) {
		return quotes.quote(request);
	}
}
