package org.trialsim.protocol;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a field a protocol file must give. Missing required fields are collected by validation with
 * every other problem, rather than stopping at the first one (Jackson's own {@code required} would
 * abort the parse), and the JSON Schema lists them as required.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.RECORD_COMPONENT, ElementType.FIELD, ElementType.METHOD, ElementType.PARAMETER})
public @interface Required {
}
