package ma.amo.conventions.web;

import java.net.URI;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import ma.amo.conventions.Convention;
import ma.amo.conventions.Conventions;
import ma.amo.shared.PageOf;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@Tag(name = "Conventions", description = "Conventions between the payer bodies and professional bodies or establishments, "
		+ "signed off by a second regulator, and the providers' adherences")
@RestController
@RequestMapping("/api/v1/conventions")
class ConventionController {

	private final Conventions conventions;

	ConventionController(Conventions conventions) {
		this.conventions = conventions;
	}

	/** A convention with its adherents. */
	record ConventionDetail(Convention convention, List<Convention.Adherence> adherents) {
	}

	@Operation(summary = "Conventions by payer body, provider (establishment party or adherent INPE) and text in the number or title")
	@ApiResponse(responseCode = "200", description = "The matching conventions, the regulator's records first")
	@ApiResponse(responseCode = "400", description = "A filter out of its bounds")
	@GetMapping
	PageOf<Convention> search(@RequestParam(required = false) String payerBody, @RequestParam(required = false) String inpe,
			@RequestParam(required = false) String text, @RequestParam(defaultValue = "0") int page,
			@RequestParam(defaultValue = "20") int size) {
		return conventions.search(payerBody, inpe, text, page, size);
	}

	@Operation(summary = "A convention and its adherents")
	@ApiResponse(responseCode = "200", description = "The convention")
	@ApiResponse(responseCode = "400", description = "Not a convention number")
	@ApiResponse(responseCode = "404", description = "No convention with this number")
	@GetMapping("/{number}")
	ConventionDetail convention(@PathVariable String number) {
		return new ConventionDetail(conventions.convention(number), conventions.adherents(number));
	}

	@Operation(summary = "Propose a signed convention, to be signed off by a second regulator")
	@ApiResponse(responseCode = "201", description = "The convention, a draft")
	@ApiResponse(responseCode = "400", description = "A field missing or out of its bounds, or a tariff version not published")
	@ApiResponse(responseCode = "404", description = "No establishment with this INPE")
	@ApiResponse(responseCode = "409", description = "A convention with this number is already on record")
	@PostMapping
	ResponseEntity<Convention> propose(@RequestBody Conventions.Proposal body) {
		Convention c = conventions.propose(body);
		return ResponseEntity.created(URI.create("/api/v1/conventions/" + c.number())).body(c);
	}

	@Operation(summary = "Sign off a draft convention (another regulator than its proposer)")
	@ApiResponse(responseCode = "200", description = "The convention signed")
	@ApiResponse(responseCode = "400", description = "Not a convention number")
	@ApiResponse(responseCode = "404", description = "No convention with this number")
	@ApiResponse(responseCode = "409", description = "Signed already, proposed by the same account, a directory period, "
			+ "or overlapping another convention of the establishment")
	@PostMapping("/{number}/approval")
	Convention approve(@PathVariable String number) {
		return conventions.approve(number);
	}

	@Operation(summary = "Record a professional's adherence to a signed convention of their professional body")
	@ApiResponse(responseCode = "201", description = "The adherence")
	@ApiResponse(responseCode = "400", description = "A field missing or out of bounds, a date outside the convention, "
			+ "or a profession the professional body does not represent")
	@ApiResponse(responseCode = "404", description = "No convention with this number or no professional with this INPE")
	@ApiResponse(responseCode = "409", description = "A draft or establishment's convention, or another adherence with "
			+ "the payer body over part of the period")
	@PostMapping("/{number}/adherents")
	ResponseEntity<Convention.Adherence> adhere(@PathVariable String number, @RequestBody Conventions.AdherenceRequest body) {
		Convention.Adherence a = conventions.adhere(number, body);
		return ResponseEntity.created(URI.create("/api/v1/conventions/" + number)).body(a);
	}

	@Operation(summary = "Record a professional's withdrawal from a convention, effective on the date given")
	@ApiResponse(responseCode = "200", description = "The adherence, ended")
	@ApiResponse(responseCode = "400", description = "A date missing, out of bounds or not after the adherence")
	@ApiResponse(responseCode = "404", description = "No convention with this number or no current adherence of this INPE")
	@ApiResponse(responseCode = "409", description = "A directory period")
	@PostMapping("/{number}/adherents/{inpe}/withdrawal")
	Convention.Adherence withdraw(@PathVariable String number, @PathVariable String inpe,
			@RequestBody Conventions.Withdrawal body) {
		return conventions.withdraw(number, inpe, body);
	}
}
