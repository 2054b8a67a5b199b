package dev.warden.http.auth;

import dev.warden.application.auth.PresentedCredential;

import java.util.Optional;

/**
 * Strict parser of {@code Authorization} header values: {@code <scheme> SP <token>} with exactly
 * one space, a scheme of RFC 9110 token characters (matched case-insensitively by verifiers) and
 * a credential of RFC 6750 {@code b64token} characters ({@code 1*(ALPHA / DIGIT / "-" / "." /
 * "_" / "~" / "+" / "/") *"="}). Anything else is malformed.
 */
public final class AuthorizationHeader {

    /** Longer values are refused before any parsing work; Warden's own credentials are far shorter. */
    public static final int MAX_LENGTH = 8192;

    private AuthorizationHeader() {
    }

    public static Optional<PresentedCredential> parse(String value) {
        if (value == null || value.isEmpty() || value.length() > MAX_LENGTH) {
            return Optional.empty();
        }
        int space = value.indexOf(' ');
        if (space <= 0 || space == value.length() - 1) {
            return Optional.empty();
        }
        String scheme = value.substring(0, space);
        String token = value.substring(space + 1);
        if (!isToken(scheme) || !isB64Token(token)) {
            return Optional.empty();
        }
        return Optional.of(new PresentedCredential(scheme, token));
    }

    /**
     * The lenient form for the schemes of added methods (RFC 9110 §11.4 credentials: a token68 or
     * auth-params): {@code <scheme> SP <credentials>}, the scheme an RFC 9110 token, the
     * credentials visible ASCII with single inner spaces. The method's verifier parses the rest;
     * {@code Bearer} always goes through the strict {@link #parse}.
     */
    public static Optional<PresentedCredential> parseOther(String value) {
        if (value == null || value.isEmpty() || value.length() > MAX_LENGTH) {
            return Optional.empty();
        }
        int space = value.indexOf(' ');
        if (space <= 0 || space == value.length() - 1) {
            return Optional.empty();
        }
        String scheme = value.substring(0, space);
        String credentials = value.substring(space + 1);
        if (!isToken(scheme) || !isVisibleWithSingleSpaces(credentials)) {
            return Optional.empty();
        }
        return Optional.of(new PresentedCredential(scheme, credentials));
    }

    private static boolean isVisibleWithSingleSpaces(String s) {
        char previous = ' ';
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            boolean visible = c > 0x20 && c < 0x7f;
            if (!visible && !(c == ' ' && previous != ' ')) {
                return false;
            }
            previous = c;
        }
        return previous != ' ';
    }

    private static boolean isToken(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            boolean tchar = isAlphaDigit(c) || "!#$%&'*+-.^_`|~".indexOf(c) >= 0;
            if (!tchar) {
                return false;
            }
        }
        return true;
    }

    private static boolean isB64Token(String s) {
        int i = 0;
        while (i < s.length() && (isAlphaDigit(s.charAt(i)) || "-._~+/".indexOf(s.charAt(i)) >= 0)) {
            i++;
        }
        if (i == 0) {
            return false;
        }
        while (i < s.length() && s.charAt(i) == '=') {
            i++;
        }
        return i == s.length();
    }

    private static boolean isAlphaDigit(char c) {
        return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
    }
}
