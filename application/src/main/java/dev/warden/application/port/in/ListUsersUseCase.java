package dev.warden.application.port.in;

/** Driving port: search the current organization's users ({@code POST /management/v1/users/_search}). */
public interface ListUsersUseCase {
    UserListResult listUsers(ListUsersQuery query);
}
