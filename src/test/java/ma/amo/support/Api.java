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

	/** The administrator the test profile creates at start. */
	public static final String ADMINISTRATOR = "admin";
	public static final String ADMINISTRATOR_PASSWORD = "test-administrator-password";

	private final HttpClient http = HttpClient.newHttpClient();
	private final String base;
	private final String username;
	private final String password;
	private final String totpSecret;
	private final String bearer;

	/** A client logged in as the administrator. */
	public Api(int port) {
		this("http://localhost:" + port, ADMINISTRATOR, ADMINISTRATOR_PASSWORD, null, null);
	}

	private Api(String base, String username, String password, String totpSecret, String bearer) {
		this.base = base;
		this.username = username;
		this.password = password;
		this.totpSecret = totpSecret;
		this.bearer = bearer;
	}

	/** The same platform, logged in as another user (an agent also gives the TOTP secret of their second factor). */
	public Api as(String username, String password, String totpSecret) {
		return new Api(base, username, password, totpSecret, null);
	}

	public Api as(String username, String password) {
		return as(username, password, null);
	}

	/** The same platform, called by a system with its OAuth2 access token. */
	public Api withToken(String accessToken) {
		return new Api(base, null, null, null, accessToken);
	}

	/** The same platform without credentials. */
	public Api anonymous() {
		return new Api(base, null, null, null, null);
	}

	public String base() {
		return base;
	}

	/** The account this client is logged in as (null when anonymous or a system's token). */
	public String username() {
		return username;
	}

	/** Its password, for a browser that logs in with the same account. */
	public String password() {
		return password;
	}

	/** The TOTP secret of an agent's second factor (null for other roles). */
	public String totpSecret() {
		return totpSecret;
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

	/** Posts a body given as bytes, as it is (malformed JSON, bytes that are not UTF-8...). */
	public Response post(String path, String contentType, byte[] body, String... headers) {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path)).header("Content-Type", contentType)
			.POST(HttpRequest.BodyPublishers.ofByteArray(body));
		for (int i = 0; i + 1 < headers.length; i += 2) {
			request.header(headers[i], headers[i + 1]);
		}
		return send(request);
	}

	/** Uploads a file given as bytes as multipart/form-data part {@code file}. */
	public Response upload(String path, String fileName, byte[] content) {
		String boundary = "amo-" + UUID.randomUUID();
		byte[] head = ("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + fileName
				+ "\"\r\nContent-Type: text/csv\r\n\r\n").getBytes(StandardCharsets.UTF_8);
		byte[] tail = ("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8);
		java.io.ByteArrayOutputStream body = new java.io.ByteArrayOutputStream();
		body.writeBytes(head);
		body.writeBytes(content);
		body.writeBytes(tail);
		return post(path, "multipart/form-data; boundary=" + boundary, body.toByteArray());
	}

	/** Gets a binary answer (a zip, a file) as bytes with its headers. */
	public HttpResponse<byte[]> download(String path, String... headers) {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path)).GET();
		for (int i = 0; i + 1 < headers.length; i += 2) {
			request.header(headers[i], headers[i + 1]);
		}
		try {
			HttpResponse<byte[]> response = http.send(authorised(request).build(),
					HttpResponse.BodyHandlers.ofByteArray());
			ApiCalls.record("GET", response.uri().getPath(), response.statusCode());
			return response;
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(e);
		}
	}

	private HttpRequest.Builder authorised(HttpRequest.Builder request) {
		if (bearer != null) {
			request.header("Authorization", "Bearer " + bearer);
		}
		else if (username != null && totpSecret != null) {
			request.header("Authorization", "Bearer " + sessionToken());
		}
		else if (username != null) {
			request.header("Authorization", "Basic " + java.util.Base64.getEncoder()
				.encodeToString((username + ":" + password).getBytes(StandardCharsets.UTF_8)));
		}
		return request;
	}

	/** A signed-in agent's token, and until when it serves. */
	private record Session(String token, java.time.Instant until) {
	}

	/** Agents sign in once with a code (each code opens one login) and work with the token, as a script does. */
	private static final java.util.Map<String, Session> SESSIONS = new java.util.concurrent.ConcurrentHashMap<>();

	private String sessionToken() {
		return SESSIONS.compute(base + " " + username, (k, known) -> known != null
				&& known.until().isAfter(java.time.Instant.now(RealTime.CLOCK)) ? known : signIn()).token();
	}

	private Session signIn() {
		String body = JSON.createObjectNode().put("username", username).put("password", password)
			.put("code", ma.amo.security.Totp.code(totpSecret, java.time.Instant.now(RealTime.CLOCK))).toString();
		try {
			HttpResponse<String> answer = http.send(HttpRequest.newBuilder(URI.create(base + "/api/v1/sessions"))
				.header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build(),
					HttpResponse.BodyHandlers.ofString());
			if (answer.statusCode() != 201) {
				throw new IllegalStateException("sign-in of " + username + " refused: " + answer.body());
			}
			JsonNode signedIn = JSON.readTree(answer.body());
			return new Session(signedIn.get("accessToken").asText(),
					java.time.Instant.now(RealTime.CLOCK).plusSeconds(signedIn.get("expiresIn").asLong() - 30));
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(e);
		}
	}

	private Response send(HttpRequest.Builder request) {
		authorised(request);
		try {
			HttpRequest built = request.build();
			HttpResponse<String> response = http.send(built, HttpResponse.BodyHandlers.ofString());
			ApiCalls.record(built.method(), built.uri().getPath(), response.statusCode());
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
