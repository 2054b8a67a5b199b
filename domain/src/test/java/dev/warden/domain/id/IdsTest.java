package dev.warden.domain.id;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class IdsTest {

    @Test
    void canonicalPositiveDecimalsAreParsed() {
        assertThat(Ids.parse("1")).contains(1L);
        assertThat(Ids.parse("291746120515731457")).contains(291746120515731457L);
        assertThat(Ids.parse("9223372036854775807")).contains(Long.MAX_VALUE);
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"0", "-1", "+1", "01", "007", "1e3", " 1", "1 ", "1\n", "0x10", "1.0", "1_000",
            "١٢٣", "１２３", "abc", "12345678901234567890", "9223372036854775808", "99999999999999999999"})
    void anythingButACanonicalPositiveDecimalIsRefused(String text) {
        assertThat(Ids.parse(text)).isEmpty();
    }
}
