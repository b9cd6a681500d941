package ma.amo.population;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import jakarta.annotation.PreDestroy;
import ma.amo.population.imports.ExtractLoader;
import ma.amo.population.imports.ImportJobs;
import ma.amo.shared.NotFound;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * Imports register extracts. Submitted files are queued and loaded one at a time in the background (two loads of the
 * same register at once would race on the same rows); the job resource shows their progress.
 */
@Service
public class PopulationImports {

	private static final Logger log = LoggerFactory.getLogger(PopulationImports.class);

	private final ImportJobs jobs;
	private final ExtractLoader loader;
	private final PopulationSettings settings;
	private final ExecutorService queue = Executors.newSingleThreadExecutor(r -> new Thread(r, "register-import"));

	PopulationImports(ImportJobs jobs, ExtractLoader loader, PopulationSettings settings) {
		this.jobs = jobs;
		this.loader = loader;
		this.settings = settings;
		int interrupted = jobs.failInterrupted();
		if (interrupted > 0) {
			log.warn("{} import job(s) interrupted by the last stop were marked failed", interrupted);
		}
		removeInterruptedUploads();
	}

	/**
	 * Uploads are deleted once imported; those still in the import directory at start belong to jobs a stop (a crash,
	 * a kill -9) interrupted, already marked failed, and would otherwise pile up, extracts of the whole register each.
	 */
	private void removeInterruptedUploads() {
		Path directory = settings.importDirectory();
		if (!Files.isDirectory(directory)) {
			return;
		}
		int removed = 0;
		try (var uploads = Files.newDirectoryStream(directory, "{rnp,rsu,household}-*.csv")) {
			for (Path upload : uploads) {
				Files.deleteIfExists(upload);
				removed++;
			}
		}
		catch (IOException e) {
			log.warn("Could not remove the uploads of interrupted imports in {}", directory, e);
		}
		if (removed > 0) {
			log.warn("{} upload(s) of interrupted imports removed from {}", removed, directory);
		}
	}

	/** Keeps the uploaded file and queues its import; returns the queued job at once. */
	public ImportJob submit(ImportKind kind, ImportMode mode, String fileName, InputStream content) {
		Path file;
		try {
			Files.createDirectories(settings.importDirectory());
			file = Files.createTempFile(settings.importDirectory(), kind.name().toLowerCase() + "-", ".csv");
			Files.copy(content, file, StandardCopyOption.REPLACE_EXISTING);
		}
		catch (IOException e) {
			throw new UncheckedIOException("could not keep the uploaded file", e);
		}
		ImportJob job = create(kind, mode, fileName, file);
		queue.execute(() -> loadAndDelete(job, file));
		return job;
	}

	/** Imports a file in the calling thread and returns the finished job (demo data set, command line). */
	public ImportJob importNow(ImportKind kind, ImportMode mode, Path file) {
		ImportJob job = create(kind, mode, file.getFileName().toString(), file);
		loader.load(job, file);
		return job(job.id());
	}

	public ImportJob job(long id) {
		return jobs.find(id).orElseThrow(() -> new NotFound("id", "no import job " + id));
	}

	public List<ImportJob> jobs(int page, int size) {
		return jobs.page(page, size);
	}

	public long countJobs() {
		return jobs.count();
	}

	public List<ImportRejection> rejections(long jobId, int page, int size) {
		job(jobId);
		return jobs.rejections(jobId, page, size);
	}

	private ImportJob create(ImportKind kind, ImportMode mode, String fileName, Path file) {
		try {
			return jobs.create(kind, mode, fileName, Files.size(file));
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	private void loadAndDelete(ImportJob job, Path file) {
		try {
			loader.load(job, file);
		}
		finally {
			try {
				Files.deleteIfExists(file);
			}
			catch (IOException e) {
				log.warn("Could not delete {}", file, e);
			}
		}
	}

	@PreDestroy
	void stop() {
		queue.shutdownNow();
	}
}
