package dev.warden.application.oauth;

import dev.warden.application.port.out.OrganizationRepository;
import dev.warden.domain.org.OrgState;
import dev.warden.domain.serviceuser.ServiceUser;

/** The state rule every OAuth credential shares: its user can authenticate and its organization is active. */
final class ActiveAccounts {

    private ActiveAccounts() {
    }

    static boolean canAuthenticate(ServiceUser user, OrganizationRepository organizations) {
        return user.canAuthenticate() && organizations.findById(user.orgId())
                .filter(org -> org.state() == OrgState.ACTIVE).isPresent();
    }
}
