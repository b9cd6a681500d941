package ma.amo.demo;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

/** A list of values drawn at random in proportion to their weights. */
final class Weighted<T> {

	private final List<T> values;
	private final double[] cumulative;

	Weighted(List<T> values, List<? extends Number> weights) {
		this.values = List.copyOf(values);
		this.cumulative = new double[values.size()];
		double sum = 0;
		for (int i = 0; i < values.size(); i++) {
			sum += weights.get(i).doubleValue();
			cumulative[i] = sum;
		}
	}

	T draw(Random random) {
		double x = random.nextDouble() * cumulative[cumulative.length - 1];
		int i = Arrays.binarySearch(cumulative, x);
		return values.get(i < 0 ? -i - 1 : i);
	}

	List<T> values() {
		return values;
	}

	/** Reads a CSV resource with a header line; no quoting (the demo resources have no commas in values). */
	static List<String[]> rows(String resource) {
		try (var in = Weighted.class.getResourceAsStream(resource)) {
			if (in == null) {
				throw new IllegalStateException("missing resource " + resource);
			}
			BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
			List<String[]> rows = new ArrayList<>();
			reader.readLine();
			for (String line; (line = reader.readLine()) != null;) {
				if (!line.isBlank()) {
					rows.add(line.split(",", -1));
				}
			}
			return rows;
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}
}
