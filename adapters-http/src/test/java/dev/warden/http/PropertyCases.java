package dev.warden.http;

import org.junit.jupiter.api.function.ThrowingConsumer;

import java.util.Arrays;
import java.util.Random;
import java.util.function.Function;

/**
 * Property-based testing in plain JUnit: a property runs over inputs drawn from a {@link Random}
 * with a fixed seed, so every build checks the same cases. {@code -Dwarden.properties.seed=N}
 * draws other inputs, {@code -Dwarden.properties.tries=N} sets the number of cases of every
 * property. A failure names the seed, the case and the input, so it can be replayed.
 * (Why no property-testing library: docs/security.md, "Property-based tests".)
 */
public final class PropertyCases {

    public static final long SEED = Long.getLong("warden.properties.seed", 20261129L);

    private PropertyCases() {
    }

    /** Checks {@code property} on {@code cases} inputs of {@code generator} (or the tries setting). */
    public static <T> void forAll(int cases, Function<Random, T> generator, ThrowingConsumer<T> property) {
        int n = Integer.getInteger("warden.properties.tries", cases);
        Random random = new Random(SEED);
        for (int i = 1; i <= n; i++) {
            T input = generator.apply(random);
            try {
                property.accept(input);
            } catch (Throwable failure) {
                throw new AssertionError("property failed with -Dwarden.properties.seed=%d in case %d of %d on input %s: %s"
                        .formatted(SEED, i, n, shown(input), failure.getMessage()), failure);
            }
        }
    }

    /** A length from {@code min} to {@code max}, one time in four exactly one of the two. */
    public static int length(Random random, int min, int max) {
        return switch (random.nextInt(8)) {
            case 0 -> min;
            case 1 -> max;
            default -> min + random.nextInt(max - min + 1);
        };
    }

    /** A string of characters of {@code alphabet}, of a {@link #length} from min to max. */
    public static String string(Random random, String alphabet, int min, int max) {
        char[] chars = new char[length(random, min, max)];
        for (int i = 0; i < chars.length; i++) {
            chars[i] = alphabet.charAt(random.nextInt(alphabet.length()));
        }
        return new String(chars);
    }

    @SafeVarargs
    public static <T> T oneOf(Random random, T... values) {
        return values[random.nextInt(values.length)];
    }

    /** The input for a failure message: controls, non-ASCII and lone surrogates as Java escapes. */
    static String shown(Object input) {
        String text = input instanceof byte[] bytes ? Arrays.toString(bytes) : String.valueOf(input);
        StringBuilder out = new StringBuilder();
        text.chars().forEach(c -> out.append(c >= 0x20 && c < 0x7f ? String.valueOf((char) c) : "\\u%04x".formatted(c)));
        return out.toString();
    }
}
