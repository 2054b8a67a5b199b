package dev.warden.http.org;

/** Body of {@code POST /orgs} and {@code PUT /orgs/me}: {@code {"name":"…"}}. */
public record OrgNameRequest(String name) {
}
