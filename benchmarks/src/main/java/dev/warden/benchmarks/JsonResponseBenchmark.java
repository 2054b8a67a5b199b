package dev.warden.benchmarks;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.warden.application.port.in.IntrospectionResult;
import dev.warden.application.port.in.OrganizationResult;
import dev.warden.domain.org.OrgState;
import dev.warden.domain.org.Organization;
import dev.warden.http.introspection.IntrospectionClaimsAccess;
import dev.warden.http.json.JsonCodec;
import dev.warden.http.org.GetMyOrgResponse;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import static dev.warden.benchmarks.OpaqueTokenBenchmark.require;

/**
 * JSON of the hottest answers with the server's own mapper ({@link JsonCodec#mapper()}), as
 * {@link JsonCodec#send} writes them ({@code writeValueAsBytes}): the body of
 * {@code GET /management/v1/orgs/me} and the active introspection answer of a PAT.
 */
@State(Scope.Benchmark)
@BenchmarkMode({Mode.AverageTime, Mode.Throughput})
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class JsonResponseBenchmark {

    private static final long ORG_ID = 291743516339486721L;
    private static final long PROJECT_ID = 291799912345678901L;

    private ObjectMapper mapper;
    private OrganizationResult myOrg;
    private GetMyOrgResponse myOrgResponse;
    private IntrospectionResult.ActiveTokenResult activePat;
    private Map<String, Object> activePatClaims;

    @Setup
    public void setUp() throws JsonProcessingException {
        mapper = new JsonCodec(1 << 20).mapper();
        Organization org = new Organization(ORG_ID, "ACME Corporation", "acme-corporation.localhost",
                OrgState.ACTIVE, 7, Instant.parse("2025-08-28T09:14:42.123456Z"),
                Instant.parse("2025-11-02T17:03:11.5Z"));
        myOrg = new OrganizationResult(org);
        myOrgResponse = GetMyOrgResponse.from(myOrg);
        // The active answer for a PAT with profile, resource owner and role claims (as in the endpoint's tests).
        activePat = new IntrospectionResult.ActiveTokenResult(
                "291745830282477569",
                List.of("openid", "profile", "urn:zitadel:iam:user:metadata", "urn:zitadel:iam:user:resourceowner",
                        "urn:zitadel:iam:org:project:role:reader"),
                "", Instant.ofEpochSecond(1756372560), Instant.parse("9999-12-31T23:59:59Z"),
                List.of("291799912345678902", Long.toString(PROJECT_ID)), "https://acme.zitadel.cloud",
                "291746120515731457",
                Optional.of(new IntrospectionResult.ProfileResult("robot", "My Machine Account",
                        Instant.ofEpochSecond(1756372482, 123_000_000))),
                Optional.of(new IntrospectionResult.ResourceOwnerResult(ORG_ID, "ZITADEL", "zitadel.localhost")),
                PROJECT_ID,
                Map.of("writer", Map.of(Long.toString(ORG_ID), "zitadel.localhost"),
                        "reader", Map.of(Long.toString(ORG_ID), "zitadel.localhost",
                                "291743516339486722", "b.localhost")));
        activePatClaims = IntrospectionClaimsAccess.of(activePat);
        String orgBody = new String(mapper.writeValueAsBytes(myOrgResponse), StandardCharsets.UTF_8);
        require(orgBody.startsWith("{\"org\":{\"id\":\"291743516339486721\",\"details\":{\"sequence\":\"7\""), "the org body: " + orgBody);
        String claims = new String(mapper.writeValueAsBytes(activePatClaims), StandardCharsets.UTF_8);
        require(claims.startsWith("{\"active\":true,\"scope\":\"openid profile") && claims.contains(":roles\":{\"reader\""),
                "the introspection body: " + claims);
    }

    /** The prebuilt {@code GetMyOrgResponse} to bytes (about 250 bytes). */
    @Benchmark
    public byte[] myOrgSerialize() throws JsonProcessingException {
        return mapper.writeValueAsBytes(myOrgResponse);
    }

    /** The use case's result mapped to the wire records (two timestamps formatted), then to bytes. */
    @Benchmark
    public byte[] myOrgMapAndSerialize() throws JsonProcessingException {
        return mapper.writeValueAsBytes(GetMyOrgResponse.from(myOrg));
    }

    /** The prebuilt claims map of an active PAT to bytes (about 900 bytes). */
    @Benchmark
    public byte[] introspectionSerialize() throws JsonProcessingException {
        return mapper.writeValueAsBytes(activePatClaims);
    }

    /** The use case's result built into the claims map, then to bytes. */
    @Benchmark
    public byte[] introspectionBuildAndSerialize() throws JsonProcessingException {
        return mapper.writeValueAsBytes(IntrospectionClaimsAccess.of(activePat));
    }

    /** {@code {"active":false}}. */
    @Benchmark
    public byte[] introspectionInactiveSerialize() throws JsonProcessingException {
        return mapper.writeValueAsBytes(IntrospectionClaimsAccess.inactive());
    }
}
