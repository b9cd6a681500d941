package ma.amo.population.web;

import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import ma.amo.audit.Audited;
import ma.amo.population.Person;
import ma.amo.population.PopulationRegister;
import ma.amo.population.RsuScore;
import ma.amo.shared.NotFound;
import ma.amo.shared.PageOf;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@Tag(name = "Persons", description = "The population register and social register scores")
@RestController
@RequestMapping("/api/v1/persons")
class PersonController {

	private final PopulationRegister register;

	PersonController(PopulationRegister register) {
		this.register = register;
	}

	@Operation(summary = "Persons of the register in IDCS order, optionally by region or family-name prefix")
	@Audited(record = "PERSON", returned = "idcs", purpose = "REGISTER_MANAGEMENT")
	@GetMapping
	PageOf<Person> persons(@RequestParam(required = false) String region,
			@RequestParam(required = false) String lastName, @RequestParam(defaultValue = "0") int page,
			@RequestParam(defaultValue = "20") int size) {
		PageOf.check(page, size, 500);
		return register.persons(region, lastName, page, size);
	}

	@Operation(summary = "One person by IDCS, with the history of their RSU scores")
	@Audited(record = "PERSON", id = "idcs", purpose = "REGISTER_MANAGEMENT")
	@GetMapping("/{idcs}")
	PersonView person(@PathVariable String idcs) {
		register.checkIdcs("idcs", idcs);
		Person person = register.person(idcs).orElseThrow(() -> new NotFound("idcs", "no person with IDCS " + idcs));
		return new PersonView(person, register.scoreHistory(idcs));
	}

	record PersonView(Person person, List<RsuScore> rsuScores) {
	}
}
