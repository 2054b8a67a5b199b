package dev.warden.bootstrap.architecture;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.EvaluationResult;
import com.tngtech.archunit.library.dependencies.SliceRule;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static dev.warden.bootstrap.architecture.ArchitectureClasses.PRODUCTION_ROOT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Every {@link ArchitectureRule} holds for Warden's production classes. That each rule can fail at
 * all is proven by {@link ArchitectureRulesBiteTest}.
 */
class ArchitectureTest {

    private static final JavaClasses PRODUCTION = ArchitectureClasses.production();

    /**
     * Package cycles that exist in production code today, each named by the one dependency (origin
     * class → target class) that closes it. They are debts, not design: remove an entry when its
     * cycle is broken ({@link #knownPackageCyclesAreStillThere} fails until you do).
     * <ul>
     *   <li>domain.member ↔ domain.policy: {@code Membership} holds {@code Role}/{@code MemberScope},
     *       and {@code RolePolicy.decide} takes {@code Membership}s.</li>
     *   <li>application.auth ↔ application.port.out: {@code VerifierContext} hands the driven ports to
     *       verifiers, and {@code VerifiedCredentialCache} stores {@code Principal}.</li>
     * </ul>
     */
    private static final Map<String, String> KNOWN_CYCLE_EDGES = Map.of(
            "dev.warden.domain.policy.RolePolicy", "dev.warden.domain.member.Membership",
            "dev.warden.application.port.out.VerifiedCredentialCache", "dev.warden.application.auth.Principal");

    @ParameterizedTest(name = "{0}")
    @EnumSource(value = ArchitectureRule.class, mode = EnumSource.Mode.EXCLUDE, names = "NO_PACKAGE_CYCLES")
    void productionCodeFollowsRule(ArchitectureRule rule) {
        assertTargetsAreNotEmpty(rule, PRODUCTION_ROOT, PRODUCTION);

        rule.create(PRODUCTION_ROOT).check(PRODUCTION);
    }

    @Test
    void productionCodeHasNoPackageCyclesButTheKnownOnes() {
        assertTargetsAreNotEmpty(ArchitectureRule.NO_PACKAGE_CYCLES, PRODUCTION_ROOT, PRODUCTION);
        SliceRule rule = ArchitectureRule.packageCycles(PRODUCTION_ROOT);
        for (Map.Entry<String, String> edge : KNOWN_CYCLE_EDGES.entrySet()) {
            rule = rule.ignoreDependency(edge.getKey(), edge.getValue()); // returns a new rule
        }

        rule.check(PRODUCTION);
    }

    @Test
    void knownPackageCyclesAreStillThere() {
        String report = report(ArchitectureRule.NO_PACKAGE_CYCLES.create(PRODUCTION_ROOT).evaluate(PRODUCTION));

        KNOWN_CYCLE_EDGES.forEach((origin, target) -> assertThat(report)
                .as("the cycle closed by %s -> %s is gone: remove it from KNOWN_CYCLE_EDGES", origin, target)
                .containsPattern("<" + Pattern.quote(origin) + "\\b.*" + Pattern.quote(target)));
    }

    @Test
    void importHoldsEveryModuleAndNoTestCode() {
        for (String module : List.of("domain", "application", "http", "persistence", "bootstrap")) {
            assertThat(PRODUCTION.that(resideInAPackage(PRODUCTION_ROOT + "." + module + "..")))
                    .as("production classes of %s", module).isNotEmpty();
        }
        assertThat(PRODUCTION.stream().map(JavaClass::getName))
                .as("no test classes, fakes or fixtures among the production classes")
                .noneMatch(name -> name.startsWith(ArchitectureClasses.FIXTURES_ROOT))
                .noneMatch(name -> name.startsWith("dev.warden.application.fakes."))
                .noneMatch(name -> name.endsWith("Test"))
                .doesNotContain("dev.warden.application.auth.CredentialVerifierContract");
    }

    /** ArchUnit 1.x fails a rule whose {@code that()} selects nothing; the rules above rely on it too. */
    @Test
    void ruleWithoutTargetsFails() {
        ArchRule vacuous = classes().that().resideInAPackage(PRODUCTION_ROOT + ".nosuchpackage..").should().bePublic();

        assertThatThrownBy(() -> vacuous.check(PRODUCTION))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("failed to check any classes");
    }

    /** Layers are not optional by default either: a layer without classes is a violation. */
    @Test
    void layeredRuleFailsOnAnEmptyLayer() {
        JavaClasses domainOnly = PRODUCTION.that(resideInAPackage(PRODUCTION_ROOT + ".domain.."));

        EvaluationResult result = ArchitectureRule.LAYERS_WITH_EXPLICIT_BOOTSTRAP.create(PRODUCTION_ROOT)
                .evaluate(domainOnly);

        assertThat(result.hasViolation()).isTrue();
        assertThat(report(result)).contains("Layer 'Bootstrap' is empty");
    }

    static void assertTargetsAreNotEmpty(ArchitectureRule rule, String root, JavaClasses classes) {
        for (ArchitectureRule.Target target : rule.targets(root)) {
            assertThat(classes.that(target.predicate()))
                    .as("%s: target '%s' must not be empty, or the rule checks nothing", rule, target.description())
                    .isNotEmpty();
        }
    }

    static String report(EvaluationResult result) {
        return String.join("\n", result.getFailureReport().getDetails());
    }
}
