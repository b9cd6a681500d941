package ma.amo.population.web;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import ma.amo.population.ImportJob;
import ma.amo.population.ImportKind;
import ma.amo.population.ImportMode;
import ma.amo.population.ImportRejection;
import ma.amo.population.PopulationImports;
import ma.amo.shared.InvalidInput;
import ma.amo.shared.PageOf;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

@Tag(name = "Register imports", description = "Imports of population (RNP) and social register (RSU) extracts")
@RestController
@RequestMapping("/api/v1/import-jobs")
class ImportJobController {

	private final PopulationImports imports;

	ImportJobController(PopulationImports imports) {
		this.imports = imports;
	}

	@Operation(summary = "Upload an extract (CSV, UTF-8, header line) and queue its import",
			description = "RNP columns: idcs, cin, last_name, first_name, last_name_ar, first_name_ar, birth_date, sex, "
					+ "commune, province, region, death_date. RSU columns: household_id, idcs, score, score_date. "
					+ "HOUSEHOLD (the Interior ministry's Tadamon applications) columns: household_id, idcs, "
					+ "relation (HEAD, SPOUSE, CHILD), applied_on; its answer file is at /api/v1/tadamon/household-files/{id}/answers. "
					+ "Comma or semicolon separated; dates yyyy-MM-dd. Answers 202 with the job to follow.")
	@io.swagger.v3.oas.annotations.responses.ApiResponse(responseCode = "202", description = "The import job accepted: it runs in the background")
	@PostMapping(consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
	ResponseEntity<ImportJobView> submit(@RequestParam ImportKind kind,
			@RequestParam(defaultValue = "ALL_OR_NOTHING") ImportMode mode, @RequestPart MultipartFile file)
			throws IOException {
		if (file.isEmpty()) {
			throw new InvalidInput("file", "not-empty", "the uploaded file is empty");
		}
		ImportJob job;
		try (InputStream content = file.getInputStream()) {
			String name = file.getOriginalFilename() == null ? "upload.csv" : file.getOriginalFilename();
			job = imports.submit(kind, mode, name, content);
		}
		return ResponseEntity.accepted().location(URI.create("/api/v1/import-jobs/" + job.id())).body(ImportJobView.of(job));
	}

	@Operation(summary = "Import jobs, newest first")
	@GetMapping
	PageOf<ImportJobView> jobs(@RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "20") int size) {
		PageOf.check(page, size, 200);
		return PageOf.of(imports.jobs(page, size).stream().map(ImportJobView::of).toList(), page, size,
				imports.countJobs());
	}

	@Operation(summary = "One import job: status, phase, counts and percentage read")
	@GetMapping("/{id}")
	ImportJobView job(@PathVariable long id) {
		return ImportJobView.of(imports.job(id));
	}

	@Operation(summary = "The rejected rows of a job: line, field and reason")
	@GetMapping("/{id}/rejections")
	PageOf<ImportRejection> rejections(@PathVariable long id, @RequestParam(defaultValue = "0") int page,
			@RequestParam(defaultValue = "100") int size) {
		PageOf.check(page, size, 1000);
		ImportJob job = imports.job(id);
		return PageOf.of(imports.rejections(id, page, size), page, size, job.rowsRejected());
	}

	record ImportJobView(long id, ImportKind kind, String fileName, ImportMode mode, ImportJob.Status status,
			String phase, int percentRead, long totalBytes, long bytesRead, long rowsRead, long rowsRejected,
			long rowsInserted, long rowsUpdated, long rowsUnchanged, String message, java.time.Instant createdAt,
			java.time.Instant startedAt, java.time.Instant finishedAt) {

		static ImportJobView of(ImportJob j) {
			return new ImportJobView(j.id(), j.kind(), j.fileName(), j.mode(), j.status(), j.phase(), j.percentRead(),
					j.totalBytes(), j.bytesRead(), j.rowsRead(), j.rowsRejected(), j.rowsInserted(), j.rowsUpdated(),
					j.rowsUnchanged(), j.message(), j.createdAt(), j.startedAt(), j.finishedAt());
		}
	}
}
