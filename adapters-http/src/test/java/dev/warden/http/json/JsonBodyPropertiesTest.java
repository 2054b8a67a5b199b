package dev.warden.http.json;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.warden.application.error.InvalidArgumentException;
import dev.warden.http.member.MemberRequest;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.From;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

/**
 * Properties of request-body parsing over generated input: any bytes end in a bound request or
 * the documented 400 ({@link InvalidArgumentException}), never another exception; what a client
 * writes is read back exactly (round trip, snake_case accepted); deep nesting, invalid UTF-8 and
 * unpaired surrogates are refused.
 */
class JsonBodyPropertiesTest {

    /** A request shaped like the API's: strings, a list of strings, a number, a flag. */
    record Sample(String userName, String description, List<String> roles, Long limit, Boolean asc) {
    }

    private final ObjectMapper mapper = new JsonCodec(1 << 20).mapper();
    private final JsonBody body = new JsonBody(mapper, 1 << 20);

    @Property(tries = 2000)
    void anyBytesAreBoundOrRefusedAsInvalidArgument(@ForAll byte[] bytes) {
        Throwable thrown = catchThrowable(() -> body.parse(bytes, Sample.class, "SampleRequest"));
        assertThat(thrown).as("only the documented refusal").satisfiesAnyOf(
                t -> assertThat(t).isNull(), t -> assertThat(t).isInstanceOf(InvalidArgumentException.class));
    }

    @Property(tries = 2000)
    void anyJsonShapedTextIsBoundOrRefusedAsInvalidArgument(@ForAll("jsonish") String text) {
        Throwable thrown = catchThrowable(() -> body.parse(text.getBytes(StandardCharsets.UTF_8), Sample.class,
                "SampleRequest"));
        assertThat(thrown).satisfiesAnyOf(t -> assertThat(t).isNull(),
                t -> assertThat(t).isInstanceOf(InvalidArgumentException.class)
                        .hasMessageStartingWith("invalid SampleRequest: "));
    }

    @Property
    void whatAClientWritesIsReadBackExactly(@ForAll("text") String userName, @ForAll("text") String description,
                                           @ForAll List<@From("text") String> roles, @ForAll Long limit,
                                           @ForAll Boolean asc) throws Exception {
        Sample sample = new Sample(userName, description, roles, limit, asc);
        byte[] json = new ObjectMapper().writeValueAsBytes(sample);

        assertThat(body.parse(json, Sample.class, "SampleRequest")).isEqualTo(sample);
    }

    @Property
    void snakeCaseNamesAreReadAsCamelCase(@ForAll("text") String userName) throws Exception {
        byte[] json = new ObjectMapper().writeValueAsBytes(Map.of("user_name", userName));

        assertThat(body.parse(json, Sample.class, "SampleRequest").userName()).isEqualTo(userName);
    }

    @Property(tries = 50)
    void nestingBeyondTheLimitIsRefused(@ForAll @IntRange(min = JsonBody.MAX_DEPTH + 1, max = 5000) int depth) {
        String deep = "{\"x\":" + "[".repeat(depth) + "]".repeat(depth) + "}";

        assertThatThrownBy(() -> body.parse(deep.getBytes(StandardCharsets.UTF_8), Sample.class, "SampleRequest"))
                .isInstanceOf(InvalidArgumentException.class);
    }

    @Property
    void anUnpairedSurrogateIsRefused(@ForAll("text") String before, @ForAll @IntRange(min = 0xD800, max = 0xDFFF) int surrogate)
            throws Exception {
        String json = "{\"userName\":" + quoted(before) + ",\"description\":\"x\\u" + Integer.toHexString(surrogate) + "y\"}";

        assertThatThrownBy(() -> body.parse(json.getBytes(StandardCharsets.UTF_8), Sample.class, "SampleRequest"))
                .isInstanceOf(InvalidArgumentException.class);
    }

    @Property
    void aNullRoleOfAMemberIsRefused(@ForAll List<@From("text") String> roles, @ForAll @IntRange(min = 0, max = 100) int at)
            throws Exception {
        List<String> withNull = new java.util.ArrayList<>(roles);
        withNull.add(at % (roles.size() + 1), null);
        byte[] json = new ObjectMapper().writeValueAsBytes(Map.of("userId", "1", "roles", withNull));

        assertThatThrownBy(() -> body.parse(json, MemberRequest.class, "AddMemberRequest"))
                .isInstanceOf(InvalidArgumentException.class).hasMessageContaining("roles");
    }

    @Property
    void invalidUtf8IsRefused(@ForAll("text") String text, @ForAll("invalidUtf8") byte[] invalid) {
        byte[] valid = ("{\"userName\":\"" + text.replace("\\", "").replace("\"", "")).getBytes(StandardCharsets.UTF_8);
        byte[] json = new byte[valid.length + invalid.length + 2];
        System.arraycopy(valid, 0, json, 0, valid.length);
        System.arraycopy(invalid, 0, json, valid.length, invalid.length);
        json[json.length - 2] = '"';
        json[json.length - 1] = '}';

        assertThatThrownBy(() -> body.parse(json, Sample.class, "SampleRequest"))
                .isInstanceOf(InvalidArgumentException.class).hasMessageContaining("UTF-8");
    }

    private String quoted(String text) throws Exception {
        return mapper.writeValueAsString(text);
    }

    @Provide
    Arbitrary<String> text() {
        // Any Unicode scalar values: letters of every script, emoji, controls, quotes and backslashes.
        return Arbitraries.strings().all().ofMaxLength(40).filter(JsonBodyPropertiesTest::wellFormedUtf16);
    }

    @Provide
    Arbitrary<String> jsonish() {
        return Arbitraries.strings().withChars("{}[]\":,0123456789.eE+-truefalsnu \\/_abcdUxyz\u00e9\ud83d\ude00")
                .ofMaxLength(60);
    }

    @Provide
    Arbitrary<byte[]> invalidUtf8() {
        return Arbitraries.of(new byte[] {(byte) 0xC3, 0x28}, new byte[] {(byte) 0xFF}, new byte[] {(byte) 0xC0, (byte) 0xAF},
                new byte[] {(byte) 0xED, (byte) 0xA0, (byte) 0x80}, new byte[] {(byte) 0xF4, (byte) 0x90, (byte) 0x80, (byte) 0x80},
                new byte[] {(byte) 0xE2, (byte) 0x82}, new byte[] {(byte) 0x80});
    }

    private static boolean wellFormedUtf16(String s) {
        return s.codePoints().noneMatch(c -> c >= Character.MIN_SURROGATE && c <= Character.MAX_SURROGATE);
    }
}
