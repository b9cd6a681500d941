package ma.amo.web.agents;

import java.io.IOException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import ma.amo.providers.Sector;
import ma.amo.shared.NotFound;
import ma.amo.shared.Viewer;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;

/**
 * The administrators' referential imports: upload the payer's medicines referential (proposed as a new version, to
 * be published by a second agent) or a list of establishments, then follow the import on its page: a progress bar
 * that htmx refreshes every second with the rows the importer has checked and stored, and each rejected row (line,
 * column, reason) once it has finished. The tariff's acts have no file import: its versions are key-letter changes.
 */
@Controller
@RequestMapping("/agents/imports-referentiels")
class ReferentialImportPages {

	/** A medicines referential is a few megabytes; a file far larger is not one. */
	static final long MAX_BYTES = 50L * 1024 * 1024;
	private static final int NAME_MAX = 200;

	private final ReferentialImports imports;
	private final MessageSource messages;
	private final Clock clock;

	ReferentialImportPages(ReferentialImports imports, MessageSource messages, Clock clock) {
		this.imports = imports;
		this.messages = messages;
		this.clock = clock;
	}

	@GetMapping
	String list(Model model) {
		return list(model, List.of());
	}

	@PostMapping
	String upload(@RequestParam(required = false) String kind, @RequestParam(required = false) String date,
			@RequestParam(required = false) String sector, @RequestParam(required = false) MultipartFile file,
			Model model, Locale locale) throws IOException {
		List<Problems.Problem> problems = new ArrayList<>();
		ReferentialImports.Kind k = choice(ReferentialImports.Kind.class, "referential", kind, problems, locale);
		LocalDate day = date(date, k, problems, locale);
		Sector s = k == ReferentialImports.Kind.ESTABLISHMENTS
				? choice(Sector.class, "sector", sector, problems, locale) : null;
		if (file == null || file.isEmpty()) {
			problems.add(Problems.problem("referentialFile", "not-empty", messages, locale));
		}
		else if (file.getSize() > MAX_BYTES) {
			problems.add(Problems.problem("referentialFile", "max-size", messages, locale));
		}
		if (!problems.isEmpty()) {
			return list(model, problems);
		}
		String name = file.getOriginalFilename() == null || file.getOriginalFilename().isBlank() ? "referentiel.csv"
				: file.getOriginalFilename().strip();
		name = name.length() > NAME_MAX ? name.substring(0, NAME_MAX) : name;
		ReferentialImports.Job job = imports.start(new ReferentialImports.Request(k, name, file.getBytes(), day, s),
				Viewer.actingAccount());
		return "redirect:/agents/imports-referentiels/" + job.id();
	}

	@GetMapping("/{id}")
	String job(@PathVariable long id, Model model) {
		model.addAttribute("job", found(id));
		return "agents/referential-import";
	}

	/** The progress alone, which the import's page asks for again every second while it runs. */
	@GetMapping("/{id}/progression")
	String progress(@PathVariable long id, Model model) {
		model.addAttribute("job", found(id));
		return "agents/referential-import :: progress";
	}

	private ReferentialImports.Job found(long id) {
		return imports.job(id).orElseThrow(() -> new NotFound("id", "no referential import " + id));
	}

	private String list(Model model, List<Problems.Problem> problems) {
		model.addAttribute("jobs", imports.latest());
		model.addAttribute("problems", problems);
		model.addAttribute("kinds", ReferentialImports.Kind.values());
		model.addAttribute("sectors", Sector.values());
		return "agents/referential-imports";
	}

	/** The medicines version's date of effect (required), or the establishments' first day of activity (today if none). */
	private LocalDate date(String typed, ReferentialImports.Kind kind, List<Problems.Problem> problems, Locale locale) {
		String text = typed == null ? "" : typed.strip();
		if (text.isEmpty()) {
			if (kind == ReferentialImports.Kind.MEDICINES) {
				problems.add(Problems.problem("effectiveFrom", "required", messages, locale));
			}
			return LocalDate.now(clock);
		}
		try {
			LocalDate day = text.length() > 10 ? null : LocalDate.parse(text);
			if (day == null || day.getYear() < 2000 || day.getYear() > 2100) {
				problems.add(Problems.problem("effectiveFrom", "range", messages, locale));
			}
			return day;
		}
		catch (DateTimeParseException notADate) {
			problems.add(Problems.problem("effectiveFrom", "date", messages, locale));
			return null;
		}
	}

	private <E extends Enum<E>> E choice(Class<E> type, String field, String value, List<Problems.Problem> problems,
			Locale locale) {
		try {
			return Enum.valueOf(type, value == null ? "" : value.strip());
		}
		catch (IllegalArgumentException unknown) {
			problems.add(Problems.problem(field, "enum", messages, locale));
			return null;
		}
	}
}
