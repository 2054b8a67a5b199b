package dev.warden.application.service;

import dev.warden.application.authz.AccessControl;
import dev.warden.application.port.in.RotateSigningKeyCommand;
import dev.warden.application.port.in.RotateSigningKeyUseCase;
import dev.warden.application.port.in.SigningKeyResult;
import dev.warden.application.port.out.SigningKeyRepository;
import dev.warden.domain.policy.Permission;

import java.util.Objects;

/** Rotates the signing key for callers holding {@code iam.write} (instance owners). */
public final class RotateSigningKeyService implements RotateSigningKeyUseCase {

    private final AccessControl accessControl;
    private final SigningKeyRepository keys;

    public RotateSigningKeyService(AccessControl accessControl, SigningKeyRepository keys) {
        this.accessControl = Objects.requireNonNull(accessControl, "accessControl");
        this.keys = Objects.requireNonNull(keys, "keys");
    }

    @Override
    public SigningKeyResult rotateSigningKey(RotateSigningKeyCommand command) {
        accessControl.authorize(command.caller(), Permission.IAM_WRITE);
        return new SigningKeyResult(keys.rotate());
    }
}
