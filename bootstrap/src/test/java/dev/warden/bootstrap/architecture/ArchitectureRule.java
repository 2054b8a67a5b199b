package dev.warden.bootstrap.architecture;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.Dependency;
import com.tngtech.archunit.core.domain.JavaAccess;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.core.domain.properties.HasName;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.CompositeArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import com.tngtech.archunit.library.dependencies.SliceRule;
import dev.warden.application.auth.CredentialVerifier;
import dev.warden.application.auth.CredentialVerifierProvider;

import java.io.Serializable;
import java.util.Collection;
import java.util.List;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.stream.Collectors;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.INTERFACES;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.equivalentTo;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.implement;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.simpleNameEndingWith;
import static com.tngtech.archunit.core.domain.properties.HasModifiers.Predicates.modifier;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/**
 * Warden's architecture rules. Every rule is built for a base package ({@code root}), so the same
 * rule runs against production ({@code dev.warden}, expecting no violation) and against the
 * broken fixtures (expecting one). Each rule also names its targets: the class sets it is about,
 * which must not be empty, or the rule would pass without checking anything.
 */
enum ArchitectureRule {

    LAYERS_WITH_EXPLICIT_BOOTSTRAP {
        @Override
        ArchRule create(String root) {
            return layeredArchitecture()
                    .consideringOnlyDependenciesInLayers()
                    .layer("Domain").definedBy(root + ".domain..")
                    .layer("Application").definedBy(root + ".application..")
                    .layer("HttpAdapter").definedBy(root + ".http..")
                    .layer("PersistenceAdapter").definedBy(root + ".persistence..")
                    .layer("Bootstrap").definedBy(root + ".bootstrap..")
                    .whereLayer("Domain").mayNotAccessAnyLayer()
                    .whereLayer("Application").mayOnlyAccessLayers("Domain")
                    .whereLayer("Application").mayOnlyBeAccessedByLayers("HttpAdapter", "PersistenceAdapter",
                            "Bootstrap")
                    .whereLayer("HttpAdapter").mayOnlyBeAccessedByLayers("Bootstrap")
                    .whereLayer("PersistenceAdapter").mayOnlyBeAccessedByLayers("Bootstrap")
                    .whereLayer("Bootstrap").mayNotBeAccessedByAnyLayer();
        }

        @Override
        List<Target> targets(String root) {
            return List.of(Target.inPackage(root + ".domain.."), Target.inPackage(root + ".application.."),
                    Target.inPackage(root + ".http.."), Target.inPackage(root + ".persistence.."),
                    Target.inPackage(root + ".bootstrap.."));
        }
    },

    DOMAIN_DEPENDS_ONLY_ON_THE_JDK {
        @Override
        ArchRule create(String root) {
            return classes().that().resideInAPackage(root + ".domain..")
                    .should().onlyDependOnClassesThat().resideInAnyPackage("java..", root + ".domain..");
        }

        @Override
        List<Target> targets(String root) {
            return List.of(Target.inPackage(root + ".domain.."));
        }
    },

    APPLICATION_DEPENDS_ONLY_ON_THE_JDK_AND_DOMAIN {
        @Override
        ArchRule create(String root) {
            return classes().that().resideInAPackage(root + ".application..")
                    .should().onlyDependOnClassesThat()
                    .resideInAnyPackage("java..", root + ".domain..", root + ".application..");
        }

        @Override
        List<Target> targets(String root) {
            return List.of(Target.inPackage(root + ".application.."));
        }
    },

    SERVICES_ARE_USED_ONLY_BY_BOOTSTRAP {
        @Override
        ArchRule create(String root) {
            return classes().that().resideInAPackage(root + ".application.service..")
                    .should().onlyHaveDependentClassesThat()
                    .resideInAnyPackage(root + ".bootstrap..", root + ".application.service..");
        }

        @Override
        List<Target> targets(String root) {
            return List.of(Target.inPackage(root + ".application.service.."));
        }
    },

