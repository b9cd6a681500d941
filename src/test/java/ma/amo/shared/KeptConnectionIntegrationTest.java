package ma.amo.shared;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

import ma.amo.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A hospital's system keeps its connection to the platform and sends its checks one after another on it: the platform
 * does not close it every hundred requests (Tomcat's default), which made one check in a hundred wait for a new
 * connection.
 */
@IntegrationTest
class KeptConnectionIntegrationTest {

	/** Beyond the hundred requests after which the connector closed a connection by default. */
	static final int REQUESTS = 250;

	@LocalServerPort
	int port;

	@Test
	void a_client_sends_hundreds_of_requests_on_one_connection_without_being_told_to_close_it() throws IOException {
		try (Socket socket = new Socket("localhost", port)) {
			socket.setSoTimeout(10_000);
			OutputStream out = socket.getOutputStream();
			InputStream in = new BufferedInputStream(socket.getInputStream());
			for (int i = 1; i <= REQUESTS; i++) {
				out.write(("GET /css/amo.css HTTP/1.1\r\nHost: localhost\r\n\r\n")
					.getBytes(StandardCharsets.US_ASCII));
				out.flush();
				String head = head(in);
				assertThat(head).as("answer %d", i).startsWith("HTTP/1.1 200");
				assertThat(head.toLowerCase(Locale.ROOT)).as("answer %d", i).doesNotContain("connection: close");
				in.readNBytes(contentLength(head));
			}
			assertThat(socket.isClosed()).isFalse();
		}
	}

	/** The status line and headers, up to the blank line. */
	static String head(InputStream in) throws IOException {
		ByteArrayOutputStream head = new ByteArrayOutputStream();
		int matched = 0;
		while (matched < 4) {
			int b = in.read();
			if (b < 0) {
				throw new IOException("the platform closed the connection after: " + head.toString(StandardCharsets.US_ASCII));
			}
			head.write(b);
			matched = b == "\r\n\r\n".charAt(matched) ? matched + 1 : b == '\r' ? 1 : 0;
		}
		return head.toString(StandardCharsets.US_ASCII);
	}

	static int contentLength(String head) {
		for (String line : head.split("\r\n")) {
			if (line.toLowerCase(Locale.ROOT).startsWith("content-length:")) {
				return Integer.parseInt(line.substring("content-length:".length()).trim());
			}
		}
		throw new IllegalStateException("no Content-Length in " + head);
	}
}
