package dev.warden.http.json;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.warden.application.error.InvalidArgumentException;
import dev.warden.http.member.MemberRequest;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static dev.warden.http.PropertyCases.forAll;
import static dev.warden.http.PropertyCases.length;
import static dev.warden.http.PropertyCases.oneOf;
import static dev.warden.http.PropertyCases.string;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

/**
 * Properties of request-body parsing over generated input: any bytes end in a bound request or
 * the documented 400 ({@link InvalidArgumentException}), never another exception; what a client
 * writes is read back exactly (round trip, snake_case accepted); deep nesting, invalid UTF-8 and
 * unpaired surrogates are refused. Inputs come from a seeded random
 * ({@link dev.warden.http.PropertyCases}).
 */
class JsonBodyPropertiesTest {

    /** A request shaped like the API's: strings, a list of strings, a number, a flag. */
    record Sample(String userName, String description, List<String> roles, Long limit, Boolean asc) {
    }

    private record Surrogate(String before, int surrogate) {
    }

    private record NullRole(List<String> roles, int at) {
    }

    private record Utf8(String text, byte[] invalid) {
        @Override
        public String toString() {
            return text + " + " + Arrays.toString(invalid);
        }
    }

    private static final byte[] EDGE_BYTES = {0, 0x09, 0x0a, '"', '\\', '{', '}', '[', ']', ':', ',', 0x7f,
        (byte) 0x80, (byte) 0xbf, (byte) 0xc0, (byte) 0xc3, (byte) 0xed, (byte) 0xef, (byte) 0xf4, (byte) 0xff};
    private static final long[] EDGE_LONGS = {0, 1, -1, Long.MIN_VALUE, Long.MAX_VALUE, Integer.MAX_VALUE + 1L};
    private static final byte[][] INVALID_UTF8 = {{(byte) 0xC3, 0x28}, {(byte) 0xFF}, {(byte) 0xC0, (byte) 0xAF},
        {(byte) 0xED, (byte) 0xA0, (byte) 0x80}, {(byte) 0xF4, (byte) 0x90, (byte) 0x80, (byte) 0x80},
        {(byte) 0xE2, (byte) 0x82}, {(byte) 0x80}};

    private final ObjectMapper mapper = new JsonCodec(1 << 20).mapper();
    private final JsonBody body = new JsonBody(mapper, 1 << 20);

    @Test
    void anyBytesAreBoundOrRefusedAsInvalidArgument() {
        forAll(2000, JsonBodyPropertiesTest::anyBytes, bytes -> {
            Throwable thrown = catchThrowable(() -> body.parse(bytes, Sample.class, "SampleRequest"));
            assertThat(thrown).as("only the documented refusal").satisfiesAnyOf(
                    t -> assertThat(t).isNull(), t -> assertThat(t).isInstanceOf(InvalidArgumentException.class));
        });
    }

    @Test
    void anyJsonShapedTextIsBoundOrRefusedAsInvalidArgument() {
        forAll(2000, random -> string(random, "{}[]\":,0123456789.eE+-truefalsnu \\/_abcdUxyz\u00e9\ud83d\ude00", 0, 60),
                text -> {
                    Throwable thrown = catchThrowable(() -> body.parse(text.getBytes(StandardCharsets.UTF_8), Sample.class,
                            "SampleRequest"));
                    assertThat(thrown).satisfiesAnyOf(t -> assertThat(t).isNull(),
                            t -> assertThat(t).isInstanceOf(InvalidArgumentException.class)
                                    .hasMessageStartingWith("invalid SampleRequest: "));
                });
    }

    @Test
    void whatAClientWritesIsReadBackExactly() {
        forAll(1000, random -> new Sample(text(random), text(random), texts(random), aLong(random), random.nextBoolean()),
                sample -> {
                    byte[] json = new ObjectMapper().writeValueAsBytes(sample);

                    assertThat(body.parse(json, Sample.class, "SampleRequest")).isEqualTo(sample);
                });
    }

    @Test
    void snakeCaseNamesAreReadAsCamelCase() {
        forAll(1000, JsonBodyPropertiesTest::text, userName -> {
            byte[] json = new ObjectMapper().writeValueAsBytes(Map.of("user_name", userName));

            assertThat(body.parse(json, Sample.class, "SampleRequest").userName()).isEqualTo(userName);
        });
    }

