package ma.amo.shared;

import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.TokenStreamContext;
import tools.jackson.databind.json.JsonMapper;

/** The path of a JSON field as the platform names it in problems: {@code lines[1].careDate}, {@code body} for the root. */
final class JsonPaths {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private JsonPaths() {
	}

	/** The field being read where the parser stands. */
	static String of(TokenStreamContext context) {
		StringBuilder path = new StringBuilder();
		of(context, path);
		return path.isEmpty() ? "body" : path.toString();
	}

	private static void of(TokenStreamContext context, StringBuilder path) {
		if (context == null || context.inRoot()) {
			return;
		}
		of(context.getParent(), path);
		if (context.inArray()) {
			path.append('[').append(Math.max(context.getCurrentIndex(), 0)).append(']');
		}
		else if (context.currentName() != null) {
			path.append(path.isEmpty() ? "" : ".").append(context.currentName());
		}
	}

	/** The field whose value holds the byte at {@code offset}: the body is read up to there, and no further. */
	static String at(byte[] body, int offset) {
		try (JsonParser parser = JSON.createParser(body, 0, offset)) {
			try {
				while (parser.nextToken() != null) {
					// Only the position matters.
				}
			}
			catch (JacksonException e) {
				// The body is cut inside the value: the parser stands on its field.
			}
			return of(parser.streamReadContext());
		}
	}
}
