package dev.warden.application.service;

import dev.warden.application.audit.AuditTrail;
import dev.warden.domain.audit.AuditEventType;
import dev.warden.application.authz.AccessControl;
import dev.warden.application.error.InvalidArgumentException;
import dev.warden.application.error.PreconditionFailedException;
import dev.warden.application.port.in.AddMachineKeyCommand;
import dev.warden.application.port.in.AddMachineKeyUseCase;
import dev.warden.application.port.in.AddedMachineKeyResult;
import dev.warden.application.port.out.MachineKeyRepository;
import dev.warden.application.port.out.RsaKeyGenerator;
import dev.warden.application.port.out.ServiceUserRepository;
import dev.warden.application.serviceuser.UserLookup;
import dev.warden.domain.id.IdGenerator;
import dev.warden.domain.key.MachineKey;
import dev.warden.domain.key.MachineKeyFile;
import dev.warden.domain.key.RsaKeys;
import dev.warden.domain.org.Organization;
import dev.warden.domain.policy.Permission;
import dev.warden.domain.serviceuser.ServiceUser;

import java.security.KeyPair;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.interfaces.RSAPublicKey;
import java.time.Clock;
import java.time.Instant;

/**
 * Adds a machine key to a user of the current organization, for callers holding {@code user.write}.
 * With the caller's RSA public key (PKIX PEM, at least 2048 bits), that key is stored; without
 * one, a 2048-bit pair is generated, its public half stored, and the key file with the private half
 * returned here once: the private key is never stored. Checks run in ZITADEL's order (contract
 * §6.2): permission, type, public key, expiration, user.
 */
public final class AddMachineKeyService implements AddMachineKeyUseCase {

    static final String REQUEST = "AddMachineKeyRequest";
    static final String KEY_SIZE_ID = "KEY-size";

    private final AccessControl accessControl;
    private final ServiceUserRepository users;
    private final MachineKeyRepository keys;
    private final RsaKeyGenerator generator;
    private final IdGenerator ids;
    private final Clock clock;
    private final AuditTrail audit;

    public AddMachineKeyService(AccessControl accessControl, ServiceUserRepository users, MachineKeyRepository keys,
                                RsaKeyGenerator generator, IdGenerator ids, Clock clock,
                                AuditTrail audit) {
        this.accessControl = accessControl;
        this.users = users;
        this.keys = keys;
        this.generator = generator;
        this.ids = ids;
        this.clock = clock;
        this.audit = audit;
    }

    @Override
    public AddedMachineKeyResult addMachineKey(AddMachineKeyCommand command) {
        Organization org = accessControl.authorize(command.caller(), Permission.USER_WRITE);
        if (command.type() == null) {
            // protoc-gen-validate's rule on AddMachineKeyRequest.type: enum {defined_only, not_in: [0]}.
            throw new InvalidArgumentException(null, "invalid " + REQUEST + ".Type: value must not be in list [0]");
        }
        RSAPublicKey supplied = command.hasPublicKey() ? suppliedKey(command.publicKey()) : null;
        Instant now = clock.instant();
        Instant expiration = command.expirationDate();
        if (expiration != null && !expiration.isAfter(now)) {
            throw new InvalidArgumentException("DOMAIN-dv3t5", "Errors.AuthNKey.ExpireBeforeNow");
        }
        // A precondition, not a lookup, in ZITADEL: an unknown user here is 400, not 404.
        ServiceUser user = UserLookup.inOrg(users, command.userId(), org.id())
                .orElseThrow(() -> new PreconditionFailedException("COMMAND-bnipwm1", "User could not be found"));

        long keyId = ids.nextId();
        if (supplied != null) {
            MachineKey key = MachineKey.create(keyId, user.id(), org.id(), supplied, expiration, now);
            keys.insert(key);
            audit.record(AuditEventType.MACHINE_KEY_ADDED, command.caller(), org.id(), user.id(),
                    Long.toString(keyId), "public key supplied");
            return new AddedMachineKeyResult(key, null);
        }
        KeyPair pair = generator.generate();
        if (!(pair.getPublic() instanceof RSAPublicKey publicKey)
                || !(pair.getPrivate() instanceof RSAPrivateCrtKey privateKey)) {
            throw new IllegalStateException("key generator made no RSA key pair");
        }
        MachineKey key = MachineKey.create(keyId, user.id(), org.id(), publicKey, expiration, now);
        // Built before the insert: a key whose file cannot be made is never stored.
        byte[] keyFile = MachineKeyFile.of(key, privateKey).toJson();
        keys.insert(key);
        audit.record(AuditEventType.MACHINE_KEY_ADDED, command.caller(), org.id(), user.id(), Long.toString(keyId),
                "key pair generated");
        return new AddedMachineKeyResult(key, keyFile);
    }

    private static RSAPublicKey suppliedKey(byte[] pem) {
        RSAPublicKey key = RsaKeys.parsePublicKeyPem(pem).orElseThrow(() -> new InvalidArgumentException(
                "COMMAND-5F3h1", "Public key is not a valid RSA public key in PKIX format with PEM encoding"));
        if (!RsaKeys.hasAcceptableSize(key)) {
            // Warden's own rule: ZITADEL takes any size, but RSA below 2048 bits is no longer safe.
            throw new InvalidArgumentException(KEY_SIZE_ID, "Public key must be an RSA key of "
                    + RsaKeys.MIN_MODULUS_BITS + " to " + RsaKeys.MAX_MODULUS_BITS + " bits");
        }
        return key;
    }
}
