package org.partnershippulse.kit.problem;

import java.util.List;

/**
 * Turns a database unique-key violation into a 409 that names the field. Convention for constraint names:
 * {@code uq_<table>__<field>} (e.g. {@code uq_organisation__name}); the part after the double underscore is the field.
 */
final class UniqueConstraints {

    private UniqueConstraints() {
    }

    static Problem problem(String constraintName, String instance) {
        String field = fieldOf(constraintName);
        String message = "already exists";
        return Problem.of(ProblemType.DUPLICATE, field + ": " + message, instance, List.of(new Problem.Violation(field, message)));
    }

    static String fieldOf(String constraintName) {
        if (constraintName == null) {
            return "body";
        }
        String name = constraintName.toLowerCase();
        int split = name.indexOf("__");
        if (split < 0) {
            return "body";
        }
        String snake = name.substring(split + 2);
        StringBuilder camel = new StringBuilder();
        boolean upper = false;
        for (char c : snake.toCharArray()) {
            if (c == '_') {
                upper = true;
            } else {
                camel.append(upper ? Character.toUpperCase(c) : c);
                upper = false;
            }
        }
        return camel.toString();
    }
}
