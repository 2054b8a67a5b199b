package dev.warden.bootstrap.architecture;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;

/**
 * The two class sets the architecture rules are evaluated against: Warden's production classes,
 * and the deliberately broken fixtures under {@link #FIXTURES_ROOT}.
 */
final class ArchitectureClasses {

    static final String PRODUCTION_ROOT = "dev.warden";
    static final String FIXTURES_ROOT = "dev.warden.bootstrap.architecture.fixtures";

    /**
     * {@link ImportOption.DoNotIncludeTests} only knows test output directories; the application
     * module's fakes reach this class path as a test-jar, which it would import as production.
     */
    private static final ImportOption NO_TEST_JARS = location -> !location.contains("-tests.jar")
            && !location.contains("/test-classes/");

    /** The architecture tests and their fixtures, wherever an IDE or build tool puts test output. */
    private static final ImportOption NO_ARCHITECTURE_TESTS =
            location -> !location.contains("/dev/warden/bootstrap/architecture/");

    /** A {@code package-info} with package annotations compiles to an interface; it is no type of ours. */
    private static final ImportOption NO_PACKAGE_INFO = location -> !location.contains("package-info.class");

    private static JavaClasses production;
    private static JavaClasses fixtures;

    private ArchitectureClasses() {
    }

    static synchronized JavaClasses production() {
        if (production == null) {
            production = new ClassFileImporter()
                    .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                    .withImportOption(NO_TEST_JARS)
                    .withImportOption(NO_ARCHITECTURE_TESTS)
                    .withImportOption(NO_PACKAGE_INFO)
                    .importPackages(PRODUCTION_ROOT);
        }
        return production;
    }

    /** The fixtures are test classes, so they are imported on their own, by package. */
    static synchronized JavaClasses fixtures() {
        if (fixtures == null) {
            fixtures = new ClassFileImporter()
                    .withImportOption(NO_PACKAGE_INFO)
                    .importPackages(FIXTURES_ROOT);
        }
        return fixtures;
    }
}
