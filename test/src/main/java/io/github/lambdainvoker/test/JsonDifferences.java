package io.github.lambdainvoker.test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import tools.jackson.databind.JsonNode;

/**
 * Lists where two JSON values differ, path by path, for failure messages. Object members
 * may come in any order; numbers are equal when their values are, whatever their
 * notation.
 */
final class JsonDifferences {

	private static final int MAX_DIFFERENCES = 10;

	private JsonDifferences() {
	}

	/**
	 * Compare an expected JSON value with an actual one.
	 * @param expected the expected value
	 * @param actual the actual value
	 * @return the differences, such as {@code $.quantity: expected 2 but was 3}; empty
	 * when the values are equal
	 */
	static List<String> between(JsonNode expected, JsonNode actual) {
		List<String> differences = new ArrayList<>();
		compare("$", expected, actual, differences);
		if (differences.size() > MAX_DIFFERENCES) {
			int more = differences.size() - MAX_DIFFERENCES;
			differences.subList(MAX_DIFFERENCES, differences.size()).clear();
			differences.add("and " + more + " more");
		}
		return differences;
	}

	private static void compare(String path, JsonNode expected, JsonNode actual, List<String> differences) {
		if (expected.isNumber() && actual.isNumber()) {
			if (expected.decimalValue().compareTo(actual.decimalValue()) != 0) {
				differences.add(path + ": expected " + expected + " but was " + actual);
			}
		}
		else if (expected.isObject() && actual.isObject()) {
			compareObjects(path, expected, actual, differences);
		}
		else if (expected.isArray() && actual.isArray()) {
			compareArrays(path, expected, actual, differences);
		}
		else if (!expected.equals(actual)) {
			differences.add(path + ": expected " + expected + " but was " + actual);
		}
	}

	private static void compareObjects(String path, JsonNode expected, JsonNode actual, List<String> differences) {
		for (Map.Entry<String, JsonNode> member : expected.properties()) {
			JsonNode actualValue = actual.get(member.getKey());
			String memberPath = path + "." + member.getKey();
			if (actualValue == null) {
				differences.add(memberPath + ": missing, expected " + member.getValue());
			}
			else {
				compare(memberPath, member.getValue(), actualValue, differences);
			}
		}
		for (String name : actual.propertyNames()) {
			if (!expected.has(name)) {
				differences.add(path + "." + name + ": not expected, was " + actual.get(name));
			}
		}
	}

	private static void compareArrays(String path, JsonNode expected, JsonNode actual, List<String> differences) {
		if (expected.size() != actual.size()) {
			differences.add(path + ": expected " + expected.size() + " elements but was " + actual.size());
		}
		for (int i = 0; i < Math.min(expected.size(), actual.size()); i++) {
			compare(path + "[" + i + "]", expected.get(i), actual.get(i), differences);
		}
	}

}
