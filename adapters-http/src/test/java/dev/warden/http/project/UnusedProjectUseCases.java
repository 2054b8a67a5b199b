package dev.warden.http.project;

import java.util.function.Supplier;

/** Project use cases for route tests of other resources: every call fails the test. */
public final class UnusedProjectUseCases {

    private UnusedProjectUseCases() {
    }

    /** @param fail throws (an assertion error) when called */
    public static ProjectUseCases create(Supplier<?> fail) {
        return new ProjectUseCases(
                x -> never(fail),
                x -> never(fail),
                x -> never(fail),
                x -> never(fail),
                x -> never(fail),
                x -> never(fail),
                x -> never(fail),
                x -> never(fail),
                x -> never(fail),
                x -> never(fail),
                x -> never(fail),
                x -> never(fail),
                x -> never(fail),
                x -> never(fail),
                x -> never(fail),
                x -> never(fail),
                x -> never(fail),
                x -> never(fail),
                x -> never(fail),
                x -> never(fail),
                x -> never(fail),
                x -> never(fail),
                x -> never(fail),
                x -> never(fail),
                x -> never(fail),
                x -> never(fail),
                x -> never(fail),
                x -> never(fail),
                x -> never(fail),
                x -> never(fail));
    }

    private static <T> T never(Supplier<?> fail) {
        fail.get();
        throw new AssertionError("project use case not under test");
    }
}
