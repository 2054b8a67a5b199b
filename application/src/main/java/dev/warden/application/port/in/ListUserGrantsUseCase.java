package dev.warden.application.port.in;

/** Driving port: Searches the current organization's grants. */
public interface ListUserGrantsUseCase {
    UserGrantListResult listUserGrants(ListUserGrantsQuery query);
}
