package dev.warden.application.port.in;

import dev.warden.application.auth.PresentedCredential;
import dev.warden.application.auth.Verification;

/** Driving port: authenticate a request's credential through the enabled methods. */
public interface AuthenticateUseCase {

    /** Never throws on garbage; {@link Verification.Abstained} when no method understood it. */
    Verification authenticate(PresentedCredential credential);
}
