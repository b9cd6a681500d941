package ma.amo.web.agents;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Locale;

import ma.amo.population.ImportJob;
import ma.amo.population.ImportKind;
import ma.amo.population.ImportMode;
import ma.amo.population.PopulationImports;
import ma.amo.shared.InvalidInput;
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
 * The administrators' register imports: upload an RNP or RSU extract, then follow its job with a progress bar that
 * htmx refreshes every second until the job has finished (the share of the file read, then the merge and its counts).
 */
@Controller
@RequestMapping("/agents/imports")
class ImportPages {

	private static final int LATEST = 20;
	/** A file name is only shown back: longer names are cut. */
	private static final int NAME_MAX = 200;

	private final PopulationImports imports;
	private final MessageSource messages;

	ImportPages(PopulationImports imports, MessageSource messages) {
		this.imports = imports;
		this.messages = messages;
	}

	@GetMapping
	String list(Model model) {
		return list(model, List.of());
	}

	@PostMapping
	String upload(@RequestParam(required = false) String kind, @RequestParam(required = false) String mode,
			@RequestParam(required = false) MultipartFile file, Model model, Locale locale) throws IOException {
		try {
			ImportKind k = choice(ImportKind.class, "kind", kind);
			ImportMode m = choice(ImportMode.class, "mode", mode);
			if (file == null || file.isEmpty()) {
				throw new InvalidInput("file", "not-empty", "the uploaded file is empty");
			}
			String name = file.getOriginalFilename() == null || file.getOriginalFilename().isBlank() ? "upload.csv"
					: file.getOriginalFilename().strip();
			ImportJob job;
			try (InputStream content = file.getInputStream()) {
				job = imports.submit(k, m, name.length() > NAME_MAX ? name.substring(0, NAME_MAX) : name, content);
			}
			return "redirect:/agents/imports/" + job.id();
		}
		catch (InvalidInput invalid) {
			return list(model, Problems.of(invalid, messages, locale));
		}
	}

	@GetMapping("/{id}")
	String job(@PathVariable long id, Model model) {
		model.addAttribute("job", imports.job(id));
		return "agents/import";
	}

	/** The progress alone, which the job's page asks for again every second while the job runs. */
	@GetMapping("/{id}/progression")
	String progress(@PathVariable long id, Model model) {
		model.addAttribute("job", imports.job(id));
		return "agents/import :: progress";
	}

	private String list(Model model, List<Problems.Problem> problems) {
		model.addAttribute("jobs", imports.jobs(0, LATEST));
		model.addAttribute("problems", problems);
		model.addAttribute("kinds", ImportKind.values());
		model.addAttribute("modes", ImportMode.values());
		return "agents/imports";
	}

	private static <E extends Enum<E>> E choice(Class<E> type, String field, String value) {
		try {
			return Enum.valueOf(type, value == null ? "" : value.strip());
		}
		catch (IllegalArgumentException unknown) {
			throw new InvalidInput(field, "enum", "one of the values offered");
		}
	}
}
