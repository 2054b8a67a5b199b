package dev.warden.application.service;

import dev.warden.application.auth.PresentedCredential;
import dev.warden.application.auth.Verification;
import dev.warden.application.error.TooManyAttemptsException;
import dev.warden.application.error.UnavailableException;
import dev.warden.application.port.in.AuthenticateUseCase;
import dev.warden.application.port.out.AuthenticationMeter;

import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Counts every authentication by scheme, method and outcome, around the whole chain (the
 * failed-authentication limiter included, so its refusals count as {@code limited}). The scheme of
 * a credential no enabled method declares is counted as {@code other}: a client cannot mint label
 * values.
 */
public final class MeasureAuthenticationService implements AuthenticateUseCase {

    static final String OTHER = "other";
    static final String NONE = "none";

    private final AuthenticateUseCase methods;
    private final AuthenticationMeter meter;
    /** The lower-case schemes of the enabled methods: the only scheme labels there are. */
    private final Set<String> schemeLabels;

    public MeasureAuthenticationService(AuthenticateUseCase methods, AuthenticationMeter meter) {
        this.methods = methods;
        this.meter = meter;
        this.schemeLabels = methods.schemes().stream().map(s -> s.toLowerCase(Locale.ROOT))
                .collect(Collectors.toUnmodifiableSet());
    }

    @Override
    public Verification authenticate(PresentedCredential credential) {
        String lower = credential.scheme().toLowerCase(Locale.ROOT);
        String scheme = schemeLabels.contains(lower) ? lower : OTHER;
        Verification verification;
        try {
            verification = methods.authenticate(credential);
        } catch (TooManyAttemptsException e) {
            meter.authenticated(scheme, NONE, "limited");
            throw e;
        } catch (UnavailableException e) {
            meter.authenticated(scheme, NONE, "unavailable");
            throw e;
        } catch (RuntimeException e) {
            meter.authenticated(scheme, NONE, "error");
            throw e;
        }
        switch (verification) {
            case Verification.Verified verified -> meter.authenticated(scheme, verified.method(), "verified");
            case Verification.VerifiedClient client -> meter.authenticated(scheme, client.method(), "verified");
            case Verification.Rejected rejected -> meter.authenticated(scheme, NONE,
                    rejected.expired() ? "expired" : "rejected");
            case Verification.Abstained abstained -> meter.authenticated(scheme, NONE, "unrecognized");
        }
        return verification;
    }

    @Override
    public Verification authenticateRemembered(PresentedCredential credential) {
        return methods.authenticateRemembered(credential);
    }

    @Override
    public Set<String> schemes() {
        return methods.schemes();
    }
}
