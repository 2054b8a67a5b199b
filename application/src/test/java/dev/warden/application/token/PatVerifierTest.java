package dev.warden.application.token;

import dev.warden.application.fakes.ReadOnlyApiClientDirectory;
import dev.warden.application.auth.CredentialVerifier;
import dev.warden.application.auth.PresentedCredential;
import dev.warden.domain.principal.Principal;
import dev.warden.domain.principal.TokenDetails;
import dev.warden.application.auth.Verification;
import dev.warden.application.auth.VerifierContext;
import dev.warden.application.fakes.FakePorts;
import dev.warden.application.fakes.FakePorts.IssuedToken;
import dev.warden.application.fakes.InMemoryVerifiedCredentialCache;
import dev.warden.application.fakes.RecordingTokenUsageRecorder;
import dev.warden.domain.org.OrgState;
import dev.warden.domain.org.Organization;
import dev.warden.domain.serviceuser.ServiceUser;
import dev.warden.domain.serviceuser.UserState;
import dev.warden.domain.token.OpaqueToken;
import dev.warden.domain.token.PersonalAccessToken;
import dev.warden.domain.token.SecretHash;
import dev.warden.domain.token.TokenKind;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class PatVerifierTest {

    private FakePorts ports;
    private Organization org;
    private ServiceUser user;
    private CredentialVerifier verifier;

    @BeforeEach
    void setUp() {
        ports = new FakePorts();
        org = ports.organization("ACME");
        user = ports.serviceUser(org, "ci-bot");
        verifier = new PatVerifierProvider().create(ports.verifierContext());
    }

    @Test
    void providerIsRegisteredUnderIdPatForTheBearerScheme() {
        assertThat(new PatVerifierProvider().id()).isEqualTo("pat");
        assertThat(verifier.scheme()).isEqualTo("Bearer");
    }

    @Test
    void validTokenIsVerifiedAsItsUserAndOrganization() {
        IssuedToken issued = ports.issuePersonalAccessToken(user, Instant.parse("2030-01-01T00:00:00Z"));

        Verification verification = verify(issued.token());

        assertThat(verification).isInstanceOf(Verification.Verified.class);
        Verification.Verified verified = (Verification.Verified) verification;
        assertThat(verified.method()).isEqualTo("pat");
        assertThat(verified.principal()).isEqualTo(new Principal(user.id(), org.id(),
                Long.toString(issued.stored().id()), "pat", Instant.parse("2030-01-01T00:00:00Z"),
                new TokenDetails(issued.stored().createdAt(), "", List.of("openid", "profile",
                        "urn:zitadel:iam:user:metadata", "urn:zitadel:iam:user:resourceowner"), List.of(), true)));
    }

    @Test
    void secondVerificationIsACacheHitWithoutHashing() {
        IssuedToken issued = ports.issuePersonalAccessToken(user, null);
        assertThat(verify(issued.token())).isInstanceOf(Verification.Verified.class);
        int verifyCalls = ports.hasher.verifyCalls();
        int hashCalls = ports.hasher.hashCalls();
        int lookups = ports.tokens.lookups();

        Verification second = verify(issued.token());

        assertThat(second).isInstanceOf(Verification.Verified.class);
        assertThat(ports.hasher.verifyCalls()).isEqualTo(verifyCalls);
        assertThat(ports.hasher.hashCalls()).isEqualTo(hashCalls);
        assertThat(ports.tokens.lookups()).isEqualTo(lookups);
        assertThat(ports.cache.hits()).isEqualTo(1);
    }

    @Test
    void firstVerificationRunsExactlyOneSecretComparison() {
        IssuedToken issued = ports.issuePersonalAccessToken(user, null);
        ports.hasher.resetCounts();

        verify(issued.token());

        assertThat(ports.hasher.verifyCalls()).isEqualTo(1);
        assertThat(ports.hasher.hashCalls()).isZero();
    }

    @Test
    void bearerValuesOfOtherMethodsAreAbstained() {
        for (String other : new String[] {
                "eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiIxIn0.c2lnbmF0dXJl",
                OpaqueToken.generate(TokenKind.ACCESS_TOKEN, 5).encode(),
                "dEnGhIFs3VnqcQU5D2zRSeiarB1nwH6goIKY0J8MWZbsnWcTuu1C59lW9DDCq1y4m7sBmWs",
                "WDN_PAT_" + "A".repeat(59), "", "wdn_pa"}) {
            assertThat(verify(other)).as(other).isEqualTo(Verification.ABSTAINED);
        }
        assertThat(ports.tokens.lookups()).isZero();
    }

    @Test
    void checksumBrokenTokenIsRejectedWithoutRepositoryOrHasher() {
        String valid = ports.issuePersonalAccessToken(user, null).token();
        ports.hasher.resetCounts();
        String broken = valid.substring(0, 20) + (valid.charAt(20) == 'A' ? 'B' : 'A') + valid.substring(21);

        Verification verification = verify(broken);

        assertThat(verification).isInstanceOf(Verification.Rejected.class);
        assertNoLookupNorHashing();
    }

    @Test
    void truncatedOrExtendedTokenIsRejectedWithoutRepositoryOrHasher() {
        String valid = ports.issuePersonalAccessToken(user, null).token();
        ports.hasher.resetCounts();

        assertThat(verify(valid.substring(0, valid.length() - 1))).isInstanceOf(Verification.Rejected.class);
        assertThat(verify(valid.substring(0, 10))).isInstanceOf(Verification.Rejected.class);
        assertThat(verify(valid + "A")).isInstanceOf(Verification.Rejected.class);
        assertThat(verify("wdn_pat_")).isInstanceOf(Verification.Rejected.class);
        assertNoLookupNorHashing();
    }

    @Test
    void unknownTokenIdIsRejectedAfterExactlyOneDummyComparison() {
        String neverStored = OpaqueToken.generate(TokenKind.PERSONAL_ACCESS_TOKEN, 123456789L).encode();
        ports.hasher.resetCounts();

        Verification verification = verify(neverStored);

        assertThat(verification).isInstanceOf(Verification.Rejected.class);
        assertThat(ports.hasher.verifyCalls()).as("timing equalisation: one comparison as for a wrong secret")
                .isEqualTo(1);
        assertThat(ports.hasher.hashCalls()).isZero();
    }

    @Test
    void unknownIdAndWrongSecretCostTheSameNumberOfComparisons() {
        IssuedToken issued = ports.issuePersonalAccessToken(user, null);
        String wrongSecret = OpaqueToken.generate(TokenKind.PERSONAL_ACCESS_TOKEN, issued.stored().id()).encode();
        String unknownId = OpaqueToken.generate(TokenKind.PERSONAL_ACCESS_TOKEN, issued.stored().id() + 1).encode();

        ports.hasher.resetCounts();
        verify(wrongSecret);
        int forWrongSecret = ports.hasher.verifyCalls();
        ports.hasher.resetCounts();
        verify(unknownId);

        assertThat(ports.hasher.verifyCalls()).isEqualTo(forWrongSecret).isEqualTo(1);
    }

    @Test
    void sameIdWithAnotherSecretIsRejected() {
        IssuedToken issued = ports.issuePersonalAccessToken(user, null);
        String forged = OpaqueToken.generate(TokenKind.PERSONAL_ACCESS_TOKEN, issued.stored().id()).encode();

        assertThat(verify(forged)).isInstanceOf(Verification.Rejected.class);
        assertThat(ports.cache.size()).isZero();
    }

    @Test
    void wrongSecretIsStillRejectedAfterTheRightOneWasCached() {
        IssuedToken issued = ports.issuePersonalAccessToken(user, null);
        assertThat(verify(issued.token())).isInstanceOf(Verification.Verified.class);
        String forged = OpaqueToken.generate(TokenKind.PERSONAL_ACCESS_TOKEN, issued.stored().id()).encode();

        assertThat(verify(forged)).isInstanceOf(Verification.Rejected.class);
    }

    // --- transparent rehash -----------------------------------------------------------------------

    @Test
    void tokenHashedUnderAnOlderConfigurationIsRehashedOnceOnItsFirstSuccess() {
        IssuedToken issued = ports.issuePersonalAccessToken(user, null);
        byte[] secret = OpaqueToken.parse(TokenKind.PERSONAL_ACCESS_TOKEN, issued.token()).orElseThrow().secret();
        ports.hasher.configureVersion(2);
        ports.hasher.resetCounts();
        int changes = ports.changes.all().size();

        assertThat(verify(issued.token())).isInstanceOf(Verification.Verified.class);

        SecretHash rehashed = ports.tokens.findById(issued.stored().id()).orElseThrow().secretHash();
        assertThat(rehashed).isNotEqualTo(issued.stored().secretHash());
        assertThat(rehashed.phc()).startsWith("$fake$v=2$");
        assertThat(ports.hasher.verify(rehashed, secret)).isTrue();
        assertThat(ports.hasher.hashCalls()).isEqualTo(1);
        assertThat(ports.tokens.hashUpdates()).isEqualTo(1);
        // Nothing else of the token changed, and no node is told to forget it.
        PersonalAccessToken stored = ports.tokens.findById(issued.stored().id()).orElseThrow();
        assertThat(stored.sequence()).isEqualTo(issued.stored().sequence());
        assertThat(stored.changedAt()).isEqualTo(issued.stored().changedAt());
        assertThat(ports.changes.all()).hasSize(changes);

        // The cache hit and the next full verification leave the fresh hash alone.
        assertThat(verify(issued.token())).isInstanceOf(Verification.Verified.class);
        ports.cache.invalidateCredential(Long.toString(issued.stored().id()));
        assertThat(verify(issued.token())).isInstanceOf(Verification.Verified.class);
        assertThat(ports.tokens.hashUpdates()).isEqualTo(1);
        assertThat(ports.hasher.hashCalls()).isEqualTo(1);
        assertThat(ports.tokens.findById(issued.stored().id()).orElseThrow().secretHash()).isEqualTo(rehashed);
    }

    @Test
    void tokenHashedUnderTheConfiguredVersionIsNotRehashed() {
        IssuedToken issued = ports.issuePersonalAccessToken(user, null);
        ports.hasher.resetCounts();

        assertThat(verify(issued.token())).isInstanceOf(Verification.Verified.class);

        assertThat(ports.hasher.hashCalls()).isZero();
        assertThat(ports.tokens.hashUpdates()).isZero();
    }

    @Test
    void refusedTokensAreNotRehashed() {
        IssuedToken wrongSecretTarget = ports.issuePersonalAccessToken(user, null);
        IssuedToken expired = ports.issuePersonalAccessToken(user, ports.clock.instant().plusSeconds(1));
        ServiceUser inactive = ports.serviceUser(org, "inactive-bot");
        IssuedToken ofInactiveUser = ports.issuePersonalAccessToken(inactive, null);
        ports.users.save(inactive.withState(UserState.INACTIVE, ports.clock.instant()));
        ports.clock.advance(Duration.ofSeconds(1));
        ports.hasher.configureVersion(2);
        ports.hasher.resetCounts();
        OpaqueToken valid = OpaqueToken.parse(TokenKind.PERSONAL_ACCESS_TOKEN, wrongSecretTarget.token()).orElseThrow();
        String wrongSecret = OpaqueToken.generate(TokenKind.PERSONAL_ACCESS_TOKEN, valid.id()).encode();

        assertThat(verify(wrongSecret)).isInstanceOf(Verification.Rejected.class);
        assertThat(verify(expired.token())).isInstanceOf(Verification.Rejected.class);
        assertThat(verify(ofInactiveUser.token())).isInstanceOf(Verification.Rejected.class);

        assertThat(ports.hasher.hashCalls()).isZero();
        assertThat(ports.tokens.hashUpdates()).isZero();
        assertThat(ports.tokens.all()).extracting(t -> t.secretHash().phc()).allMatch(h -> h.startsWith("$fake$v=1$"));
    }

    @Test
    void tokenRevokedWhileVerifiedIsNotBroughtBackByTheRehash() {
        IssuedToken issued = ports.issuePersonalAccessToken(user, null);
        ports.hasher.configureVersion(2);
        ports.hasher.duringNextVerify(() -> ports.tokens.remove(issued.stored().id()));

        verify(issued.token());

        assertThat(ports.tokens.hashUpdates()).isEqualTo(1);
        assertThat(ports.tokens.findById(issued.stored().id())).isEmpty();
    }

    @Test
    void expiredTokenIsRefusedOnFirstVerification() {
        IssuedToken issued = ports.issuePersonalAccessToken(user, ports.clock.instant().plusSeconds(60));
        ports.clock.advance(Duration.ofSeconds(60));

        assertThat(verify(issued.token())).isInstanceOf(Verification.Rejected.class);
        assertThat(ports.cache.size()).isZero();
    }

    @Test
    void cachedTokenIsRefusedOnceTheClockPassesItsExpiration() {
        Instant expiresAt = ports.clock.instant().plusSeconds(60);
        IssuedToken issued = ports.issuePersonalAccessToken(user, expiresAt);
        assertThat(verify(issued.token())).isInstanceOf(Verification.Verified.class);

        ports.clock.set(expiresAt.minusMillis(1));
        assertThat(verify(issued.token())).isInstanceOf(Verification.Verified.class);
        ports.clock.set(expiresAt);
        assertThat(verify(issued.token())).isInstanceOf(Verification.Rejected.class);
        ports.clock.advance(Duration.ofDays(1));
        assertThat(verify(issued.token())).isInstanceOf(Verification.Rejected.class);
    }

    @Test
    void cachedEntryIsRefusedOnceExpiredEvenWhenTheCacheStillReturnsIt() {
        // A production cache may hand back an entry a moment after its expiry; the verifier must not trust it.
        Instant expiresAt = ports.clock.instant().plusSeconds(60);
        IssuedToken issued = ports.issuePersonalAccessToken(user, expiresAt);
        InMemoryVerifiedCredentialCache neverExpiring =
                new InMemoryVerifiedCredentialCache(Clock.fixed(Instant.EPOCH, ZoneOffset.UTC));
        CredentialVerifier lenient = new PatVerifierProvider().create(new VerifierContext(
                ports.clock, ports.organizations, ports.users, ports.tokens, ports.hasher, neverExpiring, ports.usage,
                Map.of(), ports.accessTokens, ports.secrets, ports.machineKeys, ports.assertions, ports.replayGuard,
                ports.signingKeys, ports.oauth.issuer(), ports.oauth.assertionRules(),
                new ReadOnlyApiClientDirectory(clientId -> Optional.empty()),
                ports.clientCache));
        assertThat(lenient.verify(bearer(issued.token()))).isInstanceOf(Verification.Verified.class);

        ports.clock.set(expiresAt);

        assertThat(lenient.verify(bearer(issued.token()))).isInstanceOf(Verification.Rejected.class);
    }

    @Test
    void revokedTokenIsRefusedOnNextRequestOnceItsCacheEntryIsInvalidated() {
        IssuedToken issued = ports.issuePersonalAccessToken(user, null);
        assertThat(verify(issued.token())).isInstanceOf(Verification.Verified.class);

        ports.tokens.remove(issued.stored().id());
        ports.cache.invalidateCredential(Long.toString(issued.stored().id()));

        assertThat(verify(issued.token())).isInstanceOf(Verification.Rejected.class);
    }

    @ParameterizedTest
    @EnumSource(value = UserState.class, names = {"INACTIVE", "LOCKED", "DELETED"})
    void tokenOfAUserWhoCannotAuthenticateIsRejected(UserState state) {
        IssuedToken issued = ports.issuePersonalAccessToken(user, null);
        ports.users.save(withState(user, state));

        assertThat(verify(issued.token())).isInstanceOf(Verification.Rejected.class);
        assertThat(ports.cache.size()).isZero();
    }

    @Test
    void deactivatedUserIsRefusedOnNextRequestOnceTheUsersCacheEntriesAreInvalidated() {
        IssuedToken issued = ports.issuePersonalAccessToken(user, null);
        assertThat(verify(issued.token())).isInstanceOf(Verification.Verified.class);

        ports.users.save(withState(user, UserState.INACTIVE));
        ports.cache.invalidateUser(user.id());

        assertThat(verify(issued.token())).isInstanceOf(Verification.Rejected.class);
    }

    @Test
    void tokenOfAMissingUserIsRejected() {
        IssuedToken issued = ports.issuePersonalAccessToken(user, null);
        ports.users.remove(user.id());

        assertThat(verify(issued.token())).isInstanceOf(Verification.Rejected.class);
    }

    @ParameterizedTest
    @EnumSource(value = OrgState.class, names = {"INACTIVE", "REMOVED"})
    void tokenOfAnOrganizationThatIsNotActiveIsRejected(OrgState state) {
        IssuedToken issued = ports.issuePersonalAccessToken(user, null);
        ports.organizations.save(org.withState(state, ports.clock.instant()));

        assertThat(verify(issued.token())).isInstanceOf(Verification.Rejected.class);
        assertThat(ports.cache.size()).isZero();
        assertThat(ports.usage.uses()).isEmpty();
    }

    @Test
    void tokenOfAMissingOrganizationIsRejected() {
        ServiceUser orphan = ports.users.save(ServiceUser.create(ports.ids.nextId(), 987_654_321L, "orphan", "Orphan",
                ports.clock.instant()));
        IssuedToken issued = ports.issuePersonalAccessToken(orphan, null);

        assertThat(verify(issued.token())).isInstanceOf(Verification.Rejected.class);
    }

    @Test
    void deactivatedOrganizationIsRefusedOnNextRequestOnceItsCacheEntriesAreInvalidated() {
        IssuedToken issued = ports.issuePersonalAccessToken(user, null);
        assertThat(verify(issued.token())).isInstanceOf(Verification.Verified.class);

        ports.organizations.save(org.withState(OrgState.INACTIVE, ports.clock.instant()));
        ports.cache.invalidateOrg(org.id());

        assertThat(verify(issued.token())).isInstanceOf(Verification.Rejected.class);
    }

    @Test
    void freshVerificationRecordsTheTokensUse() {
        IssuedToken issued = ports.issuePersonalAccessToken(user, null);
        ports.clock.advance(Duration.ofMinutes(3));

        assertThat(verify(issued.token())).isInstanceOf(Verification.Verified.class);

        assertThat(ports.usage.uses()).containsExactly(
                new RecordingTokenUsageRecorder.Use(issued.stored().id(), ports.clock.instant()));
    }

    @Test
    void cacheHitRecordsTheTokensUseToo() {
        IssuedToken issued = ports.issuePersonalAccessToken(user, null);
        verify(issued.token());
        Instant first = ports.clock.instant();
        ports.clock.advance(Duration.ofSeconds(30));

        assertThat(verify(issued.token())).isInstanceOf(Verification.Verified.class);

        assertThat(ports.cache.hits()).isEqualTo(1);
        assertThat(ports.usage.uses()).containsExactly(
                new RecordingTokenUsageRecorder.Use(issued.stored().id(), first),
                new RecordingTokenUsageRecorder.Use(issued.stored().id(), ports.clock.instant()));
    }

    @Test
    void refusedTokensRecordNoUse() {
        IssuedToken expiring = ports.issuePersonalAccessToken(user, ports.clock.instant().plusSeconds(60));
        verify(expiring.token());
        ports.usage.clear();
        ports.clock.advance(Duration.ofSeconds(60));

        verify(expiring.token());
        verify(OpaqueToken.generate(TokenKind.PERSONAL_ACCESS_TOKEN, expiring.stored().id()).encode());
        verify(OpaqueToken.generate(TokenKind.PERSONAL_ACCESS_TOKEN, 424242).encode());

        assertThat(ports.usage.uses()).isEmpty();
    }

    @Test
    void reasonForLogsNeverContainsTheToken() {
        IssuedToken expiring = ports.issuePersonalAccessToken(user, ports.clock.instant().plusSeconds(5));
        ServiceUser locked = ports.serviceUser(org, "locked-bot");
        IssuedToken ofLockedUser = ports.issuePersonalAccessToken(locked, null);
        ports.users.save(withState(locked, UserState.LOCKED));
        String valid = expiring.token();
        List<String> refused = List.of(
                OpaqueToken.generate(TokenKind.PERSONAL_ACCESS_TOKEN, expiring.stored().id()).encode(),
                OpaqueToken.generate(TokenKind.PERSONAL_ACCESS_TOKEN, 999).encode(),
                valid.substring(0, 30) + (valid.charAt(30) == 'A' ? 'B' : 'A') + valid.substring(31),
                valid.substring(0, 40),
                ofLockedUser.token());

        List<Verification> verifications = new ArrayList<>();
        refused.forEach(token -> verifications.add(verify(token)));
        ports.clock.advance(Duration.ofSeconds(5));
        verifications.add(verify(valid));

        List<String> tokens = new ArrayList<>(refused);
        tokens.add(valid);
        for (int i = 0; i < tokens.size(); i++) {
            String token = tokens.get(i);
            assertThat(verifications.get(i)).isInstanceOf(Verification.Rejected.class);
            assertThat(((Verification.Rejected) verifications.get(i)).reasonForLogs())
                    .isNotBlank()
                    .doesNotContain(token)
                    .doesNotContain(token.substring(8, Math.min(token.length(), 30)));
        }
    }

    @Test
    void tokenIsFoundOnlyUnderItsOwnStoredRecord() {
        // A second user's token must never authenticate as the first user, even when cached side by side.
        ServiceUser other = ports.serviceUser(org, "other-bot");
        IssuedToken mine = ports.issuePersonalAccessToken(user, null);
        IssuedToken theirs = ports.issuePersonalAccessToken(other, null);

        Verification.Verified a = (Verification.Verified) verify(mine.token());
        Verification.Verified b = (Verification.Verified) verify(theirs.token());

        assertThat(a.principal().userId()).isEqualTo(user.id());
        assertThat(b.principal().userId()).isEqualTo(other.id());
        assertThat(((Verification.Verified) verify(theirs.token())).principal().userId()).isEqualTo(other.id());
    }

    @Test
    void storedTokenWithAHashOfAnotherSchemeIsRejectedNotThrown() {
        IssuedToken issued = ports.issuePersonalAccessToken(user, null);
        PersonalAccessToken stored = issued.stored();
        ports.tokens.save(new PersonalAccessToken(stored.id(), stored.userId(), stored.orgId(),
                new SecretHash("$argon2id$v=19$m=19456,t=2,p=1$c2FsdA$aGFzaA"),
                stored.expiresAt(), stored.sequence(), stored.createdAt(), stored.changedAt()));

        assertThat(verify(issued.token())).isInstanceOf(Verification.Rejected.class);
    }

    private void assertNoLookupNorHashing() {
        assertThat(ports.tokens.lookups()).as("token look-ups").isZero();
        assertThat(ports.users.lookups()).as("user look-ups").isZero();
        assertThat(ports.hasher.verifyCalls()).as("hasher.verify calls").isZero();
        assertThat(ports.hasher.hashCalls()).as("hasher.hash calls").isZero();
    }

    private Verification verify(String token) {
        return verifier.verify(bearer(token));
    }

    private static PresentedCredential bearer(String token) {
        return new PresentedCredential("Bearer", token);
    }

    private static ServiceUser withState(ServiceUser user, UserState state) {
        return new ServiceUser(user.id(), user.orgId(), user.userName(), user.displayName(), user.description(),
                user.accessTokenType(), state, user.sequence() + 1, user.createdAt(), user.changedAt());
    }
}
