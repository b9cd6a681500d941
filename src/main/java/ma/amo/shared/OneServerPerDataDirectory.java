package ma.amo.shared;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import javax.sql.DataSource;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Makes sure the embedded PostgreSQL the platform talks to is the one of its own data directory. Without these
 * checks a second instance started on a taken port believed it had started its server and then read and wrote the
 * first instance's database; and after a {@code kill -9} the orphaned server of the same directory kept the port.
 */
final class OneServerPerDataDirectory {

	private static final Logger log = LoggerFactory.getLogger(OneServerPerDataDirectory.class);
	private static final Duration STOP_WAIT = Duration.ofSeconds(60);

	private OneServerPerDataDirectory() {
	}

	/**
	 * Stops a PostgreSQL still running on this data directory when no live instance holds the directory: it was left
	 * by an instance killed without a shutdown. A fast shutdown keeps every committed transaction; the platform then
	 * starts the server afresh with its own settings.
	 */
	static void stopOrphan(Path dataDirectory) throws IOException {
		Path pidFile = dataDirectory.resolve("postmaster.pid");
		if (!Files.exists(pidFile)) {
			return;
		}
		List<String> lines = Files.readAllLines(pidFile);
		if (lines.isEmpty() || !lines.get(0).strip().matches("\\d+")) {
			return;
		}
		long pid = Long.parseLong(lines.get(0).strip());
		Optional<ProcessHandle> postmaster = ProcessHandle.of(pid)
			.filter(ProcessHandle::isAlive)
			.filter(p -> p.info().command().map(c -> c.endsWith("postgres")).orElse(false));
		if (postmaster.isEmpty()) {
			// A stale file of a server that is gone: PostgreSQL itself starts over it.
			return;
		}
		if (heldByALiveInstance(dataDirectory)) {
			throw new IllegalStateException("The data directory " + dataDirectory + " is used by another running instance"
					+ " of the platform (its PostgreSQL has pid " + pid + "): stop it, or set"
					+ " amo.embedded-postgres.data-directory to another directory");
		}
		String port = lines.size() > 3 ? lines.get(3).strip() : "?";
		log.warn("PostgreSQL left running on port {} (pid {}) by an instance stopped without a shutdown on {}: stopping it"
				+ " to start it afresh", port, pid, dataDirectory);
		try {
			// SIGINT: PostgreSQL's fast shutdown, which ends the dead instance's sessions and keeps what they committed.
			new ProcessBuilder("kill", "-INT", Long.toString(pid)).inheritIO().start().waitFor();
			postmaster.get().onExit().get(STOP_WAIT.toSeconds(), TimeUnit.SECONDS);
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("interrupted while stopping the orphaned PostgreSQL " + pid, e);
		}
		catch (TimeoutException | ExecutionException e) {
			throw new IllegalStateException("The orphaned PostgreSQL (pid " + pid + ") of " + dataDirectory
					+ " did not stop within " + STOP_WAIT.toSeconds() + " s", e);
		}
	}

	/** The embedded PostgreSQL library locks this file in the data directory for as long as its instance runs. */
	private static boolean heldByALiveInstance(Path dataDirectory) throws IOException {
		Path lockFile = dataDirectory.resolve("epg-lock");
		if (!Files.exists(lockFile)) {
			return false;
		}
		try (FileChannel channel = FileChannel.open(lockFile, StandardOpenOption.WRITE)) {
			FileLock lock = channel.tryLock();
			if (lock == null) {
				return true;
			}
			lock.release();
			return false;
		}
		catch (java.nio.channels.OverlappingFileLockException e) {
			return true;
		}
	}

	/** Refuses to start when something already answers on the port: PostgreSQL would not start, yet look started. */
	static void requireFreePort(int port) {
		if (port == 0) {
			return;
		}
		for (InetAddress address : localhost()) {
			try (Socket socket = new Socket()) {
				socket.connect(new InetSocketAddress(address, port), 1000);
			}
			catch (IOException free) {
				continue;
			}
			throw new IllegalStateException("Port " + port + " is already taken on localhost (another instance of the"
					+ " platform, or another PostgreSQL): set amo.embedded-postgres.port to a free port, or stop what"
					+ " listens on " + port);
		}
	}

	private static InetAddress[] localhost() {
		try {
			return InetAddress.getAllByName("localhost");
		}
		catch (IOException e) {
			return new InetAddress[] { InetAddress.getLoopbackAddress() };
		}
	}

	/** The server that answers must be the one of the configured data directory, whatever answered on the port. */
	static void requireDataDirectory(DataSource server, int port, Path dataDirectory) throws IOException {
		String served = JdbcClient.create(server).sql("show data_directory").query(String.class).single();
		if (!Path.of(served).toRealPath().equals(dataDirectory.toRealPath())) {
			throw new IllegalStateException("The PostgreSQL answering on port " + port + " serves the data directory "
					+ served + ", not " + dataDirectory + ": set amo.embedded-postgres.port to a free port");
		}
	}
}
