package dev.warden.application.service;

import dev.warden.application.authz.AccessControl;
import dev.warden.application.error.AlreadyExistsException;
import dev.warden.application.error.InvalidArgumentException;
import dev.warden.application.port.in.AddOrgCommand;
import dev.warden.application.port.in.AddOrgUseCase;
import dev.warden.application.port.in.OrganizationResult;
import dev.warden.application.port.out.OrganizationRepository;
import dev.warden.domain.id.IdGenerator;
import dev.warden.domain.member.Membership;
import dev.warden.domain.org.OrgName;
import dev.warden.domain.org.Organization;
import dev.warden.domain.policy.MemberScope;
import dev.warden.domain.policy.Permission;
import dev.warden.domain.policy.Role;

import java.time.Clock;
import java.time.Instant;
import java.util.Objects;
import java.util.Set;

/** Creates an organization for callers holding {@code org.create}; the caller becomes its ORG_OWNER. */
public final class AddOrgService implements AddOrgUseCase {

    private final AccessControl accessControl;
    private final OrganizationRepository organizations;
    private final IdGenerator ids;
    private final Clock clock;
    private final String instanceDomain;

    public AddOrgService(AccessControl accessControl, OrganizationRepository organizations, IdGenerator ids,
                         Clock clock, String instanceDomain) {
        this.accessControl = accessControl;
        this.organizations = organizations;
        this.ids = ids;
        this.clock = clock;
        this.instanceDomain = Objects.requireNonNull(instanceDomain, "instanceDomain");
    }

    @Override
    public OrganizationResult addOrg(AddOrgCommand command) {
        accessControl.authorize(command.caller(), Permission.ORG_CREATE);
        String name = validName(command.name(), "AddOrgRequest");
        Instant now = clock.instant();
        Organization org = Organization.create(ids.nextId(), name, instanceDomain, now);
        Membership owner = Membership.grant(command.caller().principal().userId(), MemberScope.ORG, org.id(),
                Set.of(Role.ORG_OWNER), now);
        if (!organizations.insert(org, owner)) {
            throw nameTaken();
        }
        return new OrganizationResult(org);
    }

    /** The trimmed name, or request validation's error for {@code requestType}'s Name field; shared with UpdateOrg. */
    static String validName(String name, String requestType) {
        try {
            return OrgName.validate(name);
        } catch (IllegalArgumentException invalid) {
            // Request validation errors carry no ZITADEL error id (contract §9.1).
            throw new InvalidArgumentException(null, "invalid " + requestType
                    + ".Name: value length must be between 1 and 200 runes, inclusive");
        }
    }

    /** ZITADEL's answer to a name another organization has; shared with UpdateOrg. */
    static AlreadyExistsException nameTaken() {
        return new AlreadyExistsException("V3-DKcYh", "Organisation's name or id already taken");
    }
}