    @Test
    void nestingBeyondTheLimitIsRefused() {
        forAll(50, random -> length(random, JsonBody.MAX_DEPTH + 1, 5000), depth -> {
            String deep = "{\"x\":" + "[".repeat(depth) + "]".repeat(depth) + "}";

            assertThatThrownBy(() -> body.parse(deep.getBytes(StandardCharsets.UTF_8), Sample.class, "SampleRequest"))
                    .isInstanceOf(InvalidArgumentException.class);
        });
    }

    @Test
    void anUnpairedSurrogateIsRefused() {
        forAll(1000, random -> new Surrogate(text(random), length(random, 0xD800, 0xDFFF)), s -> {
            String json = "{\"userName\":" + mapper.writeValueAsString(s.before()) + ",\"description\":\"x\\u"
                    + Integer.toHexString(s.surrogate()) + "y\"}";

            assertThatThrownBy(() -> body.parse(json.getBytes(StandardCharsets.UTF_8), Sample.class, "SampleRequest"))
                    .isInstanceOf(InvalidArgumentException.class);
        });
    }

    @Test
    void aNullRoleOfAMemberIsRefused() {
        forAll(1000, random -> new NullRole(texts(random), length(random, 0, 100)), n -> {
            List<String> withNull = new ArrayList<>(n.roles());
            withNull.add(n.at() % (n.roles().size() + 1), null);
            byte[] json = new ObjectMapper().writeValueAsBytes(Map.of("userId", "1", "roles", withNull));

            assertThatThrownBy(() -> body.parse(json, MemberRequest.class, "AddMemberRequest"))
                    .isInstanceOf(InvalidArgumentException.class).hasMessageContaining("roles");
        });
    }

    @Test
    void invalidUtf8IsRefused() {
        forAll(1000, random -> new Utf8(text(random), oneOf(random, INVALID_UTF8)), u -> {
            byte[] valid = ("{\"userName\":\"" + u.text().replace("\\", "").replace("\"", ""))
                    .getBytes(StandardCharsets.UTF_8);
            byte[] json = new byte[valid.length + u.invalid().length + 2];
            System.arraycopy(valid, 0, json, 0, valid.length);
            System.arraycopy(u.invalid(), 0, json, valid.length, u.invalid().length);
            json[json.length - 2] = '"';
            json[json.length - 1] = '}';

            assertThatThrownBy(() -> body.parse(json, Sample.class, "SampleRequest"))
                    .isInstanceOf(InvalidArgumentException.class).hasMessageContaining("UTF-8");
        });
    }

    /** Up to 300 bytes, often empty or full; every third byte a JSON, UTF-8 or control edge. */
    private static byte[] anyBytes(Random random) {
        byte[] bytes = new byte[length(random, 0, 300)];
        random.nextBytes(bytes);
        for (int i = 0; i < bytes.length; i += 1 + random.nextInt(3)) {
            bytes[i] = EDGE_BYTES[random.nextInt(EDGE_BYTES.length)];
        }
        return bytes;
    }

    /**
     * Up to 40 Unicode scalar values (no lone surrogates): controls, quotes and backslashes, ASCII,
     * any BMP letter, and characters beyond the BMP (emoji), often empty or full.
     */
    private static String text(Random random) {
        StringBuilder text = new StringBuilder();
        for (int i = length(random, 0, 40); i > 0; i--) {
            text.appendCodePoint(switch (random.nextInt(5)) {
                case 0 -> oneOf(random, 0, 0x1f, 0x7f, 0x22, 0x5c, 0x2f, 0x2028, 0xfeff, 0xfffd, 0xffff, 0x10ffff);
                case 1 -> 0x20 + random.nextInt(0x5f);
                case 2 -> Character.MIN_SUPPLEMENTARY_CODE_POINT
                        + random.nextInt(Character.MAX_CODE_POINT - Character.MIN_SUPPLEMENTARY_CODE_POINT + 1);
                default -> {
                    int c = random.nextInt(Character.MAX_VALUE + 1);
                    yield Character.isSurrogate((char) c) ? 'x' : c;
                }
            });
        }
        return text.toString();
    }

    private static List<String> texts(Random random) {
        List<String> texts = new ArrayList<>();
        for (int i = length(random, 0, 10); i > 0; i--) {
            texts.add(text(random));
        }
        return texts;
    }

    private static Long aLong(Random random) {
        return random.nextInt(4) == 0 ? EDGE_LONGS[random.nextInt(EDGE_LONGS.length)] : random.nextLong();
    }
}
