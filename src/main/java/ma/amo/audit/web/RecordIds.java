package ma.amo.audit.web;

import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.servlet.http.HttpServletRequest;
import ma.amo.audit.Audited;
import ma.amo.shared.PageOf;
import org.springframework.web.servlet.HandlerMapping;

/** Finds the ids of the records an answer names, as {@link Audited} says where they are. */
final class RecordIds {

	/** Accessors found once per class and name: the eligibility answer is read thousands of times a second. */
	private static final Map<Class<?>, Map<String, Method>> ACCESSORS = new ConcurrentHashMap<>();

	private RecordIds() {
	}

	static List<String> of(Audited audited, Object body, HttpServletRequest request) {
		List<String> ids = new ArrayList<>();
		if (!audited.returned().isEmpty() && body != null) {
			String[] path = audited.returned().split("\\.");
			Iterable<?> elements = body instanceof PageOf<?> page ? page.content()
					: body instanceof Iterable<?> list ? list : List.of(body);
			for (Object element : elements) {
				Object value = resolve(element, path);
				if (value instanceof Iterable<?> several) {
					several.forEach(id -> ids.add(id.toString()));
				}
				else if (value != null) {
					ids.add(value.toString());
				}
			}
		}
		if (ids.isEmpty() && !audited.id().isEmpty()) {
			String id = fromRequest(audited.id(), request);
			if (id != null) {
				ids.add(id);
			}
		}
		return ids;
	}

	private static String fromRequest(String name, HttpServletRequest request) {
		if (request.getAttribute(HandlerMapping.URI_TEMPLATE_VARIABLES_ATTRIBUTE) instanceof Map<?, ?> variables
				&& variables.get(name) instanceof String value) {
			return value;
		}
		return request.getParameter(name);
	}

	private static Object resolve(Object value, String[] path) {
		for (String name : path) {
			if (value == null) {
				return null;
			}
			value = invoke(accessor(value.getClass(), name), value);
		}
		return value;
	}

	private static Method accessor(Class<?> type, String name) {
		return ACCESSORS.computeIfAbsent(type, t -> new ConcurrentHashMap<>()).computeIfAbsent(name, n -> {
			try {
				Method method = type.getMethod(n);
				// Views are often package-private records of a controller.
				method.setAccessible(true);
				return method;
			}
			catch (NoSuchMethodException e) {
				throw new IllegalStateException("@Audited names " + n + ", which " + type.getName() + " has not", e);
			}
		});
	}

	private static Object invoke(Method accessor, Object target) {
		try {
			return accessor.invoke(target);
		}
		catch (ReflectiveOperationException e) {
			throw new IllegalStateException("could not read " + accessor, e);
		}
	}
}
