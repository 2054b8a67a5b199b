package dev.warden.application.port.in;

/** Driving port: one user of the current organization ({@code GET /management/v1/users/{id}}). */
public interface GetUserUseCase {
    UserResult getUser(GetUserQuery query);
}
