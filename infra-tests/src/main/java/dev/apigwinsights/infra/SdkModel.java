package dev.apigwinsights.infra;

import software.amazon.awssdk.core.SdkField;
import software.amazon.awssdk.core.SdkPojo;
import software.amazon.awssdk.core.protocol.MarshallingType;
import software.amazon.awssdk.core.traits.ListTrait;
import software.amazon.awssdk.core.traits.MapTrait;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The shapes of an AWS service API as the AWS SDK for Java v2 generated them: each model class's
 * {@code sdkFields()} gives its members (wire names, marshalling types, list and map element
 * fields, nested structures through the field's builder), and each enum-typed member has a
 * {@code xAsString()} getter whose plain twin returns the enum class, whose {@code knownValues()}
 * are the values the service accepts.
 *
 * <p>No JSON model is read: the SDK jar ships none, and the classes are what the SDK itself
 * marshals with, so they cannot disagree with it.
 */
public final class SdkModel {

    private final Map<Class<?>, Structure> structures = new ConcurrentHashMap<>();

    /** The structure of a generated model class (one with a static {@code builder()}). */
    public Structure structure(Class<?> modelClass) {
        Structure known = structures.get(modelClass);
        if (known != null) {
            return known;
        }
        Structure created = new Structure(modelClass);
        Structure raced = structures.putIfAbsent(modelClass, created);
        return raced == null ? created : raced;
    }

    /** A shape: a structure, a list or map of shapes, or a scalar. */
    public sealed interface Shape permits Structure, ListOf, MapOf, Scalar {
    }

    public record ListOf(Shape element) implements Shape {
    }

    public record MapOf(Shape value) implements Shape {
    }

    /** A leaf value; {@code enumValues} is empty unless the member is an enum. */
    public record Scalar(Kind kind, Set<String> enumValues) implements Shape {
        public boolean isEnum() {
            return !enumValues.isEmpty();
        }
    }

    /** How a leaf is written on the wire (JSON protocols). */
    public enum Kind { STRING, INTEGER, NUMBER, BOOLEAN, TIMESTAMP, ANY }

    /** A generated model class; its members are read on first use, so recursive shapes are fine. */
    public final class Structure implements Shape {
        private final Class<?> modelClass;
        private volatile Map<String, Shape> members;

        private Structure(Class<?> modelClass) {
            this.modelClass = modelClass;
        }

        public Class<?> modelClass() {
            return modelClass;
        }

        public String name() {
            return modelClass.getSimpleName();
        }

        /** Members by wire name, in the SDK's order. */
        public Map<String, Shape> members() {
            Map<String, Shape> read = members;
            if (read == null) {
                read = readMembers();
                members = read;
            }
            return read;
        }

        /**
         * The member a CloudFormation property name stands for: the same wire name, or else the one
         * wire name that differs only in case (CloudFormation spells a few differently, e.g.
         * {@code TimeZone} for the API's {@code Timezone}; its own spelling is checked against the
         * CloudFormation specification).
         */
        public Optional<Map.Entry<String, Shape>> member(String name) {
            Map<String, Shape> all = members();
            Shape exact = all.get(name);
            if (exact != null) {
                return Optional.of(Map.entry(name, exact));
            }
            Map.Entry<String, Shape> found = null;
            for (Map.Entry<String, Shape> e : all.entrySet()) {
                if (e.getKey().equalsIgnoreCase(name)) {
                    if (found != null) {
                        return Optional.empty();
                    }
                    found = e;
                }
            }
            return Optional.ofNullable(found);
        }

        private Map<String, Shape> readMembers() {
            Map<String, Class<?>> enumsByMember = enumMembers(modelClass);
            Map<String, Shape> read = new LinkedHashMap<>();
            for (SdkField<?> field : newBuilder(modelClass).sdkFields()) {
                Class<?> enumClass = enumsByMember.remove(normalize(field.memberName()));
                read.put(field.locationName(), shapeOf(field, enumClass));
            }
            if (!enumsByMember.isEmpty()) {
                throw new IllegalStateException(modelClass.getName() + " has enum getters matching no field: "
                        + enumsByMember.keySet());
            }
            return Collections.unmodifiableMap(read);
        }

        @Override
        public String toString() {
            return name();
        }
    }

    private Shape shapeOf(SdkField<?> field, Class<?> enumClass) {
        MarshallingType<?> type = field.marshallingType();
        if (type == MarshallingType.SDK_POJO) {
            return structure(field.constructor().get().getClass().getDeclaringClass());
        }
        if (type == MarshallingType.LIST) {
            return new ListOf(shapeOf(field.getRequiredTrait(ListTrait.class).memberFieldInfo(), enumClass));
        }
        if (type == MarshallingType.MAP) {
            return new MapOf(shapeOf(field.getRequiredTrait(MapTrait.class).valueFieldInfo(), enumClass));
        }
        if (type == MarshallingType.STRING || type == MarshallingType.SDK_BYTES) {
            return new Scalar(Kind.STRING, enumClass == null ? Set.of() : knownValues(enumClass));
        }
        if (type == MarshallingType.INTEGER || type == MarshallingType.LONG || type == MarshallingType.SHORT
                || type == MarshallingType.BYTE) {
            return new Scalar(Kind.INTEGER, Set.of());
        }
        if (type == MarshallingType.DOUBLE || type == MarshallingType.FLOAT || type == MarshallingType.BIG_DECIMAL) {
            return new Scalar(Kind.NUMBER, Set.of());
        }
        if (type == MarshallingType.BOOLEAN) {
            return new Scalar(Kind.BOOLEAN, Set.of());
        }
        if (type == MarshallingType.INSTANT) {
            return new Scalar(Kind.TIMESTAMP, Set.of());
        }
        if (type == MarshallingType.DOCUMENT) {
            return new Scalar(Kind.ANY, Set.of());
        }
        throw new IllegalStateException("unhandled SDK marshalling type " + type + " of " + field.memberName());
    }

    private static SdkPojo newBuilder(Class<?> modelClass) {
        try {
            return (SdkPojo) modelClass.getMethod("builder").invoke(null);
        } catch (NoSuchMethodException | IllegalAccessException | InvocationTargetException | ClassCastException e) {
            throw new IllegalArgumentException(modelClass.getName() + " is not a generated SDK model class", e);
        }
    }

    /** Enum-typed members, keyed by normalized getter name: {@code fooAsString()} / {@code fooAsStrings()} and {@code foo()}. */
    private static Map<String, Class<?>> enumMembers(Class<?> modelClass) {
        Map<String, Class<?>> enums = new HashMap<>();
        for (Method method : modelClass.getMethods()) {
            String name = method.getName();
            if (method.getParameterCount() != 0 || !(name.endsWith("AsString") || name.endsWith("AsStrings"))) {
                continue;
            }
            String base = name.substring(0, name.lastIndexOf("AsString"));
            try {
                Type type = modelClass.getMethod(base).getGenericReturnType();
                if (type instanceof ParameterizedType parameterized) {
                    Type[] arguments = parameterized.getActualTypeArguments();
                    type = arguments[arguments.length - 1];
                }
                if (type instanceof Class<?> enumClass && enumClass.isEnum()) {
                    enums.put(normalize(base), enumClass);
                }
            } catch (NoSuchMethodException e) {
                throw new IllegalStateException(modelClass.getName() + "." + name + " has no typed twin " + base + "()", e);
            }
        }
        return enums;
    }

    private static Set<String> knownValues(Class<?> enumClass) {
        try {
            Set<String> values = new TreeSet<>();
            for (Object value : (Set<?>) enumClass.getMethod("knownValues").invoke(null)) {
                values.add(value.toString());
            }
            return Collections.unmodifiableSet(values);
        } catch (NoSuchMethodException | IllegalAccessException | InvocationTargetException e) {
            throw new IllegalStateException(enumClass.getName() + " is not a generated SDK enum", e);
        }
    }

    private static String normalize(String memberOrGetter) {
        return memberOrGetter.toLowerCase(Locale.ROOT);
    }
}
