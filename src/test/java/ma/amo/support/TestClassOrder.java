package ma.amo.support;

import java.util.Comparator;

import org.junit.jupiter.api.ClassOrderer;
import org.junit.jupiter.api.ClassOrdererContext;

/**
 * Keeps the classes in the order JUnit found them, except those marked {@link RunsLast}, which go at the end (the
 * sort is stable). Set as the default in {@code junit-platform.properties}.
 */
public final class TestClassOrder implements ClassOrderer {

	@Override
	public void orderClasses(ClassOrdererContext context) {
		context.getClassDescriptors()
			.sort(Comparator.comparingInt(d -> d.findAnnotation(RunsLast.class).isPresent() ? 1 : 0));
	}
}