    IN_PORTS_AND_OUT_PORTS_ARE_INDEPENDENT {
        @Override
        ArchRule create(String root) {
            // Both sides may use domain and application.auth types (Principal, Verification, ...).
            return slices().matching(root + ".application.port.(*)..").namingSlices("port.$1")
                    .should().notDependOnEachOther();
        }

        @Override
        List<Target> targets(String root) {
            return List.of(Target.inPackage(root + ".application.port.in.."),
                    Target.inPackage(root + ".application.port.out.."));
        }
    },

    ADAPTERS_ARE_INDEPENDENT {
        @Override
        ArchRule create(String root) {
            return CompositeArchRule
                    .of(noClasses().that().resideInAPackage(root + ".http..")
                            .should().dependOnClassesThat().resideInAPackage(root + ".persistence.."))
                    .and(noClasses().that().resideInAPackage(root + ".persistence..")
                            .should().dependOnClassesThat().resideInAPackage(root + ".http.."));
        }

        @Override
        List<Target> targets(String root) {
            return List.of(Target.inPackage(root + ".http.."), Target.inPackage(root + ".persistence.."));
        }
    },

    NO_PACKAGE_CYCLES {
        @Override
        ArchRule create(String root) {
            return packageCycles(root);
        }

        @Override
        List<Target> targets(String root) {
            return List.of(Target.inPackage(root + ".."));
        }
    },

    IN_PORT_INTERFACES_ARE_USE_CASES {
        @Override
        ArchRule create(String root) {
            return classes().that().resideInAPackage(root + ".application.port.in..").and().areInterfaces()
                    .should().haveSimpleNameEndingWith("UseCase");
        }

        @Override
        List<Target> targets(String root) {
            return List.of(Target.of("interfaces in " + root + ".application.port.in..",
                    resideInAPackage(root + ".application.port.in..").and(INTERFACES)));
        }
    },

    IN_PORT_TYPES_ARE_COMMAND_QUERY_OR_RESULT_RECORDS {
        @Override
        ArchRule create(String root) {
            return classes().that().resideInAPackage(root + ".application.port.in..").and().areNotInterfaces()
                    .should().beRecords()
                    .andShould().haveNameMatching(".*(Command|Query|Result)")
                    .as("non-interface types in " + root + ".application.port.in.. should be records named "
                            + "…Command, …Query or …Result");
        }

        @Override
        List<Target> targets(String root) {
            return List.of(Target.of("non-interface types in " + root + ".application.port.in..",
                    resideInAPackage(root + ".application.port.in..").and(not(INTERFACES))));
        }
    },

    USE_CASES_ARE_IMPLEMENTED_BY_SERVICES {
        @Override
        ArchRule create(String root) {
            return classes().that().implement(useCase(root)).and().areNotInterfaces()
                    .should().resideInAPackage(root + ".application.service..")
                    .andShould().haveSimpleNameEndingWith("Service");
        }

        @Override
        List<Target> targets(String root) {
            return List.of(Target.of("implementations of " + useCase(root).getDescription(),
                    implement(useCase(root)).and(not(INTERFACES))));
        }
    },

    SERVICE_PACKAGE_HOLDS_ONLY_USE_CASE_SERVICES {
        @Override
        ArchRule create(String root) {
            return classes().that().resideInAPackage(root + ".application.service..").and().areTopLevelClasses()
                    .should().haveSimpleNameEndingWith("Service")
                    .andShould().implement(useCase(root));
        }

        @Override
        List<Target> targets(String root) {
            return List.of(Target.inPackage(root + ".application.service.."));
        }
    },

    HTTP_SERVICES_ARE_ENDPOINTS {
        @Override
        ArchRule create(String root) {
            return classes().that().resideInAPackage(root + "..").and().implement(HTTP_SERVICE)
                    .and().areNotInterfaces()
                    .should().haveSimpleNameEndingWith("Endpoint");
        }

        @Override
        List<Target> targets(String root) {
            return List.of(Target.of("implementations of " + HTTP_SERVICE,
                    resideInAPackage(root + "..").and(implement(HTTP_SERVICE)).and(not(INTERFACES))));
        }
    },

