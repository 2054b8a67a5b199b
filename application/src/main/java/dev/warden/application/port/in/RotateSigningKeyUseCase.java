package dev.warden.application.port.in;

/** Driving port: make a new signing key the active one (instance owners only). */
public interface RotateSigningKeyUseCase {
    SigningKeyResult rotateSigningKey(RotateSigningKeyCommand command);
}
