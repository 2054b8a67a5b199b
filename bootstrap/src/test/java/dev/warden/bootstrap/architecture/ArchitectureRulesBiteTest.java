package dev.warden.bootstrap.architecture;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.lang.EvaluationResult;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.util.Arrays;
import java.util.List;

import static dev.warden.bootstrap.architecture.ArchitectureClasses.FIXTURES_ROOT;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every {@link ArchitectureRule} reports the deliberately broken fixtures under
 * {@code dev.warden.bootstrap.architecture.fixtures}: a rule that cannot fail is a defect. The
 * switch below is exhaustive, so a new rule does not compile until it names the fixture that
 * breaks it.
 */
class ArchitectureRulesBiteTest {

    private static final JavaClasses FIXTURES = ArchitectureClasses.fixtures();

    @ParameterizedTest(name = "{0}")
    @EnumSource(ArchitectureRule.class)
    void ruleReportsItsBrokenFixture(ArchitectureRule rule) {
        ArchitectureTest.assertTargetsAreNotEmpty(rule, FIXTURES_ROOT, FIXTURES);

        EvaluationResult result = rule.create(FIXTURES_ROOT).evaluate(FIXTURES);

        assertThat(result.hasViolation()).as("%s reports a violation", rule).isTrue();
        String report = ArchitectureTest.report(result);
        assertThat(report).as("%s names every fixture that breaks it", rule).contains(expectedInReport(rule));
    }

    /** Fixture classes (and, where useful, the offending types) each rule must name. */
    private static List<String> expectedInReport(ArchitectureRule rule) {
        return switch (rule) {
            case LAYERS_WITH_EXPLICIT_BOOTSTRAP -> fixtures("domain.DomainUsingApplication",
                    "application.ApplicationUsingHttp", "http.HttpUsingPersistence", "http.HttpUsingBootstrap");
            case DOMAIN_DEPENDS_ONLY_ON_THE_JDK -> fixtures("domain.DomainUsingApplication",
                    "domain.DomainUsingFramework");
            case APPLICATION_DEPENDS_ONLY_ON_THE_JDK_AND_DOMAIN -> fixtures("application.ApplicationUsingHttp",
                    "application.ApplicationUsingFramework");
            case SERVICES_ARE_USED_ONLY_BY_BOOTSTRAP -> fixtures("http.EndpointCallingServiceDirectly");
            case IN_PORTS_AND_OUT_PORTS_ARE_INDEPENDENT -> fixtures("application.port.in.LeakyQuery",
                    "application.port.out.OutPortUsingInPort");
            case ADAPTERS_ARE_INDEPENDENT -> fixtures("http.HttpUsingPersistence", "persistence.PersistenceUsingHttp");
            case NO_PACKAGE_CYCLES -> fixtures("domain.cycle.a.CycleA", "domain.cycle.b.CycleB");
            case IN_PORT_INTERFACES_ARE_USE_CASES -> fixtures("application.port.in.OrgLookupPort");
            case IN_PORT_TYPES_ARE_COMMAND_QUERY_OR_RESULT_RECORDS -> fixtures("application.port.in.BarCommand",
                    "application.port.in.InPortHelper");
            case USE_CASES_ARE_IMPLEMENTED_BY_SERVICES -> fixtures("application.UseCaseImplementedOutsideService",
                    "application.service.FixtureHandler");
            case SERVICE_PACKAGE_HOLDS_ONLY_USE_CASE_SERVICES -> fixtures("application.service.FixtureHandler",
                    "application.service.HelperInServicePackage");
            case HTTP_SERVICES_ARE_ENDPOINTS -> fixtures("http.MisnamedHttpService");
            case COMMANDS_QUERIES_REQUESTS_RESPONSES_ARE_RECORDS -> fixtures("application.port.in.BarCommand",
                    "http.FooResponse");
            case NO_GLOBAL_CONFIGURATION_LOOKUPS -> fixtures("bootstrap.GlobalConfigCaller",
                    "bootstrap.GlobalConfigLookup");
            case CREDENTIAL_VERIFIERS_ARE_NOT_PUBLIC -> fixtures("application.token.PublicVerifier");
            case CREDENTIAL_VERIFIERS_ARE_USED_ONLY_BY_THEIR_PROVIDERS -> fixtures("http.EndpointUsingVerifierDirectly");
            case CREDENTIAL_VERIFIERS_ARE_SELF_CONTAINED -> List.of(
                    FIXTURES_ROOT + ".application.token.VerifierUsingAdapters",
                    FIXTURES_ROOT + ".persistence.FixtureRowMapper", "java.sql.Connection",
                    "io.helidon.webserver.http.ServerRequest",
                    FIXTURES_ROOT + ".application.other.ProviderOfAForeignVerifier");
            case VERIFIER_PROVIDERS_ARE_USED_ONLY_THROUGH_SERVICE_LOADER ->
                    fixtures("bootstrap.WiringBypassingServiceLoader");
            case VERIFIER_PROVIDERS_ARE_REGISTERED_FOR_SERVICE_LOADER ->
                    fixtures("application.token.PublicVerifierProvider");
            case DOMAIN_DOES_NO_IO_AND_NO_LOGGING -> List.of(FIXTURES_ROOT + ".domain.DomainDoingIo",
                    "java.sql.Connection", "java.nio.file.Path", "java.net.URI", "java.util.logging.Logger",
                    "java.lang.System.out");
        };
    }

    private static List<String> fixtures(String... relativeNames) {
        return Arrays.stream(relativeNames).map(name -> FIXTURES_ROOT + "." + name).toList();
    }
}
