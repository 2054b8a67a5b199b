package dev.warden.domain.token;

/** The kinds of opaque token Warden issues, each with its own recognisable prefix. */
public enum TokenKind {
    /** Personal access token: {@code wdn_pat_…}. */
    PERSONAL_ACCESS_TOKEN("wdn_pat_"),
    /** Opaque OAuth access token: {@code wdn_at_…}. */
    ACCESS_TOKEN("wdn_at_");

    private final String prefix;

    TokenKind(String prefix) {
        this.prefix = prefix;
    }

    public String prefix() {
        return prefix;
    }
}
