package ma.amo;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.TreeSet;
import java.util.regex.Pattern;

import ma.amo.support.Api;
import ma.amo.support.ApiCalls;
import ma.amo.support.IntegrationTest;
import ma.amo.support.RunsLast;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/**
 * The OpenAPI description tells the truth about statuses: every answer an integration test received from an operation
 * of the API in this run (recorded by {@link Api}) is one the description lists for that operation. Runs after every
 * other test class ({@link RunsLast}); run alone, it checks only its own call.
 */
@IntegrationTest
@RunsLast
class ApiStatusesDocumentedIntegrationTest {

	@LocalServerPort
	int port;

	private record Operation(String template, Pattern pattern, long variables) {
	}

	@Test
	void everyStatusTheTestsReceivedIsDocumentedForItsOperation() throws IOException {
		Api.Response docs = new Api(port).get("/v3/api-docs");
		assertThat(docs.status()).isEqualTo(200);
		Files.createDirectories(Path.of("target"));
		Files.writeString(Path.of("target", "api-docs.json"), docs.raw());
		JsonNode paths = docs.body().get("paths");
		List<Operation> operations = new ArrayList<>();
		for (String template : paths.propertyNames()) {
			operations.add(new Operation(template,
					Pattern.compile(Pattern.quote(template).replaceAll("\\{[^}]+}", "\\\\E[^/]+\\\\Q")),
					template.chars().filter(c -> c == '{').count()));
		}
		// The most literal template first: /claims/reason-codes before /claims/{id}.
		operations.sort(Comparator.comparingLong(Operation::variables));
		TreeSet<String> undocumented = new TreeSet<>();
		for (ApiCalls.Call call : ApiCalls.all()) {
			if (!call.path().startsWith("/api/")) {
				continue;
			}
			Operation operation = operations.stream().filter(o -> o.pattern().matcher(call.path()).matches()).findFirst()
				.orElse(null);
			if (operation == null) {
				undocumented.add(call.method() + " " + call.path() + ": no operation in the description");
				continue;
			}
			JsonNode described = paths.get(operation.template()).get(call.method().toLowerCase());
			if (described == null) {
				undocumented.add(call.method() + " " + operation.template() + ": method not in the description");
				continue;
			}
			JsonNode responses = described.get("responses");
			if (!responses.has(String.valueOf(call.status())) && !responses.has("default")) {
				undocumented.add(call.method() + " " + operation.template() + " answered " + call.status() + ", documented "
						+ responses.propertyNames());
			}
		}
		assertThat(undocumented).isEmpty();
	}
}
