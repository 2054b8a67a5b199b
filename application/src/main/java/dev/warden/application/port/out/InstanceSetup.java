package dev.warden.application.port.out;

import dev.warden.domain.instance.Instance;
import dev.warden.domain.member.Membership;
import dev.warden.domain.org.Organization;
import dev.warden.domain.serviceuser.ServiceUser;
import dev.warden.domain.token.PersonalAccessToken;

import java.util.List;
import java.util.Objects;

/** Everything the first start creates, stored together by {@link InstanceRepository#initialize}. */
public record InstanceSetup(Instance instance, Organization organization, ServiceUser admin,
                            List<Membership> memberships, PersonalAccessToken adminToken) {
    public InstanceSetup {
        Objects.requireNonNull(instance, "instance");
        Objects.requireNonNull(organization, "organization");
        Objects.requireNonNull(admin, "admin");
        memberships = List.copyOf(memberships);
        Objects.requireNonNull(adminToken, "adminToken");
    }
}
