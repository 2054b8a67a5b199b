package dev.warden.bootstrap.architecture;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.EvaluationResult;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.util.List;

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

    @ParameterizedTest(name = "{0}")
    @EnumSource(ArchitectureRule.class)
    void productionCodeFollowsRule(ArchitectureRule rule) {
        assertTargetsAreNotEmpty(rule, PRODUCTION_ROOT, PRODUCTION);

        rule.create(PRODUCTION_ROOT).check(PRODUCTION);
    }

    /** The test-only example methods are written as docs/extending-authentication.md says: they follow the rules too. */
    @Test
    void theExampleMethodsFollowTheVerifierRules() {
        JavaClasses examples = new com.tngtech.archunit.core.importer.ClassFileImporter()
                .importPackages("dev.warden.bootstrap.extension");
        assertThat(examples.stream().filter(c -> c.isAssignableTo(dev.warden.application.auth.CredentialVerifier.class)
                && !c.isInterface())).hasSizeGreaterThanOrEqualTo(2);
        for (ArchitectureRule rule : List.of(ArchitectureRule.CREDENTIAL_VERIFIERS_ARE_SELF_CONTAINED,
                ArchitectureRule.CREDENTIAL_VERIFIERS_ARE_NOT_PUBLIC,
                ArchitectureRule.CREDENTIAL_VERIFIERS_ARE_USED_ONLY_BY_THEIR_PROVIDERS)) {
            EvaluationResult result = rule.create(PRODUCTION_ROOT).evaluate(examples);
            assertThat(result.hasViolation()).as("%s: %s", rule, report(result)).isFalse();
        }
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