    COMMANDS_QUERIES_REQUESTS_RESPONSES_ARE_RECORDS {
        @Override
        ArchRule create(String root) {
            return classes().that(wireOrCommandType(root)).should().beRecords();
        }

        @Override
        List<Target> targets(String root) {
            return List.of(Target.of(wireOrCommandType(root).getDescription(), wireOrCommandType(root)));
        }
    },

    NO_GLOBAL_CONFIGURATION_LOOKUPS {
        @Override
        ArchRule create(String root) {
            return noClasses().that().resideInAPackage(root + "..")
                    .should().accessTargetWhere(CONFIG_GLOBAL)
                    .orShould().dependOnClassesThat().haveFullyQualifiedName("io.helidon.common.config.GlobalConfig")
                    .orShould().dependOnClassesThat()
                    .haveFullyQualifiedName("io.helidon.service.registry.GlobalServiceRegistry")
                    .orShould().dependOnClassesThat().haveFullyQualifiedName("io.helidon.service.registry.Services");
        }

        @Override
        List<Target> targets(String root) {
            return List.of(Target.inPackage(root + ".."));
        }
    },

    CREDENTIAL_VERIFIERS_ARE_NOT_PUBLIC {
        @Override
        ArchRule create(String root) {
            return classes().that().resideInAPackage(root + "..").and().implement(CredentialVerifier.class)
                    .and().areNotInterfaces()
                    .should().notBePublic();
        }

        @Override
        List<Target> targets(String root) {
            return List.of(verifiers(root));
        }
    },

    CREDENTIAL_VERIFIERS_ARE_USED_ONLY_BY_THEIR_PROVIDERS {
        @Override
        ArchRule create(String root) {
            return classes().that().resideInAPackage(root + "..").and().implement(CredentialVerifier.class)
                    .and().areNotInterfaces()
                    .should(haveNoDependentsExceptThemselvesAnd(implement(CredentialVerifierProvider.class),
                            "have no dependent classes but themselves and their providers"));
        }

        @Override
        List<Target> targets(String root) {
            return List.of(verifiers(root));
        }
    },

    CREDENTIAL_VERIFIERS_ARE_SELF_CONTAINED {
        @Override
        ArchRule create(String root) {
            DescribedPredicate<JavaClass> adapterCode = resideInAnyPackage(root + ".persistence..", root + ".http..",
                    "io.helidon..", "java.sql..", "javax.sql..")
                    .as("persistence or HTTP code (" + root + ".persistence.., " + root + ".http.., io.helidon.., "
                            + "java.sql.., javax.sql..)");
            return CompositeArchRule.of(
                    classes().that().resideInAPackage(root + "..").and().implement(CredentialVerifier.class)
                            .and().areNotInterfaces()
                            .should(dependOnNothingOutsideThemselvesThat(adapterCode)))
                    .and(classes().that().resideInAPackage(root + "..").and().implement(CredentialVerifier.class)
                            .and().areNotInterfaces()
                            .should(haveNoDependentsButThemselvesAndProvidersOfTheirPackage()))
                    .because("a verifier reaches the world only through the ports of its VerifierContext, and "
                            + "only its own provider creates it");
        }

        @Override
        List<Target> targets(String root) {
            return List.of(verifiers(root));
        }
    },

    VERIFIER_PROVIDERS_ARE_USED_ONLY_THROUGH_SERVICE_LOADER {
        @Override
        ArchRule create(String root) {
            return classes().that().resideInAPackage(root + "..").and().implement(CredentialVerifierProvider.class)
                    .and().areNotInterfaces()
                    .should(haveNoDependentsExceptThemselvesAnd(DescribedPredicate.alwaysFalse(),
                            "have no dependent classes but themselves"))
                    .because("the composition root loads every authentication method through ServiceLoader, so "
                            + "built-in and added methods take the same path");
        }

        @Override
        List<Target> targets(String root) {
            return List.of(providers(root));
        }
    },

