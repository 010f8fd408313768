package org.trialsim.protocol.io;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * How a fast path ({@link FastBinder}, {@link JsonText}) handles each model or result type, worked
 * out by reflection once per class and kept; a type it leaves to Jackson is kept as {@link Declined#INSTANCE}
 * and declined again at once. Not {@code computeIfAbsent}: working out a record's shape may ask for its
 * components' shapes, and a recursive update of the same map is not allowed. Two threads may work out the
 * same shape; either result is the same.
 */
final class Shapes {
    private final Map<Class<?>, Object> shapes = new ConcurrentHashMap<>();
    private final Function<Class<?>, Object> workOut;

    /** Shapes worked out by the given function, which returns {@link Declined#INSTANCE} for a type it leaves to Jackson. */
    Shapes(Function<Class<?>, Object> workOut) {
        this.workOut = workOut;
    }

    /** The type's shape. */
    Object of(Class<?> type) throws Declined {
        Object shape = shapes.get(type);
        if (shape == null) {
            shape = workOut.apply(type);
            shapes.put(type, shape);
        }
        if (shape == Declined.INSTANCE) {
            throw Declined.INSTANCE;
        }
        return shape;
    }
}
