package ma.amo;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Method;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.lang.reflect.WildcardType;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import io.swagger.v3.oas.annotations.media.Schema;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.type.filter.AnnotationTypeFilter;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The OpenAPI description names a schema after its class (or its {@code @Schema(name)}): two classes of the same name
 * reachable from the API would be documented as one, the second overwriting the first (a claim line shown with the
 * fields of a submitted line). Every type the controllers take or answer must therefore have a name of its own.
 */
class SchemaNamesTest {

	@Test
	void noTwoTypesOfTheApiShareASchemaName() throws Exception {
		ClassPathScanningCandidateComponentProvider scanner = new ClassPathScanningCandidateComponentProvider(false);
		scanner.addIncludeFilter(new AnnotationTypeFilter(RestController.class));
		Set<Class<?>> reached = new HashSet<>();
		for (BeanDefinition controller : scanner.findCandidateComponents("ma.amo")) {
			for (Method method : Class.forName(controller.getBeanClassName()).getDeclaredMethods()) {
				if (!org.springframework.core.annotation.AnnotatedElementUtils.hasAnnotation(method, RequestMapping.class)) {
					continue;
				}
				walk(method.getGenericReturnType(), reached);
				for (int i = 0; i < method.getParameterCount(); i++) {
					if (method.getParameters()[i].isAnnotationPresent(RequestBody.class)) {
						walk(method.getGenericParameterTypes()[i], reached);
					}
				}
			}
		}
		Map<String, Set<String>> byName = new TreeMap<>();
		for (Class<?> type : reached) {
			Schema schema = type.getAnnotation(Schema.class);
			String name = schema != null && !schema.name().isBlank() ? schema.name() : type.getSimpleName();
			byName.computeIfAbsent(name, n -> new TreeSet<>()).add(type.getName());
		}
		List<String> shared = new ArrayList<>();
		byName.forEach((name, types) -> {
			if (types.size() > 1) {
				shared.add(name + ": " + types);
			}
		});
		assertThat(reached).hasSizeGreaterThan(20);
		assertThat(shared).isEmpty();
	}

	/** The classes of the platform a type documents as schemas of their own (enums are written inline). */
	private static void walk(Type type, Set<Class<?>> reached) {
		if (type instanceof ParameterizedType parameterized) {
			walk(parameterized.getRawType(), reached);
			for (Type argument : parameterized.getActualTypeArguments()) {
				walk(argument, reached);
			}
		}
		else if (type instanceof WildcardType wildcard) {
			for (Type bound : wildcard.getUpperBounds()) {
				walk(bound, reached);
			}
		}
		else if (type instanceof Class<?> cls) {
			if (cls.isArray()) {
				walk(cls.getComponentType(), reached);
				return;
			}
			if (!cls.getName().startsWith("ma.amo.") || cls.isEnum() || !reached.add(cls)) {
				return;
			}
			if (cls.isRecord()) {
				for (RecordComponent component : cls.getRecordComponents()) {
					walk(component.getGenericType(), reached);
				}
			}
			else {
				for (java.lang.reflect.Field field : cls.getDeclaredFields()) {
					if (!java.lang.reflect.Modifier.isStatic(field.getModifiers())) {
						walk(field.getGenericType(), reached);
					}
				}
			}
		}
	}
}