    VERIFIER_PROVIDERS_ARE_REGISTERED_FOR_SERVICE_LOADER {
        @Override
        ArchRule create(String root) {
            return classes().that().resideInAPackage(root + "..").and().implement(CredentialVerifierProvider.class)
                    .and().areNotInterfaces().and().doNotHaveModifier(JavaModifier.ABSTRACT)
                    .should(beLoadableWithServiceLoader());
        }

        @Override
        List<Target> targets(String root) {
            return List.of(providers(root));
        }
    },

    DOMAIN_DOES_NO_IO_AND_NO_LOGGING {
        @Override
        ArchRule create(String root) {
            return noClasses().that().resideInAPackage(root + ".domain..")
                    .should().dependOnClassesThat(IO_OR_LOGGING)
                    .orShould().accessField(System.class, "out")
                    .orShould().accessField(System.class, "err");
        }

        @Override
        List<Target> targets(String root) {
            return List.of(Target.inPackage(root + ".domain.."));
        }
    };

    private static final String HTTP_SERVICE = "io.helidon.webserver.http.HttpService";
    private static final Set<String> CONFIG_TYPES = Set.of("io.helidon.config.Config", "io.helidon.common.config.Config");

    private static final DescribedPredicate<JavaAccess<?>> CONFIG_GLOBAL = DescribedPredicate.describe(
            "Config.global()", access -> access.getName().equals("global")
                    && CONFIG_TYPES.contains(access.getTargetOwner().getName()));

    private static final DescribedPredicate<JavaClass> IO_OR_LOGGING = resideInAnyPackage(
            "java.io..", "java.nio.file..", "java.nio.channels..", "java.net..", "java.sql..", "javax.sql..",
            "java.util.logging..")
            .and(not(equivalentTo(Serializable.class)))
            .or(HasName.Predicates.name("java.lang.System$Logger"))
            .as("I/O, JDBC or logging types (java.io except Serializable, java.nio.file, java.nio.channels, "
                    + "java.net, java.sql, javax.sql, java.util.logging, System.Logger)");

    /** The rule for the classes under this base package. */
    abstract ArchRule create(String root);

    /** The class sets the rule is about; each must be non-empty for the rule to mean anything. */
    abstract List<Target> targets(String root);

    /** A named, non-empty-checked class set. */
    record Target(String description, DescribedPredicate<? super JavaClass> predicate) {
        static Target inPackage(String packagePattern) {
            return new Target("classes in " + packagePattern, resideInAPackage(packagePattern));
        }

        static Target of(String description, DescribedPredicate<? super JavaClass> predicate) {
            return new Target(description, predicate);
        }
    }

    /** Every package under {@code root} is a slice: cycles between feature packages count, too. */
    static SliceRule packageCycles(String root) {
        return slices().matching(root + ".(**)").namingSlices("package $1").should().beFreeOfCycles();
    }

    private static DescribedPredicate<JavaClass> useCase(String root) {
        return resideInAPackage(root + ".application.port.in..").and(INTERFACES)
                .and(simpleNameEndingWith("UseCase"))
                .as("…UseCase interfaces in " + root + ".application.port.in..");
    }

    private static DescribedPredicate<JavaClass> wireOrCommandType(String root) {
        return resideInAPackage(root + "..")
                .and(simpleNameEndingWith("Command").or(simpleNameEndingWith("Query"))
                        .or(simpleNameEndingWith("Request")).or(simpleNameEndingWith("Response")))
                .as("classes in " + root + ".. named …Command, …Query, …Request or …Response");
    }

    private static Target verifiers(String root) {
        return Target.of("implementations of CredentialVerifier in " + root + "..",
                resideInAPackage(root + "..").and(implement(CredentialVerifier.class)).and(not(INTERFACES)));
    }

