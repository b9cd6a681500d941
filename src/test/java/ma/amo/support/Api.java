package ma.amo.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.UUID;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

/** A client of the platform's REST API over real HTTP, reading JSON answers as trees. */
public final class Api {

	private static final ObjectMapper JSON = JsonMapper.builder().build();

	private final HttpClient http = HttpClient.newHttpClient();
	private final String base;

	public Api(int port) {
		this.base = "http://localhost:" + port;
	}

	public record Response(int status, JsonNode body, String raw) {
	}

	/** Gets with extra headers given as name, value pairs (e.g. a purpose). */
	public Response get(String path, String... headers) {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path)).GET();
		for (int i = 0; i + 1 < headers.length; i += 2) {
			request.header(headers[i], headers[i + 1]);
		}
		return send(request);
	}

	/** Posts JSON with extra headers given as name, value pairs (e.g. an idempotency key). */
	public Response post(String path, String json, String... headers) {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path)).header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(json));
		for (int i = 0; i + 1 < headers.length; i += 2) {
			request.header(headers[i], headers[i + 1]);
		}
		return send(request);
	}

	public Response put(String path, String json) {
		return send(HttpRequest.newBuilder(URI.create(base + path)).header("Content-Type", "application/json")
			.PUT(HttpRequest.BodyPublishers.ofString(json)));
	}

	/** Uploads a file as multipart/form-data part {@code file}. */
	public Response upload(String path, String fileName, String content) {
		String boundary = "amo-" + UUID.randomUUID();
		String body = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + fileName
				+ "\"\r\nContent-Type: text/csv\r\n\r\n" + content + "\r\n--" + boundary + "--\r\n";
		return send(HttpRequest.newBuilder(URI.create(base + path))
			.header("Content-Type", "multipart/form-data; boundary=" + boundary)
			.POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)));
	}

	private Response send(HttpRequest.Builder request) {
		try {
			HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
			String raw = response.body();
			JsonNode body = raw == null || raw.isBlank() || !raw.strip().startsWith("{") && !raw.strip().startsWith("[")
					? null : JSON.readTree(raw);
			return new Response(response.statusCode(), body, raw);
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(e);
		}
	}
}