    private static Target providers(String root) {
        return Target.of("implementations of CredentialVerifierProvider in " + root + "..",
                resideInAPackage(root + "..").and(implement(CredentialVerifierProvider.class)).and(not(INTERFACES))
                        .and(not(modifier(JavaModifier.ABSTRACT))));
    }

    /**
     * No class depends on the checked class except the class itself, its nested classes and
     * classes matching {@code allowed}.
     */
    private static ArchCondition<JavaClass> haveNoDependentsExceptThemselvesAnd(
            DescribedPredicate<? super JavaClass> allowed, String description) {
        return new ArchCondition<>(description) {
            @Override
            public void check(JavaClass item, ConditionEvents events) {
                for (Dependency dependency : item.getDirectDependenciesToSelf()) {
                    JavaClass origin = dependency.getOriginClass();
                    if (!topLevel(origin).equals(topLevel(item)) && !allowed.test(origin)) {
                        events.add(SimpleConditionEvent.violated(dependency, dependency.getDescription()));
                    }
                }
            }
        };
    }

    /** No dependency of the class (or its nested classes) on a class matching {@code forbidden}, but on itself. */
    private static ArchCondition<JavaClass> dependOnNothingOutsideThemselvesThat(
            DescribedPredicate<? super JavaClass> forbidden) {
        return new ArchCondition<>("depend on no " + forbidden.getDescription()) {
            @Override
            public void check(JavaClass item, ConditionEvents events) {
                for (Dependency dependency : item.getDirectDependenciesFromSelf()) {
                    JavaClass target = dependency.getTargetClass().getBaseComponentType();
                    if (!topLevel(target).equals(topLevel(item)) && forbidden.test(target)) {
                        events.add(SimpleConditionEvent.violated(dependency, dependency.getDescription()));
                    }
                }
            }
        };
    }

    /** Dependents are the class itself, its nesting, or a CredentialVerifierProvider of the same package. */
    private static ArchCondition<JavaClass> haveNoDependentsButThemselvesAndProvidersOfTheirPackage() {
        return new ArchCondition<>("have no dependent classes but themselves and providers of their own package") {
            @Override
            public void check(JavaClass item, ConditionEvents events) {
                for (Dependency dependency : item.getDirectDependenciesToSelf()) {
                    JavaClass origin = dependency.getOriginClass();
                    boolean ownProvider = origin.isAssignableTo(CredentialVerifierProvider.class)
                            && origin.getPackageName().equals(item.getPackageName());
                    if (!topLevel(origin).equals(topLevel(item)) && !ownProvider) {
                        events.add(SimpleConditionEvent.violated(dependency, dependency.getDescription()));
                    }
                }
            }
        };
    }

    private static JavaClass topLevel(JavaClass javaClass) {
        JavaClass current = javaClass;
        while (current.getEnclosingClass().isPresent()) {
            current = current.getEnclosingClass().get();
        }
        return current;
    }

    private static ArchCondition<JavaClass> beLoadableWithServiceLoader() {
        return new ArchCondition<>("be listed in META-INF/services/" + CredentialVerifierProvider.class.getName()) {
            private Set<String> registered;

            @Override
            public void init(Collection<JavaClass> allObjectsToTest) {
                // stream() loads the listed classes but instantiates none of them.
                registered = ServiceLoader.load(CredentialVerifierProvider.class).stream()
                        .map(provider -> provider.type().getName())
                        .collect(Collectors.toUnmodifiableSet());
            }

            @Override
            public void check(JavaClass item, ConditionEvents events) {
                boolean listed = registered.contains(item.getName());
                events.add(new SimpleConditionEvent(item, listed, item.getName()
                        + (listed ? " is" : " is not") + " registered for ServiceLoader in META-INF/services/"
                        + CredentialVerifierProvider.class.getName() + " in " + item.getSourceCodeLocation()));
            }
        };
    }
}
